using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Api;

/// <summary>
/// The library's public surface is tracked (docs/public-api.md): a public member that is not in
/// runtime/PublicAPI.*.txt, or a listed one that is gone, fails the build. Shown by editing a copy of
/// the repository and building it.
/// </summary>
[Collection(nameof(SdkBuilds))]
public sealed class PublicApiTrackingTests
{
    [Fact]
    public async Task An_untracked_public_member_and_a_tracked_member_that_is_gone_fail_the_build()
    {
        using RepositoryCopy copy = RepositoryCopy.Create();
        File.WriteAllText(copy.PathOf("runtime/Untracked.cs"), """
            namespace Colo.Gen;

            /// <summary>A public type nobody added to the tracked surface.</summary>
            public static class Untracked
            {
                /// <summary>A public member nobody added either.</summary>
                public static int Answer => 42;
            }
            """);
        File.AppendAllLines(copy.PathOf("runtime/PublicAPI.Unshipped.txt"), ["Colo.Gen.DiskSpecParser.Gone() -> void"]);

        ProcessOutcome build = await DotnetCli.RunAsync(copy.Root, TimeSpan.FromMinutes(8), "build", "runtime", "-nologo");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error RS0016: Symbol 'Colo.Gen.Untracked' is not part of the declared public API", build.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("error RS0016: Symbol 'static Colo.Gen.Untracked.Answer.get -> int' is not part of the declared public API", build.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("error RS0017: Symbol 'Colo.Gen.DiskSpecParser.Gone() -> void' is part of the declared API", build.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tracked_surface_files_are_in_place_and_list_the_preparation_path()
    {
        string runtime = Path.Combine(RepositoryCopy.SourceRoot, "runtime");
        string[] shipped = File.ReadAllLines(Path.Combine(runtime, "PublicAPI.Shipped.txt"));
        string[] unshipped = File.ReadAllLines(Path.Combine(runtime, "PublicAPI.Unshipped.txt"));

        Assert.Equal("#nullable enable", shipped[0]);
        Assert.Equal("#nullable enable", unshipped[0]);
        Assert.Contains(unshipped, l => l.StartsWith("static Colo.Gen.PreparedDisks.Prepare(", StringComparison.Ordinal));
        Assert.Contains("static Colo.Gen.Qemu.DeviceModelArguments.Build(Colo.Gen.PreparedDisks! disks, Colo.Gen.Qemu.QemuDialect dialect = Colo.Gen.Qemu.QemuDialect.Upstream, Colo.Gen.Qemu.QemuTargetPolicy? policy = null) -> Colo.Gen.Qemu.DeviceModelResult!", unshipped);
        Assert.DoesNotContain(unshipped.Concat(shipped), l => l.Contains("DiskDefaults", StringComparison.Ordinal) || l.Contains("BackendSelector", StringComparison.Ordinal));
    }
}
