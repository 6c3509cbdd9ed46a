using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Api;

/// <summary>
/// tests/Samples/ColoTwoHosts, a program that sees only the library's public API, goes from an xl
/// spec to the QEMU arguments of a COLO primary and of its secondary; built with this test project
/// and run here as its own process.
/// </summary>
[Collection(nameof(SdkBuilds))]
public sealed class SampleTests
{
    [Fact]
    public async Task The_two_host_sample_prints_the_primarys_and_the_secondarys_qemu_arguments()
    {
        string sample = typeof(SampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ColoTwoHostsSample").Value!;
        Assert.True(File.Exists(sample), sample);

        ProcessOutcome run = await DotnetCli.RunAsync(Path.GetDirectoryName(sample)!, TimeSpan.FromMinutes(2), sample);

        Assert.True(run.ExitCode == 0, run.Transcript);
        Assert.Equal("", run.StandardError);
        Assert.Equal(
            """
            Primary (qdisk backend):
              -drive
              if=ide,index=0,media=disk,cache=writeback,driver=quorum,id=disk0,children.0.file.filename=/var/lib/xen/images/guest.img,children.0.driver=raw,read-pattern=fifo,vote-threshold=1
            Secondary (qdisk backend):
              -drive
              if=none,driver=raw,file=/var/lib/xen/images/guest.img,id=disk0
              -drive
              if=ide,index=0,id=top-colo,media=disk,cache=writeback,driver=replication,mode=secondary,top-id=top-colo,file.driver=qcow2,file.file.filename=/var/lib/xen/colo/active.qcow2,file.backing.driver=qcow2,file.backing.file.filename=/var/lib/xen/colo/hidden.qcow2,file.backing.backing=disk0
            without colo-host:
              no suitable backend for disk hda [libxl]
              disk hda: COLO needs colo-host=HOST, the address of the secondary's NBD server [colo-host]

            """.ReplaceLineEndings("\n"),
            run.StandardOutput);
    }
}
