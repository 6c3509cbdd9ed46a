using System.IO;
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
            int port = QemuProcess.FreeLoopbackPort();

            ReplicationStatus primaryStatus;
            ReplicationStatus secondaryStatus;

            // Each host prepares the same disk for its role; its QEMU and its replication steps take the prepared disk.
            PreparedDisks onSecondaryHost = BuiltDiskArguments.Prepare(ColoRole.Secondary, BuiltDiskArguments.ColoSpec(secondaryImage, port, Export, active, hidden));
            PreparedDisks onPrimaryHost = BuiltDiskArguments.Prepare(ColoRole.Primary, BuiltDiskArguments.ColoSpec(primaryImage, port, Export, active, hidden));
            await using (QemuProcess secondary = await QemuProcess.StartAsync(dir.FullName, "secondary", BuiltDiskArguments.For(onSecondaryHost), TestContext.Current.CancellationToken))
            await using (QemuProcess primary = await QemuProcess.StartAsync(dir.FullName, "primary", BuiltDiskArguments.For(onPrimaryHost), TestContext.Current.CancellationToken))
            {
                var onSecondary = new ColoReplication(secondary.Qmp);
                var onPrimary = new ColoReplication(primary.Qmp);
                await onSecondary.StartSecondaryAsync(onSecondaryHost[0], TestContext.Current.CancellationToken);
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
    public async Task Starting_the_primary_before_the_secondary_listens_fails_with_qemus_message()
    {
        QemuProcess.NeedQemu();
        DirectoryInfo dir = Directory.CreateTempSubdirectory("colo-e2e-");
        try
        {
            string primaryImage = QemuProcess.CreateImage(Path.Combine(dir.FullName, "primary.raw"), "raw");
            string active = Path.Combine(dir.FullName, "active.qcow2");
            string hidden = Path.Combine(dir.FullName, "hidden.qcow2");
            int port = QemuProcess.FreeLoopbackPort();
            await using QemuProcess primary = await QemuProcess.StartAsync(dir.FullName, "primary",
                BuiltDiskArguments.For(ColoRole.Primary, BuiltDiskArguments.ColoSpec(primaryImage, port, Export, active, hidden)), TestContext.Current.CancellationToken);

            QmpException error = await Assert.ThrowsAsync<QmpException>(() =>
                new ColoReplication(primary.Qmp).StartPrimaryAsync("127.0.0.1", port, Export, "nbd_client1", TestContext.Current.CancellationToken));

            Assert.Equal("blockdev-add", error.Command);
            Assert.Contains("Connection refused", error.Description, System.StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
