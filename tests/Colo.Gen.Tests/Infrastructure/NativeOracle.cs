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
    /// <summary>Feeds each line (plus '\n') to <paramref name="binary"/> as UTF-8; returns its standard output's bytes. Throws when it fails.</summary>
    public static byte[] Run(string binary, IEnumerable<string> lines) =>
        Run(binary, [], input =>
        {
            foreach (string line in lines)
            {
                input.Write(Encoding.UTF8.GetBytes(line));
                input.WriteByte((byte)'\n');
            }
        });

    /// <summary>
    /// Runs <paramref name="binary"/> with <paramref name="arguments"/>; <paramref name="writeInput"/>
    /// writes its standard input (closed after it returns). Returns its standard output's bytes; throws
    /// when it exits with a status other than 0.
    /// </summary>
    public static byte[] Run(string binary, IReadOnlyList<string> arguments, Action<Stream> writeInput)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process oracle = Process.Start(start) ?? throw new InvalidOperationException(Path.GetFileName(binary) + " did not start");
        Task writer = Task.Run(() =>
        {
            Stream input = oracle.StandardInput.BaseStream;
            writeInput(input);
            input.Close();
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
