using System.Globalization;
using System.Text;

namespace Colo.Gen.Generator.Common;

/// <summary>
/// The hint names of generated sources, one rule for both generators. The compiler needs each
/// unique within a generator; they become the generated files' names, so they must not depend
/// on where the checkout sits.
/// </summary>
internal static class HintNames
{
    /// <summary>
    /// For a grammar file: its file name (characters other than letters, digits, '.', '_' and '-'
    /// become '_'), then a hash of <paramref name="stableKey"/> (<see cref="SourcePaths.StableKey"/>)
    /// so that two files of one name in different folders get different names, then ".g.cs":
    /// <c>grammar/disk.l</c> → <c>disk.l.1b3c5d7f.g.cs</c>.
    /// </summary>
    public static string ForFile(string path, string stableKey) =>
        Sanitize(FileName(path)) + "." + Fnv1a(stableKey).ToString("x8", CultureInfo.InvariantCulture) + ".g.cs";

    /// <summary>
    /// For the source a generator shares between all files of one namespace: <c>Colo.Gen.ColoGenSupport.g.cs</c>.
    /// A namespace whose name loses characters to the file-name rule (<c>Café</c>, <c>@class</c>) also gets
    /// a hash of the name, so that two namespaces which differ only there (<c>Café</c>, <c>Cafè</c>) never
    /// share a hint name (the compiler refuses the second, and the generator would fail).
    /// </summary>
    public static string ForNamespace(string @namespace, string what)
    {
        string name = Sanitize(@namespace);
        return name == @namespace
            ? name + "." + Sanitize(what) + ".g.cs"
            : name + "." + Fnv1a(@namespace).ToString("x8", CultureInfo.InvariantCulture) + "." + Sanitize(what) + ".g.cs";
    }

    /// <summary>The last segment of a path, by text alone (.NET Framework's Path.GetFileName throws on characters Windows forbids).</summary>
    public static string FileName(string path) => path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);

    private static string Sanitize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            sb.Append(c < 128 && (char.IsLetterOrDigit(c) || c is '.' or '_' or '-') ? c : '_');
        }

        return sb.ToString();
    }

    // FNV-1a over the UTF-16 code units: small, stable across runtimes and processes (string.GetHashCode is neither).
    private static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return hash;
    }
}
