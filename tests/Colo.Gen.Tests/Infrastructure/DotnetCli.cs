using System;
using System.Collections;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace Colo.Gen.Tests.Infrastructure;

/// <summary>The outcome of one child process.</summary>
public sealed record ProcessOutcome(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Everything the process printed, for assertion messages.</summary>
    public string Transcript => StandardOutput + StandardError;
}

/// <summary>
/// Runs the .NET CLI (or any program) as a child process. The MSBuild variables that
/// <c>dotnet test</c> sets for itself are removed, so the child builds as a user's shell would.
/// </summary>
public static class DotnetCli
{
    /// <summary>Runs <c>dotnet ARGS</c> in <paramref name="workingDirectory"/>.</summary>
    public static Task<ProcessOutcome> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args) =>
        RunProgramAsync("dotnet", workingDirectory, timeout, null, args);

    /// <summary>Runs a program, optionally feeding bytes to its standard input.</summary>
    public static Task<ProcessOutcome> RunProgramAsync(string program, string workingDirectory, TimeSpan timeout, byte[]? stdin, params string[] args) =>
        RunProgramAsync(program, workingDirectory, timeout, stdin, null, args);

    /// <summary>Runs a program with <paramref name="environment"/> added to its environment.</summary>
    public static async Task<ProcessOutcome> RunProgramAsync(
        string program, string workingDirectory, TimeSpan timeout, byte[]? stdin, System.Collections.Generic.IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            string name = (string)variable.Key;
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name is "DOTNET_HOST_PATH" or "VSTEST_HOST_DEBUG")
            {
                info.Environment.Remove(name);
            }
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var variable in environment ?? new System.Collections.Generic.Dictionary<string, string>())
        {
            info.Environment[variable.Key] = variable.Value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + program);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var cts = new System.Threading.CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {timeout}");
        }

        return new ProcessOutcome(process.ExitCode, await stdout, await stderr);
    }
}
