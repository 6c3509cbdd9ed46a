using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Colo.Gen.Backends;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.RealQemu;

public sealed class QemuDiskArgumentTests
{
    private static async Task<Dictionary<string, JsonObject>> QueryBlockAsync(QemuProcess qemu)
    {
        JsonNode result = await qemu.Qmp.ExecuteAsync("query-block", cancellationToken: TestContext.Current.CancellationToken);
        return result.AsArray().Select(n => n!.AsObject()).ToDictionary(b => b["device"]!.GetValue<string>() is { Length: > 0 } d ? d : b["qdev"]!.GetValue<string>());
    }

    [Fact]
    public async Task Qemu_opens_ide_scsi_and_cdrom_images_with_their_formats()
    {
        QemuProcess.NeedQemu();
        DirectoryInfo dir = Directory.CreateTempSubdirectory("colo-qemu-");
        try
        {
            string ide = QemuProcess.CreateImage(Path.Combine(dir.FullName, "ide.qcow2"), "qcow2");
            string scsi = QemuProcess.CreateImage(Path.Combine(dir.FullName, "scsi.raw"), "raw");
            string iso = QemuProcess.CreateImage(Path.Combine(dir.FullName, "cd.iso"), "raw", "1M");
            IEnumerable<string> arguments = BuiltDiskArguments.For(
                ColoRole.Primary, $"format=qcow2,vdev=hda,target={ide}", $"vdev=sdb,target={scsi}", $"vdev=hdc,devtype=cdrom,target={iso}");

            await using QemuProcess qemu = await QemuProcess.StartAsync(dir.FullName, "disks", arguments, TestContext.Current.CancellationToken);
            Dictionary<string, JsonObject> blocks = await QueryBlockAsync(qemu);

            Assert.Equal(ide, blocks["ide0-hd0"]["inserted"]!["file"]!.GetValue<string>());
            Assert.Equal("qcow2", blocks["ide0-hd0"]["inserted"]!["image"]!["format"]!.GetValue<string>());
            Assert.Equal(scsi, blocks["scsi0-hd1"]["inserted"]!["file"]!.GetValue<string>());
            Assert.Equal("raw", blocks["scsi0-hd1"]["inserted"]!["image"]!["format"]!.GetValue<string>());
            Assert.False(blocks["scsi0-hd1"]["inserted"]!["ro"]!.GetValue<bool>());
            Assert.Equal(iso, blocks["ide-5632"]["inserted"]!["file"]!.GetValue<string>());
            Assert.Equal("raw", blocks["ide-5632"]["inserted"]!["image"]!["format"]!.GetValue<string>());
            Assert.True(blocks["ide-5632"]["inserted"]!["ro"]!.GetValue<bool>());
            Assert.True(blocks["ide-5632"]["removable"]!.GetValue<bool>());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_target_holding_commas_and_option_text_reaches_qemu_as_one_file_name()
    {
        QemuProcess.NeedQemu();
        DirectoryInfo dir = Directory.CreateTempSubdirectory("colo-qemu-");
        try
        {
            string odd = QemuProcess.CreateImage(Path.Combine(dir.FullName, "a,b,if=none,id=x.img"), "raw");
            await using QemuProcess qemu = await QemuProcess.StartAsync(dir.FullName, "commas", BuiltDiskArguments.For(ColoRole.Primary, $"vdev=hda,target={odd}"), TestContext.Current.CancellationToken);
            Dictionary<string, JsonObject> blocks = await QueryBlockAsync(qemu);

            Assert.Equal(["ide0-hd0"], blocks.Keys);
            Assert.Equal(odd, blocks["ide0-hd0"]["inserted"]!["file"]!.GetValue<string>());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
