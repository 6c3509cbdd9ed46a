using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace Colo.Gen.Tests.Infrastructure;

/// <summary>
/// Runs one of the small C oracles (tests/native) over many input lines in one process: the lines
/// go to its standard input on another task, so a full output pipe can never block the writer.
/// </summary>
public static class NativeOracle
{
    /// <summary>Feeds each line (plus '\n') to <paramref name="binary"/>; returns its standard output's bytes. Throws when it fails.</summary>
    public static byte[] Run(string binary, IEnumerable<string> lines)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        using Process oracle = Process.Start(start) ?? throw new InvalidOperationException(Path.GetFileName(binary) + " did not start");
        Task writer = Task.Run(() =>
        {
            foreach (string line in lines)
            {
                oracle.StandardInput.Write(line);
                oracle.StandardInput.Write('\n');
            }

            oracle.StandardInput.Close();
        });
        Task<string> errors = oracle.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        oracle.StandardOutput.BaseStream.CopyTo(output);
        writer.GetAwaiter().GetResult();
        oracle.WaitForExit();
        if (oracle.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(binary)} exited {oracle.ExitCode}: {errors.GetAwaiter().GetResult()}");
        }

        return output.ToArray();
    }
}
