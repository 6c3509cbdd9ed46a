using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Colo.Gen.Backends;
using Colo.Gen.Qemu;
using Colo.Gen.Tests.Backends;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.RealQemu;

/// <summary>
/// The target policy on a real QEMU 7.2: what it refuses would really have made QEMU open a
/// driver the spec chose; what it rewrites opens the literal file; a network protocol it keeps
/// reaches QEMU's driver for it.
/// </summary>
public sealed class TargetPolicyAgainstQemuTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("colo-policy-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static IReadOnlyList<string> Arguments(string spec, ColoRole role = ColoRole.Primary, QemuTargetPolicy? policy = null)
    {
        // qdisk: the backend that hands QEMU the target as it is; libxl stats no file for it.
        DiskDevice disk = TestDisks.Prepared(spec, role);
        DeviceModelResult built = DeviceModelArguments.Build([disk], QemuDialect.Upstream, policy);
        Assert.True(built.Succeeded, string.Join("\n", built.Errors));
        return built.Arguments;
    }

    /// <summary>The driver of every block node QEMU opened (<c>query-named-block-nodes</c>).</summary>
    private static async Task<List<string>> DriversAsync(QemuProcess qemu)
    {
        JsonNode nodes = await qemu.Qmp.ExecuteAsync("query-named-block-nodes", new JsonObject { ["flat"] = true }, TestContext.Current.CancellationToken);
        return nodes.AsArray().Select(n => n!["drv"]!.GetValue<string>()).ToList();
    }

    private static async Task<JsonObject> InsertedAsync(QemuProcess qemu, string device)
    {
        JsonNode blocks = await qemu.Qmp.ExecuteAsync("query-block", cancellationToken: TestContext.Current.CancellationToken);
        JsonObject block = blocks.AsArray().Select(b => b!.AsObject()).Single(b => b["device"]!.GetValue<string>() == device);
        return block["inserted"]!.AsObject();
    }

    [Fact]
    public async Task A_json_target_is_refused_before_qemu_starts_and_would_have_opened_the_driver_it_names()
    {
        QemuProcess.NeedQemu();
        const string spec = "vdev=hda,backendtype=qdisk,target=json:{\"driver\":\"raw\",\"file\":{\"driver\":\"null-co\"}}";
        DiskDevice disk = TestDisks.Prepared(spec);

        DeviceModelResult refused = DeviceModelArguments.Build([disk]);

        Assert.Empty(refused.Arguments);
        Assert.Contains("\"json\" protocol, which the target policy does not allow", Assert.Single(refused.Errors), StringComparison.Ordinal);

        // What the policy stops: allowed, QEMU opens the null-co driver the spec chose.
        await using QemuProcess qemu = await QemuProcess.StartAsync(_dir.FullName, "json", Arguments(spec, policy: QemuTargetPolicy.Default.Allowing("json")), TestContext.Current.CancellationToken);
        Assert.Contains("null-co", await DriversAsync(qemu));
    }

    [Fact]
    public async Task A_fat_target_is_refused_before_qemu_starts_and_would_have_served_the_host_directory()
    {
        QemuProcess.NeedQemu();
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "host-dir"));
        string spec = $"vdev=hda,backendtype=qdisk,target=fat:rw:{_dir.FullName}/host-dir";

        Assert.Contains("\"fat\" protocol", Assert.Single(DeviceModelArguments.Build([TestDisks.Prepared(spec)]).Errors), StringComparison.Ordinal);

        await using QemuProcess qemu = await QemuProcess.StartAsync(_dir.FullName, "fat", Arguments(spec, policy: QemuTargetPolicy.Default.Allowing("fat")), TestContext.Current.CancellationToken);
        Assert.Contains("vvfat", await DriversAsync(qemu));
    }

    [Fact]
    public async Task A_relative_target_with_a_colon_opens_that_literal_file()
    {
        QemuProcess.NeedQemu();
        QemuProcess.CreateImage(Path.Combine(_dir.FullName, "dir:x.img"), "raw", "3M"); // a size no other image here has

        IReadOnlyList<string> arguments = Arguments("vdev=hda,backendtype=qdisk,target=dir:x.img");
        await using QemuProcess qemu = await QemuProcess.StartAsync(_dir.FullName, "literal", arguments, TestContext.Current.CancellationToken);
        JsonObject inserted = await InsertedAsync(qemu, "ide0-hd0");

        Assert.Equal("./dir:x.img", inserted["file"]!.GetValue<string>());
        Assert.Equal(3 << 20, inserted["image"]!["virtual-size"]!.GetValue<long>());
    }

    [Fact]
    public async Task Relative_colo_images_with_colons_open_as_those_files_on_the_secondary()
    {
        QemuProcess.NeedQemu();
        QemuProcess.CreateImage(Path.Combine(_dir.FullName, "sec:s.img"), "raw");
        QemuProcess.CreateImage(Path.Combine(_dir.FullName, "act:a.qcow2"), "qcow2");
        QemuProcess.CreateImage(Path.Combine(_dir.FullName, "hid:h.qcow2"), "qcow2");
        string spec = BuiltDiskArguments.ColoSpec("sec:s.img", 9000, "colo1", "act:a.qcow2", "hid:h.qcow2").Replace("vdev=hda,", "vdev=hda,backendtype=qdisk,", StringComparison.Ordinal);

        await using QemuProcess qemu = await QemuProcess.StartAsync(_dir.FullName, "secondary", Arguments(spec, ColoRole.Secondary), TestContext.Current.CancellationToken);
        JsonObject export = await InsertedAsync(qemu, "colo1");
        JsonObject top = await InsertedAsync(qemu, DriveStrings.Upstream.SecondaryTopId);

        Assert.Equal("./sec:s.img", export["file"]!.GetValue<string>());
        string stack = top.ToJsonString();
        Assert.Contains("./act:a.qcow2", stack, StringComparison.Ordinal);
        Assert.Contains("./hid:h.qcow2", stack, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_nbd_target_reaches_qemus_nbd_client_and_reads_the_served_image()
    {
        QemuProcess.NeedQemu();
        string qemuNbd = RequiredTool.NeedExecutable("qemu-nbd", "qemu-utils");
        string image = QemuProcess.CreateImage(Path.Combine(_dir.FullName, "served.img"), "raw", "5M");
        (int port, int serverPid) = await StartNbdServerAsync(qemuNbd, image);
        try
        {
            await using QemuProcess qemu = await QemuProcess.StartAsync(_dir.FullName, "nbd", Arguments($"vdev=hda,backendtype=qdisk,target=nbd:127.0.0.1:{port}"), TestContext.Current.CancellationToken);
            JsonObject inserted = await InsertedAsync(qemu, "ide0-hd0");

            Assert.Equal($"nbd://127.0.0.1:{port}", inserted["file"]!.GetValue<string>());
            Assert.Equal(5 << 20, inserted["image"]!["virtual-size"]!.GetValue<long>());
            Assert.Contains("nbd", await DriversAsync(qemu));
        }
        finally
        {
            using Process server = Process.GetProcessById(serverPid);
            server.Kill();
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task An_rbd_target_reaches_qemu_as_the_rbd_protocol()
    {
        // Without a Ceph cluster (and, on Debian, without qemu-block-extra's rbd module) QEMU cannot
        // open it; what it says shows that it read the name as protocol rbd, not as a file name.
        QemuProcess.NeedQemu();
        IReadOnlyList<string> arguments = Arguments("vdev=hda,backendtype=qdisk,target=rbd:pool/image:auth_supported=none:mon_host=127.0.0.1\\:1");

        (int exitCode, string output) = await QemuProcess.RunToExitAsync(_dir.FullName, arguments);

        Assert.NotEqual(0, exitCode);
        // Debian's QEMU without qemu-block-extra: "module block-block-rbd not found" and "Unknown
        // protocol 'rbd'"; with it, the rbd driver's own connection error. Never the file error
        // QEMU gives a name it reads as a file.
        Assert.Contains("rbd", output, StringComparison.Ordinal);
        Assert.DoesNotContain("No such file or directory", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Starts qemu-nbd serving <paramref name="image"/> on a loopback port. With <c>--fork</c> the
    /// first process exits only once the server listens (0) or could not (non-zero), so nothing
    /// polls; a port something else holds ("Address already in use") moves on to the next candidate.
    /// </summary>
    private async Task<(int Port, int ServerPid)> StartNbdServerAsync(string qemuNbd, string image)
    {
        const int Attempts = 20;
        int attempt = 0;
        foreach (int port in QemuProcess.CandidatePorts())
        {
            string pidFile = Path.Combine(_dir.FullName, $"qemu-nbd-{port}.pid");
            var start = new ProcessStartInfo(qemuNbd) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in new[] { "--fork", "--pid-file", pidFile, "--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "raw", "--persistent", "--shared", "2", image })
            {
                start.ArgumentList.Add(argument);
            }

            using Process launcher = Process.Start(start)!;
            Task<string> errors = launcher.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await launcher.WaitForExitAsync(TestContext.Current.CancellationToken);
            string error = await errors;
            if (launcher.ExitCode == 0)
            {
                return (port, int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture));
            }

            Assert.True(error.Contains("Address already in use", StringComparison.Ordinal) && ++attempt < Attempts, $"qemu-nbd could not start: {error}");
        }

        throw new InvalidOperationException("no candidate port was free");
    }
}
