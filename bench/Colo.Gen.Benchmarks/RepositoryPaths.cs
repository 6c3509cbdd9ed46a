using System;
using System.IO;

namespace Colo.Gen.Benchmarks;

/// <summary>Finds the checkout the benchmarks run from, for their input files.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Colo.Gen.sln")))
                {
                    return dir.FullName;
                }
            }

            for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Colo.Gen.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("run the benchmarks from inside the Colo.Gen checkout");
        }
    }
}
