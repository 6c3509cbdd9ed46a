using System.IO;
using Colo.Gen.Cli;

namespace Colo.Gen.Tests.Infrastructure;

/// <summary>Runs colo-disk in this process (<see cref="Program.Run"/>) and captures what it prints.</summary>
public static class ColoDisk
{
    /// <summary>colo-disk with <paramref name="args"/> and empty standard input: (exit status, stdout, stderr).</summary>
    public static (int Status, string Out, string Error) Run(params string[] args) => Run(args, []);

    /// <summary>colo-disk with <paramref name="args"/> and <paramref name="stdin"/> as standard input: (exit status, stdout, stderr).</summary>
    public static (int Status, string Out, string Error) Run(string[] args, byte[] stdin)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int status = Program.Run(args, new MemoryStream(stdin), stdout, stderr);
        return (status, stdout.ToString(), stderr.ToString());
    }
}
