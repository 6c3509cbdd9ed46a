using System;
using System.IO;
using Xunit;

namespace Colo.Gen.Generator.Tests.Infrastructure;

/// <summary>
/// Tests that run a real peer (libxlutil, flex, QEMU) skip with a stated reason when the
/// peer is missing on a developer machine. CI sets COLO_GEN_REQUIRE_TOOLS=1, which turns
/// such a skip into a failure, so the peers are always exercised there.
/// </summary>
public static class RequiredTool
{
    /// <summary>True when a missing tool must fail the test instead of skipping it.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("COLO_GEN_REQUIRE_TOOLS") == "1";

    /// <summary>Skips (or, in CI, fails) unless <paramref name="present"/> holds.</summary>
    public static void Need(bool present, string what)
    {
        if (present)
        {
            return;
        }

        string reason = $"{what} is not installed on this machine";
        if (Required)
        {
            Assert.Fail(reason + " (COLO_GEN_REQUIRE_TOOLS=1 makes it required)");
        }

        Assert.Skip(reason);
    }

    /// <summary>Skips unless an executable named <paramref name="name"/> is on PATH.</summary>
    public static string NeedExecutable(string name, string package)
    {
        string? found = FindOnPath(name);
        Need(found is not null, $"{name} (Debian package {package})");
        return found!;
    }

    /// <summary>Skips unless the file exists.</summary>
    public static void NeedFile(string path, string package) =>
        Need(File.Exists(path), $"{path} (Debian package {package})");

    /// <summary>The full path of an executable on PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0)
            {
                continue;
            }

            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
