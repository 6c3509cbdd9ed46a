using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Colo.Gen.Tests.Infrastructure;

namespace Colo.Gen.Tests.Conformance;

/// <summary>
/// Runs Debian's libxlutil 4.17 through tests/native/xlu-oracle over many disks at once and
/// returns its lines (the contract is documented at the top of xlu-oracle.c).
/// </summary>
public static class XluOracle
{
    /// <summary>The separator between the specs of one disk on an input line.</summary>
    public const char SpecSeparator = '\u001f';

    /// <summary>One input line: the disk's specs joined by U+001F.</summary>
    public static string InputLine(IReadOnlyList<string> specs) => string.Join(SpecSeparator, specs);

    /// <summary>The oracle's output line for each disk, in order.</summary>
    public static List<string> Run(IReadOnlyList<string[]> disks)
    {
        string binary = NativeBuild.XluOracle();
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        using Process oracle = Process.Start(start) ?? throw new InvalidOperationException("xlu-oracle did not start");

        // Write on another task so a full stdout pipe can never block the writer.
        Task writer = Task.Run(() =>
        {
            foreach (string[] disk in disks)
            {
                oracle.StandardInput.Write(InputLine(disk));
                oracle.StandardInput.Write('\n');
            }

            oracle.StandardInput.Close();
        });
        Task<string> errors = oracle.StandardError.ReadToEndAsync();

        var lines = new List<string>(disks.Count);
        string? line;
        while ((line = oracle.StandardOutput.ReadLine()) is not null)
        {
            lines.Add(line);
        }

        writer.GetAwaiter().GetResult();
        oracle.WaitForExit();
        if (oracle.ExitCode != 0 || lines.Count != disks.Count)
        {
            throw new InvalidOperationException(
                $"xlu-oracle exited {oracle.ExitCode} with {lines.Count} lines for {disks.Count} disks: {errors.GetAwaiter().GetResult()}");
        }

        return lines;
    }
}
