using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;

namespace Colo.Gen.Cli;

/// <summary>
/// <c>colo-disk parse</c>: what <c>xl -N block-attach 0 SPEC...</c> prints for a disk, and two
/// batch modes over standard input (<c>--jsonl</c>, <c>--count</c>).
/// </summary>
internal static class ParseCommand
{
    /// <summary>The configuration source name xl gives libxlutil for command-line specs.</summary>
    public const string Source = DiskSpecParser.CommandLine;

    public static Command Create(CommandStreams io)
    {
        var specs = new Argument<string[]>("SPEC")
        {
            Description = "The spec strings of one disk (several are scanned in turn into the same disk). A spec that begins with '-' goes after '--', which ends the options.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var jsonl = new Option<bool>("--jsonl")
        {
            Description = "Read one disk a line from standard input (specs of one disk split by U+001F); print {\"disk\": ...} or {\"errors\": [...]} a line.",
        };
        var count = new Option<bool>("--count")
        {
            Description = "Read disks as --jsonl does and print \"N parsed, M rejected, T s\". With --rounds 1 (the default) each line is parsed once as it is read and T is the parsing alone (reading excluded, no untimed round); with --rounds R > 1 the input is kept, parsed once untimed, then R times, and T is those R rounds.",
        };
        var rounds = new Option<int>("--rounds")
        {
            Description = "How many times --count parses the input.",
            DefaultValueFactory = _ => 1,
        };

        var config = new Option<string?>("--config")
        {
            Description = "Parse each disk of this xl configuration file's disk list, as xl does, and print each as for SPEC.",
        };

        var command = new Command("parse", "Parse a disk specification as `xl -N block-attach 0 SPEC...` does.")
        {
            specs, jsonl, count, rounds, config,
        };
        command.SetAction(result =>
        {
            string[] given = result.GetValue(specs) ?? [];
            bool asJsonl = result.GetValue(jsonl);
            bool asCount = result.GetValue(count);
            int times = result.GetValue(rounds);
            if (result.GetValue(config) is string configPath)
            {
                return RunConfig(io, configPath, given.Length > 0 || asJsonl || asCount);
            }

            if (asJsonl && asCount)
            {
                io.Error.WriteLine("colo-disk parse: --jsonl and --count read the same input; give one of them");
                return ExitStatus.UsageError;
            }

            if ((asJsonl || asCount) && given.Length > 0)
            {
                io.Error.WriteLine("colo-disk parse: --jsonl and --count read standard input and take no SPEC");
                return ExitStatus.UsageError;
            }

            if (times < 1)
            {
                io.Error.WriteLine("colo-disk parse: --rounds must be at least 1");
                return ExitStatus.UsageError;
            }

            if (asJsonl)
            {
                return RunJsonLines(io);
            }

            if (asCount)
            {
                return RunCount(io, times);
            }

            if (given.Length == 0)
            {
                io.Error.WriteLine("colo-disk parse: no disk specification given");
                return ExitStatus.UsageError;
            }

            return RunSpecs(io, given);
        });
        return command;
    }

    private static int RunSpecs(CommandStreams io, string[] specs)
    {
        DiskParseResult parsed = DiskSpecParser.Parse(specs, Source);
        if (!parsed.Succeeded)
        {
            foreach (string error in parsed.Errors)
            {
                io.Error.WriteLine(error);
            }

            return ExitStatus.Rejected;
        }

        // xl prints "disk: %s\n" around libxl's JSON, which itself ends in a newline.
        io.Out.Write("disk: ");
        io.Out.Write(parsed.Disk.ToJson());
        io.Out.Write('\n');
        return ExitStatus.Success;
    }

    /// <summary><c>parse --config FILE</c>: the disks of the file (cli/ConfigCommand.cs); it takes no SPEC and no batch mode.</summary>
    private static int RunConfig(CommandStreams io, string path, bool otherInput)
    {
        if (otherInput)
        {
            io.Error.WriteLine("colo-disk parse: --config reads the disks of the file; give no SPEC, --jsonl or --count with it");
            return ExitStatus.UsageError;
        }

        return ConfigCommand.ParseDisks(io, path);
    }

    private static int RunJsonLines(CommandStreams io)
    {
        // Line in, line out: each disk is parsed from the line's bytes and its line written as UTF-8
        // into one buffer (JsonLineWriter), so memory does not grow with the input.
        using var output = new JsonLineWriter(Utf8Output(io.Out));
        var lines = new DiskLines(io.In, beforeRead: output.Flush);
        while (lines.TryRead(out ReadOnlySpan<byte> line))
        {
            output.WriteLine(DiskSpecParser.ParseUtf8Line(line, Source));
        }

        output.Flush();
        return ExitStatus.Success;
    }

    /// <summary>
    /// Where UTF-8 for standard output goes: the stream under a UTF-8 writer (flushed first, so nothing
    /// written before comes after), or, for a writer with no stream or another encoding, a stream that
    /// decodes into the writer (which encodes as it was told to).
    /// </summary>
    private static Stream Utf8Output(TextWriter writer)
    {
        writer.Flush();
        return writer is StreamWriter { BaseStream: { CanWrite: true } stream } utf8 && utf8.Encoding.CodePage == Encoding.UTF8.CodePage
            ? stream
            : new TextWriterStream(writer);
    }

    private static int RunCount(CommandStreams io, int rounds)
    {
        int parsedCount = 0, rejected = 0;
        double seconds;
        if (rounds == 1)
        {
            // One round streams: each line is parsed as it is read, and T adds up the parse calls alone
            // (waiting for and reading input are not parsing).
            var lines = new DiskLines(io.In);
            long parsing = 0;
            while (lines.TryRead(out ReadOnlySpan<byte> line))
            {
                long start = Stopwatch.GetTimestamp();
                bool succeeded = DiskSpecParser.ParseUtf8Line(line, Source).Succeeded;
                parsing += Stopwatch.GetTimestamp() - start;
                if (succeeded)
                {
                    parsedCount++;
                }
                else
                {
                    rejected++;
                }
            }

            seconds = (double)parsing / Stopwatch.Frequency;
        }
        else
        {
            // Several rounds parse the same input again: its bytes are kept (not a string or object a
            // disk). One untimed round first (the JIT compiles the parse path there), as the libxlutil
            // helper's --time does too, so both time the same steady loop.
            using var kept = new MemoryStream();
            io.In.CopyTo(kept);
            byte[] input = kept.GetBuffer();
            int length = (int)kept.Length;
            (parsedCount, rejected) = ParseRound(input.AsSpan(0, length));
            long start = Stopwatch.GetTimestamp();
            for (int round = 0; round < rounds; round++)
            {
                (parsedCount, rejected) = ParseRound(input.AsSpan(0, length));
            }

            seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{parsedCount} parsed, {rejected} rejected, {seconds:F6} s"));
        return ExitStatus.Success;
    }

    /// <summary>Parses every line of <paramref name="input"/> (a final line without '\n' counts); a line that is not valid UTF-8 is rejected unparsed.</summary>
    private static (int Parsed, int Rejected) ParseRound(ReadOnlySpan<byte> input)
    {
        int parsed = 0, rejected = 0;
        while (!input.IsEmpty)
        {
            int end = input.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? input : input[..end];
            input = end < 0 ? default : input[(end + 1)..];
            if (DiskSpecParser.ParseUtf8Line(line, Source).Succeeded)
            {
                parsed++;
            }
            else
            {
                rejected++;
            }
        }

        return (parsed, rejected);
    }
}
