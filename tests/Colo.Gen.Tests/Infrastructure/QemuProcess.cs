using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Colo.Gen.Qmp;

namespace Colo.Gen.Tests.Infrastructure;

/// <summary>
/// A real qemu-system-x86_64 without a guest (<c>-S -nodefaults</c>, TCG), with a QMP unix
/// socket and a connected <see cref="QmpClient"/>. Disposal quits over QMP and waits for
/// the process, killing it only if it does not exit by the deadline.
/// </summary>
internal sealed class QemuProcess : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private QemuProcess(Process process, QmpClient client, StringBuilder output)
    {
        _process = process;
        Qmp = client;
        _output = output;
    }

    public QmpClient Qmp { get; }

    /// <summary>What QEMU printed on stdout and stderr so far (HMP qemu-io prints there).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Skips (or fails in CI) unless QEMU 7.2's system emulator and qemu-img are installed.</summary>
    public static string NeedQemu()
    {
        RequiredTool.NeedExecutable("qemu-img", "qemu-utils");
        return RequiredTool.NeedExecutable("qemu-system-x86_64", "qemu-system-x86");
    }

    /// <summary>
    /// Starts QEMU with <paramref name="diskArguments"/> after the guestless base arguments, in
    /// <paramref name="directory"/> (where relative image names are found).
    /// </summary>
    public static async Task<QemuProcess> StartAsync(string directory, string name, IEnumerable<string> diskArguments, CancellationToken cancellationToken)
    {
        string socket = Path.Combine(directory, name + ".qmp");
        ProcessStartInfo start = StartInfo(directory, diskArguments, "-qmp", $"unix:{socket},server=on,wait=off");
        start.RedirectStandardInput = true;

        var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        QmpClient client;
        try
        {
            client = await QmpClient.ConnectAsync(socket, Deadline, cancellationToken);
        }
        catch (QmpException e)
        {
            await StopAsync(process);
            string printed;
            lock (output)
            {
                printed = output.ToString();
            }

            throw new InvalidOperationException($"QEMU ({name}) did not come up: {e.Message}; exit code {(process.HasExited ? process.ExitCode : -1)}; output:\n{printed}", e);
        }

        return new QemuProcess(process, client, output);
    }

    /// <summary>
    /// Runs QEMU with <paramref name="diskArguments"/> where it is expected to refuse them and exit:
    /// returns its exit code and what it printed (killed, and the code -1, if it is still running at the deadline).
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string directory, IEnumerable<string> diskArguments)
    {
        ProcessStartInfo start = StartInfo(directory, diskArguments);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, await stdout + await stderr);
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>
    /// QEMU with no guest (TCG, stopped, no default devices, no display), then <paramref name="monitor"/>
    /// (e.g. a QMP socket), then <paramref name="diskArguments"/>, run in <paramref name="directory"/>.
    /// </summary>
    private static ProcessStartInfo StartInfo(string directory, IEnumerable<string> diskArguments, params string[] monitor)
    {
        var start = new ProcessStartInfo(NeedQemu())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (string argument in (string[])["-machine", "pc,accel=tcg", "-S", "-nodefaults", "-display", "none", .. monitor, .. diskArguments])
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Quits QEMU over QMP and waits until the process has exited (images closed).</summary>
    public async Task QuitAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        try
        {
            await Qmp.ExecuteAsync("quit");
        }
        catch (QmpException)
        {
            // The socket may close before the reply arrives; the exit below is what counts.
        }

        await StopAsync(_process);
    }

    /// <summary>
    /// Loopback ports to try for a listener, at random below Linux's ephemeral range
    /// (32768-60999), where the kernel picks the local ports of outgoing connections.
    /// </summary>
    public static IEnumerable<int> CandidatePorts()
    {
        while (true)
        {
            yield return Random.Shared.Next(10_000, 32_768);
        }
    }

    /// <summary>
    /// Starts a COLO secondary: the disk prepared for a port, QEMU with its arguments, then its NBD server
    /// on that port (<see cref="ColoReplication.StartSecondaryAsync(PreparedDisk, CancellationToken)"/>). When something else on the
    /// machine holds the port, QEMU answers "Address already in use" and the next candidate is
    /// tried with a fresh QEMU, so the port in the disk spec is always the one listened on. No port
    /// is bound, released and handed on in the hope that nobody takes it in between.
    /// </summary>
    public static async Task<(QemuProcess Secondary, int Port)> StartColoSecondaryAsync(
        string directory, Func<int, PreparedDisks> prepare, CancellationToken cancellationToken, IEnumerable<int>? ports = null)
    {
        const int Attempts = 20;
        int attempt = 0;
        foreach (int port in ports ?? CandidatePorts())
        {
            PreparedDisks disks = prepare(port);
            QemuProcess secondary = await StartAsync(directory, "secondary", RealQemu.BuiltDiskArguments.For(disks), cancellationToken);
            try
            {
                await new ColoReplication(secondary.Qmp).StartSecondaryAsync(disks[0], cancellationToken);
                return (secondary, port);
            }
            catch (QmpException e) when (e.Command == "nbd-server-start" && e.Description.Contains("Address already in use", StringComparison.Ordinal) && ++attempt < Attempts)
            {
                await secondary.DisposeAsync();
            }
            catch
            {
                await secondary.DisposeAsync();
                throw;
            }
        }

        throw new InvalidOperationException("no candidate port was free");
    }

    /// <summary>
    /// A loopback port nobody can listen on while the result is held: a socket bound to it that
    /// never listens, so a connection to it is refused.
    /// </summary>
    public static Socket ReserveRefusingPort(out int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        return socket;
    }

    /// <summary>Creates an image with qemu-img and returns its path.</summary>
    public static string CreateImage(string path, string format, string size = "16M")
    {
        Run(RequiredTool.NeedExecutable("qemu-img", "qemu-utils"), "create", "-q", "-f", format, path, size);
        return path;
    }

    /// <summary>Runs qemu-io on an image file (QEMU stopped) and returns its output, whatever its exit code.</summary>
    public static string QemuIo(string path, string format, string command) =>
        Run(RequiredTool.NeedExecutable("qemu-io", "qemu-utils"), false, "-f", format, "-c", command, path);

    private static string Run(string executable, params string[] arguments) => Run(executable, true, arguments);

    private static string Run(string executable, bool mustSucceed, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        string text = stdout.Result + stderr;
        if (mustSucceed && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} exited with {process.ExitCode}: {text}");
        }

        return text;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static async Task StopAsync(Process process)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await QuitAsync();
        await Qmp.DisposeAsync();
        _process.Dispose();
    }
}
