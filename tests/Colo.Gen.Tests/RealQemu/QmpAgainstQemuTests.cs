using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Colo.Gen.Qmp;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.RealQemu;

public sealed class QmpAgainstQemuTests
{
    [Fact]
    public async Task Qemu_errors_arrive_with_their_class_and_text_and_events_arrive_apart()
    {
        QemuProcess.NeedQemu();
        DirectoryInfo dir = Directory.CreateTempSubdirectory("colo-qmp-");
        try
        {
            await using QemuProcess qemu = await QemuProcess.StartAsync(dir.FullName, "bare", [], TestContext.Current.CancellationToken);

            QmpException unknown = await Assert.ThrowsAsync<QmpException>(() => qemu.Qmp.ExecuteAsync("no-such-command", cancellationToken: TestContext.Current.CancellationToken));
            QmpException noServer = await Assert.ThrowsAsync<QmpException>(() =>
                qemu.Qmp.ExecuteAsync("nbd-server-add", new JsonObject { ["device"] = "absent", ["writable"] = true }, TestContext.Current.CancellationToken));
            await qemu.Qmp.ExecuteAsync("cont", cancellationToken: TestContext.Current.CancellationToken);
            QmpEvent resumed = await qemu.Qmp.WaitForEventAsync("RESUME", QemuProcess.Deadline, TestContext.Current.CancellationToken);
            JsonNode status = await qemu.Qmp.ExecuteAsync("query-status", cancellationToken: TestContext.Current.CancellationToken);

            Assert.Equal("CommandNotFound", unknown.ErrorClass);
            Assert.Contains("no-such-command", unknown.Description, StringComparison.Ordinal);
            Assert.Equal("GenericError", noServer.ErrorClass);
            Assert.NotEmpty(noServer.Description);
            Assert.Equal("RESUME", resumed.Name);
            Assert.True(resumed.Seconds > 0);
            Assert.Equal("running", status["status"]!.GetValue<string>());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
