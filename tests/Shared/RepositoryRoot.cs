using System;
using System.IO;

namespace Colo.Gen.TestSupport;

/// <summary>
/// The checkout the tests and benchmarks run from: the nearest folder holding Colo.Gen.sln above
/// the binaries (else above the current directory). One file, linked into every project that
/// reads the repository's own files.
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The checkout's top folder.</summary>
    public static string Path => Root.Value;

    /// <summary>A path inside the checkout.</summary>
    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Colo.Gen.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Colo.Gen.sln not found above " + AppContext.BaseDirectory + " or " + Environment.CurrentDirectory);
    }
}
