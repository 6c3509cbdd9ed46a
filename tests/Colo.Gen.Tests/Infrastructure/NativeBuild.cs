using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace Colo.Gen.Tests.Infrastructure;

/// <summary>
/// Compiles the C helpers under tests/native with gcc when a test first needs them.
/// The binary is cached in the temp directory under a name that includes a hash of the
/// source and the gcc arguments, so an edit of the C file rebuilds it and a rerun does not.
/// </summary>
public static class NativeBuild
{
    private static readonly Lock Gate = new();

    /// <summary>
    /// The libxlutil oracle (tests/native/xlu-oracle/xlu-oracle.c), built against Debian's
    /// libxen-dev. Skips (or fails under COLO_GEN_REQUIRE_TOOLS=1) without gcc or libxen-dev.
    /// </summary>
    public static string XluOracle()
    {
        RequiredTool.NeedExecutable("gcc", "gcc");
        RequiredTool.NeedFile("/usr/include/libxlutil.h", "libxen-dev");
        return Build(Path.Combine("tests", "native", "xlu-oracle", "xlu-oracle.c"), "xlu-oracle", "-lxlutil", "-lxenlight");
    }

    /// <summary>
    /// The libxl JSON oracle (tests/native/disk-json-oracle/disk-json-oracle.c), built against
    /// Debian's libxen-dev. Skips (or fails under COLO_GEN_REQUIRE_TOOLS=1) without gcc or libxen-dev.
    /// </summary>
    public static string DiskJsonOracle()
    {
        RequiredTool.NeedExecutable("gcc", "gcc");
        RequiredTool.NeedFile("/usr/include/libxl.h", "libxen-dev");
        return Build(Path.Combine("tests", "native", "disk-json-oracle", "disk-json-oracle.c"), "disk-json-oracle", "-lxenlight");
    }

    /// <summary>
    /// The libxlutil config-file oracle (tests/native/xlcfg-oracle/xlcfg-oracle.c), built against
    /// Debian's libxen-dev. Skips (or fails under COLO_GEN_REQUIRE_TOOLS=1) without gcc or libxen-dev.
    /// </summary>
    public static string XlConfigOracle()
    {
        RequiredTool.NeedExecutable("gcc", "gcc");
        RequiredTool.NeedFile("/usr/include/libxlutil.h", "libxen-dev");
        return Build(Path.Combine("tests", "native", "xlcfg-oracle", "xlcfg-oracle.c"), "xlcfg-oracle", "-lxlutil", "-lxenlight");
    }

    /// <summary>The repository root.</summary>
    public static string RepositoryRoot() => Colo.Gen.TestSupport.RepositoryRoot.Path;

    private static string Build(string relativeSource, string name, params string[] libraries)
    {
        string source = Path.Combine(RepositoryRoot(), relativeSource);
        string arguments = "-O2 -Wall -Werror -o {0} " + Quote(source) + " " + string.Join(" ", libraries);
        byte[] key = SHA256.HashData(Encoding.UTF8.GetBytes(File.ReadAllText(source) + "\n" + string.Join(" ", libraries)));
        string cacheDir = Path.Combine(Path.GetTempPath(), "colo-gen-native");
        string binary = Path.Combine(cacheDir, name + "-" + Convert.ToHexString(key, 0, 8).ToLowerInvariant());

        lock (Gate)
        {
            if (File.Exists(binary))
            {
                return binary;
            }

            Directory.CreateDirectory(cacheDir);
            // Build beside the final name and rename, so a concurrent test process never runs half a file.
            string partial = binary + "." + Environment.ProcessId + ".tmp";
            var start = new ProcessStartInfo("gcc", string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, Quote(partial)))
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using Process gcc = Process.Start(start) ?? throw new InvalidOperationException("gcc did not start");
            string stderr = gcc.StandardError.ReadToEnd();
            gcc.StandardOutput.ReadToEnd();
            gcc.WaitForExit();
            if (gcc.ExitCode != 0)
            {
                throw new InvalidOperationException($"gcc failed on {relativeSource} (exit {gcc.ExitCode}):\n{stderr}");
            }

            File.Move(partial, binary, overwrite: true);
            return binary;
        }
    }

    private static string Quote(string path) => "\"" + path.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
