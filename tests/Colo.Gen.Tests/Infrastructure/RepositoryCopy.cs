using System;
using System.IO;

namespace Colo.Gen.Tests.Infrastructure;

/// <summary>
/// A throwaway copy of the parts of this repository that build the library, so a test can
/// edit the grammar or pack the projects without touching (or racing) the checkout under test.
/// </summary>
public sealed class RepositoryCopy : IDisposable
{
    private static readonly string[] Folders = ["grammar", "generator", "runtime", "cli"];
    private static readonly string[] Files = ["Directory.Build.props", "Directory.Packages.props", "global.json", "README.md", ".editorconfig"];

    private RepositoryCopy(string root) => Root = root;

    /// <summary>The copy's top folder.</summary>
    public string Root { get; }

    /// <summary>The checkout the tests run from.</summary>
    public static string SourceRoot => Colo.Gen.TestSupport.RepositoryRoot.Path;

    /// <summary>Copies the sources (never bin/ or obj/) into a new temporary folder.</summary>
    public static RepositoryCopy Create()
    {
        string root = Path.Combine(Path.GetTempPath(), "colo-gen-copy-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        string source = SourceRoot;
        foreach (string folder in Folders)
        {
            CopyTree(Path.Combine(source, folder), Path.Combine(root, folder));
        }

        foreach (string file in Files)
        {
            string from = Path.Combine(source, file);
            if (File.Exists(from))
            {
                File.Copy(from, Path.Combine(root, file));
            }
        }

        return new RepositoryCopy(root);
    }

    /// <summary>The path of a file in the copy.</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Deletes the copy.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temp folder is cleaned later.
        }
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (string dir in Directory.GetDirectories(from))
        {
            string name = Path.GetFileName(dir);
            if (name is "bin" or "obj")
            {
                continue;
            }

            CopyTree(dir, Path.Combine(to, name));
        }
    }
}
