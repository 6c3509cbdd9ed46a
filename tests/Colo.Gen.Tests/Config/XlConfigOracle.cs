using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Colo.Gen.Tests.Infrastructure;

namespace Colo.Gen.Tests.Config;

/// <summary>
/// Runs Debian's libxlutil 4.17 config reader through tests/native/xlcfg-oracle (its contract is at
/// the top of xlcfg-oracle.c): many configs in one process (batch mode), or one file as
/// <c>colo-disk config</c> reads it.
/// </summary>
public static class XlConfigOracle
{
    /// <summary>The batch record printed for a config whose reading killed the oracle's child (libxlutil crashed).</summary>
    public static string Crashed(int signal) => $"crashed {signal}\nend\n";

    /// <summary>One record per config, in order, each ending in "end\n".</summary>
    public static List<string> RunBatch(IReadOnlyList<(string Source, byte[] Content)> configs)
    {
        byte[] output = NativeOracle.Run(NativeBuild.XlConfigOracle(), ["--batch"], input =>
        {
            foreach ((string source, byte[] content) in configs)
            {
                input.Write(Encoding.UTF8.GetBytes($"{content.Length} {source}\n"));
                input.Write(content);
            }
        });
        string text = new UTF8Encoding(false, true).GetString(output);
        var records = new List<string>(configs.Count);
        var record = new StringBuilder();
        foreach (string line in text.Split('\n'))
        {
            record.Append(line).Append('\n');
            if (line == "end")
            {
                records.Add(record.ToString());
                record.Clear();
            }
        }

        if (records.Count != configs.Count)
        {
            throw new InvalidOperationException($"xlcfg-oracle printed {records.Count} records for {configs.Count} configs");
        }

        return records;
    }

    /// <summary>Reads one file as <c>colo-disk config FILE</c> does: (exit status, stdout, stderr).</summary>
    public static (int Status, string Out, string Error) RunFile(string path, bool readFile = false)
    {
        string binary = NativeBuild.XlConfigOracle();
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (readFile)
        {
            start.ArgumentList.Add("--readfile");
        }

        start.ArgumentList.Add(path);
        using Process oracle = Process.Start(start) ?? throw new InvalidOperationException("xlcfg-oracle did not start");
        Task<string> errors = oracle.StandardError.ReadToEndAsync();
        string output = oracle.StandardOutput.ReadToEnd();
        oracle.WaitForExit();
        return (oracle.ExitCode, output, errors.GetAwaiter().GetResult());
    }
}
