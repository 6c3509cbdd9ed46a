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
    private static readonly string[] Files = ["Directory.Build.props", "Directory.Packages.props", "global.json", "README.md", "LICENSE", "NOTICE", ".editorconfig"];

    private readonly string _top;

    private RepositoryCopy(string top, string root)
    {
        _top = top;
        Root = root;
    }

    /// <summary>The copy's top folder.</summary>
    public string Root { get; }

    /// <summary>The checkout the tests run from.</summary>
    public static string SourceRoot => Colo.Gen.TestSupport.RepositoryRoot.Path;

    /// <summary>
    /// Copies the sources (never bin/ or obj/) into a new temporary folder, or into the folder
    /// <paramref name="nestedIn"/> (a relative path) inside it, for a checkout that sits deeper.
    /// </summary>
    public static RepositoryCopy Create(string? nestedIn = null)
    {
        string top = Path.Combine(Path.GetTempPath(), "colo-gen-copy-" + Guid.NewGuid().ToString("N")[..12]);
        string root = nestedIn is null ? top : Path.Combine(top, nestedIn);
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

        return new RepositoryCopy(top, root);
    }

    /// <summary>The path of a file in the copy.</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Deletes the copy.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(_top, recursive: true);
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
