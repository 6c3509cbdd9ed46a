using System;
using System.CommandLine;
using System.IO;
using System.Text;

namespace Colo.Gen.Cli;

/// <summary>
/// The <c>colo-disk</c> command: xl disk specifications parsed as libxlutil parses them,
/// and the QEMU arguments libxl would give those disks.
/// </summary>
public static class Program
{
    /// <summary>Runs the command with the process's own standard streams.</summary>
    public static int Main(string[] args)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8) { NewLine = "\n" };
        using var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { NewLine = "\n", AutoFlush = true };
        using var stdin = Console.OpenStandardInput();
        if (ArgumentBytes.FirstInvalid(args) is (int index, byte[] bytes))
        {
            // .NET would have handed on U+FFFD in place of the user's bytes: refuse, as a --jsonl line of them is.
            stderr.WriteLine(ArgumentBytes.Refusal(index, bytes));
            return ExitStatus.Rejected;
        }

        return Run(args, stdin, stdout, stderr);
    }

    /// <summary>
    /// Runs the command against the given streams (tests call this directly).
    /// Standard input is read as bytes, so a spec holding any byte reaches the parser unchanged.
    /// </summary>
    /// <returns>The exit status (<see cref="ExitStatus"/>): 0 success, 1 a disk or configuration was rejected, 2 a usage error.</returns>
    public static int Run(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr)
    {
        var io = new CommandStreams(stdin, stdout, stderr);
        var root = new RootCommand("Parse xl disk specifications exactly as Xen's libxlutil does, and build the QEMU arguments for COLO disk replication.")
        {
            ParseCommand.Create(io),
            QemuArgsCommand.Create(io),
            ConfigCommand.Create(io),
        };

        int status = CommandLineConventions.Invoke(root, args, io);
        stdout.Flush();
        return status;
    }
}

/// <summary>The streams a command reads and writes.</summary>
internal sealed record CommandStreams(Stream In, TextWriter Out, TextWriter Error);
