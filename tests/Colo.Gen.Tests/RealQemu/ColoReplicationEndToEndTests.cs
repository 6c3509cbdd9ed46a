using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Colo.Gen.Backends;
using Colo.Gen.Qmp;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.RealQemu;

public sealed class ColoReplicationEndToEndTests
{
    private const string Export = "colo1";

    private static void AssertPattern(string image, string read)
    {
        string output = QemuProcess.QemuIo(image, "raw", read);
        Assert.DoesNotContain("Pattern verification failed", output);
        Assert.Contains("read ", output);
    }

    [Fact]
    public async Task A_write_on_the_primary_reaches_the_secondary_image_and_a_checkpoint_succeeds()
    {
        QemuProcess.NeedQemu();
        RequiredTool.NeedExecutable("qemu-io", "qemu-utils");
        DirectoryInfo dir = Directory.CreateTempSubdirectory("colo-e2e-");
        try
        {
            string primaryImage = QemuProcess.CreateImage(Path.Combine(dir.FullName, "primary.raw"), "raw");
            string secondaryImage = QemuProcess.CreateImage(Path.Combine(dir.FullName, "secondary.raw"), "raw");
            string active = QemuProcess.CreateImage(Path.Combine(dir.FullName, "active.qcow2"), "qcow2");
            string hidden = QemuProcess.CreateImage(Path.Combine(dir.FullName, "hidden.qcow2"), "qcow2");

            // Each host prepares the same disk for its role; its QEMU and its replication steps take the prepared disk.
            var (secondary, port) = await QemuProcess.StartColoSecondaryAsync(
                dir.FullName, listen => BuiltDiskArguments.Prepare(ColoRole.Secondary, BuiltDiskArguments.ColoSpec(secondaryImage, listen, Export, active, hidden)), TestContext.Current.CancellationToken);
            PreparedDisks onPrimaryHost = BuiltDiskArguments.Prepare(ColoRole.Primary, BuiltDiskArguments.ColoSpec(primaryImage, port, Export, active, hidden));

            ReplicationStatus primaryStatus;
            ReplicationStatus secondaryStatus;
            await using (secondary)
            await using (QemuProcess primary = await QemuProcess.StartAsync(dir.FullName, "primary", BuiltDiskArguments.For(onPrimaryHost), TestContext.Current.CancellationToken))
            {
                var onSecondary = new ColoReplication(secondary.Qmp);
                var onPrimary = new ColoReplication(primary.Qmp);
                await onPrimary.StartPrimaryAsync(onPrimaryHost[0], "nbd_client1", TestContext.Current.CancellationToken);

                await primary.Qmp.HumanMonitorCommandAsync($"qemu-io {Export} \"write -P 0x5a 4096 64k\"", TestContext.Current.CancellationToken);
                await onPrimary.CheckpointAsync(TestContext.Current.CancellationToken);
                await onSecondary.CheckpointAsync(TestContext.Current.CancellationToken);
                primaryStatus = await onPrimary.QueryStatusAsync(TestContext.Current.CancellationToken);
                secondaryStatus = await onSecondary.QueryStatusAsync(TestContext.Current.CancellationToken);

                await onPrimary.StopPrimaryAsync(onPrimaryHost[0], "nbd_client1", TestContext.Current.CancellationToken);
                await onSecondary.StopSecondaryAsync(TestContext.Current.CancellationToken);
                await primary.QuitAsync();
                await secondary.QuitAsync();
            }

            Assert.Equal(new ReplicationStatus(false, null), primaryStatus);
            Assert.Equal(new ReplicationStatus(false, null), secondaryStatus);
            AssertPattern(primaryImage, "read -P 0x5a 4096 64k");
            AssertPattern(secondaryImage, "read -P 0x5a 4096 64k");
            AssertPattern(secondaryImage, "read -P 0 0 4096");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_secondary_whose_first_port_is_taken_listens_on_the_next_one()
    {
        QemuProcess.NeedQemu();
        DirectoryInfo dir = Directory.CreateTempSubdirectory("colo-e2e-");
        try
        {
            string secondaryImage = QemuProcess.CreateImage(Path.Combine(dir.FullName, "secondary.raw"), "raw");
            string active = QemuProcess.CreateImage(Path.Combine(dir.FullName, "active.qcow2"), "qcow2");
            string hidden = QemuProcess.CreateImage(Path.Combine(dir.FullName, "hidden.qcow2"), "qcow2");
            using var someoneElse = new TcpListener(IPAddress.Loopback, 0);
            someoneElse.Start();
            int taken = ((IPEndPoint)someoneElse.LocalEndpoint).Port;
            var tried = new List<int>();

            var (secondary, port) = await QemuProcess.StartColoSecondaryAsync(
                dir.FullName,
                listen =>
                {
                    tried.Add(listen);
                    return BuiltDiskArguments.Prepare(ColoRole.Secondary, BuiltDiskArguments.ColoSpec(secondaryImage, listen, Export, active, hidden));
                },
                TestContext.Current.CancellationToken,
                QemuProcess.CandidatePorts().Where(p => p != taken).Prepend(taken));
            await using (secondary)
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);

                Assert.Equal(taken, tried[0]);
                Assert.NotEqual(taken, port);
                Assert.Equal(port, tried[^1]);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Starting_the_primary_before_the_secondary_listens_fails_with_qemus_message()
    {
        QemuProcess.NeedQemu();
        DirectoryInfo dir = Directory.CreateTempSubdirectory("colo-e2e-");
        try
        {
            string primaryImage = QemuProcess.CreateImage(Path.Combine(dir.FullName, "primary.raw"), "raw");
            string active = Path.Combine(dir.FullName, "active.qcow2");
            string hidden = Path.Combine(dir.FullName, "hidden.qcow2");
            using Socket refusing = QemuProcess.ReserveRefusingPort(out int port);
            PreparedDisks onPrimaryHost = BuiltDiskArguments.Prepare(ColoRole.Primary, BuiltDiskArguments.ColoSpec(primaryImage, port, Export, active, hidden));
            await using QemuProcess primary = await QemuProcess.StartAsync(dir.FullName, "primary", BuiltDiskArguments.For(onPrimaryHost), TestContext.Current.CancellationToken);

            QmpException error = await Assert.ThrowsAsync<QmpException>(() =>
                new ColoReplication(primary.Qmp).StartPrimaryAsync(onPrimaryHost[0], "nbd_client1", TestContext.Current.CancellationToken));

            Assert.Equal("blockdev-add", error.Command);
            Assert.Contains("Connection refused", error.Description, System.StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
