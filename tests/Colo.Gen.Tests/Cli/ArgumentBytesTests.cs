using System;
using System.IO;
using System.Threading.Tasks;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Cli;

/// <summary>
/// Arguments reach colo-disk as the bytes the user typed: .NET decodes a process's arguments as
/// UTF-8 with U+FFFD for bytes that are not, so the real process (started through the shell, which
/// can pass any bytes) must refuse such an argument rather than parse another file name.
/// </summary>
public sealed class ArgumentBytesTests
{
    private static readonly string ColoDisk = Path.Combine(AppContext.BaseDirectory, "colo-disk.dll");

    /// <summary>Runs colo-disk with arguments the shell spells with printf escapes (octal bytes).</summary>
    private static Task<ProcessOutcome> RunWithShellArguments(string arguments) =>
        DotnetCli.RunProgramAsync("/bin/sh", AppContext.BaseDirectory, TimeSpan.FromMinutes(1), null,
            "-c", "exec \"$0\" \"$1\" " + arguments, "dotnet", ColoDisk);

    [Fact]
    public async Task A_spec_argument_that_is_not_utf8_is_refused_not_changed_into_another_file_name()
    {
        RequiredTool.NeedExecutable("sh", "dash");

        ProcessOutcome parse = await RunWithShellArguments("parse \"$(printf 'format=raw,vdev=hda,target=/x\\377\\376')\"");
        ProcessOutcome qemu = await RunWithShellArguments("qemu-args --no-probe \"$(printf 'vdev=hda,backendtype=qdisk,target=/x\\303')\"");

        Assert.Equal((1, ""), (parse.ExitCode, parse.StandardOutput));
        Assert.Equal("colo-disk: argument 2 is not valid UTF-8: near `\\xFF' in `format=raw,vdev=hda,target=/x\\xFF\\xFE' (arguments are read as UTF-8 and never changed)\n", parse.StandardError);
        Assert.Equal((1, ""), (qemu.ExitCode, qemu.StandardOutput));
        Assert.Contains("argument 3 is not valid UTF-8: near `\\xC3'", qemu.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_utf8_arguments_and_a_typed_replacement_character_pass_unchanged()
    {
        RequiredTool.NeedExecutable("sh", "dash");

        ProcessOutcome parse = await RunWithShellArguments("parse \"$(printf 'vdev=hda,target=/\\303\\251\\357\\277\\275')\"");

        Assert.True(parse.ExitCode == 0, parse.Transcript);
        Assert.Contains("\"pdev_path\": \"/\u00e9\uFFFD\"", parse.StandardOutput, StringComparison.Ordinal);
    }
}
