using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Colo.Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Generator.Tests.Scanner;

/// <summary>
/// The same rules built by Debian's flex into a C scanner, run over many inputs in one
/// process. Actions are written once in the shared subset of C and C#: <c>return N;</c>,
/// <c>Begin(X)</c>, <c>More()</c>, <c>Less(n)</c>, <c>Length</c>, <c>Reject()</c>,
/// <c>PushState(X)</c>, <c>PopState()</c>, <c>TopState()</c> (macros on the C side). Each input's
/// tokens print as "NUMBER HEXTEXT LENGTH CONDITION LINE" lines (LINE is 0 without
/// %option yylineno), then "--": the format the C# harness prints when tracing.
/// </summary>
internal sealed class FlexTwin : IDisposable
{
    private const string Main = """
        #include <stdio.h>
        #include <stdlib.h>
        int main(void)
        {
            size_t cap = 1 << 20, len = 0, n;
            char *all = malloc(cap);
            while ((n = fread(all + len, 1, cap - len, stdin)) > 0) {
                len += n;
                if (len == cap) all = realloc(all, cap *= 2);
            }
            size_t start = 0;
            for (size_t i = 0; i <= len; i++) {
                if (i < len && all[i] != '\x01') continue;
                YY_BUFFER_STATE b = yy_scan_bytes(all + start, (int)(i - start));
                BEGIN(INITIAL);
                RESET_MORE
                RESET_LINE
                RESET_STACK
                int t;
                while ((t = yylex()) != 0) {
                    printf("%d ", t);
                    for (int k = 0; k < yyleng; k++) printf("%02X", (unsigned char)yytext[k]);
                    printf(" %d %d %d\n", (int)yyleng, YY_START, TWIN_LINE);
                }
                yy_delete_buffer(b);
                printf("--\n");
                start = i + 1;
            }
            return 0;
        }
        """;

    private readonly string _executable;
    private readonly string _directory;

    private FlexTwin(string executable, string directory)
    {
        _executable = executable;
        _directory = directory;
    }

    /// <summary>Deletes the directory the twin was built in.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-file cleanup.
        }
    }

    /// <summary>Builds the C twin of a grammar (definitions section text, rules section text) in a directory it then owns.</summary>
    public static FlexTwin Build(string definitions, string rules, string directory)
    {
        string flex = RequiredTool.NeedExecutable("flex", "flex");
        string gcc = RequiredTool.NeedExecutable("gcc", "gcc");
        Directory.CreateDirectory(directory);
        bool usesMore = rules.Contains("More()", StringComparison.Ordinal);
        bool rejects = rules.Contains("Reject()", StringComparison.Ordinal);
        bool lines = UsesOption(definitions, "yylineno");
        bool stack = UsesOption(definitions, "stack");
        string source = "%option noyywrap nodefault 8bit" + (usesMore ? " yymore" : "") + (rejects ? " reject" : "") + "\n" + definitions
            + "%{\n#define Begin(x) BEGIN(x)\n#define More() yymore()\n#define Less(n) yyless(n)\n#define Length yyleng"
            + "\n#define Reject() REJECT\n#define PushState(x) yy_push_state(x)\n#define PopState() yy_pop_state()\n#define TopState() yy_top_state()"
            + "\n#define RESET_MORE " + (usesMore ? "yy_more_flag = 0; yy_more_len = 0;" : "")
            + "\n#define RESET_LINE " + (lines ? "yylineno = 1;" : "")
            + "\n#define RESET_STACK " + (stack ? "yy_start_stack_ptr = 0;" : "")
            + "\n#define TWIN_LINE " + (lines ? "yylineno" : "0")
            + "\n%}\n%%\n" + rules + "%%\n" + Main;
        string l = Path.Combine(directory, "twin.l"), c = Path.Combine(directory, "twin.c"), exe = Path.Combine(directory, "twin");
        File.WriteAllText(l, source);
        Run(flex, $"-o {c} {l}", null);
        Run(gcc, $"-O2 -w -o {exe} {c}", null);
        return new FlexTwin(exe, directory);
    }

    /// <summary>Whether a rule file's text turns on a flex option by a <c>%option</c> line.</summary>
    public static bool UsesOption(string text, string option) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^%option\b[^\n]*(?<![-\w])" + option + @"(?![-\w])", System.Text.RegularExpressions.RegexOptions.Multiline);

    /// <summary>Scans every input; returns each one's token lines.</summary>
    public IReadOnlyList<string> Scan(IReadOnlyList<byte[]> inputs)
    {
        var joined = new List<byte>();
        for (int i = 0; i < inputs.Count; i++)
        {
            if (i > 0)
            {
                joined.Add(1);
            }

            joined.AddRange(inputs[i]);
        }

        string output = Run(_executable, "", joined.ToArray());
        string[] parts = output.Split("--\n");
        Assert.Equal(inputs.Count + 1, parts.Length);
        return parts.Take(inputs.Count).ToArray();
    }

    private static string Run(string file, string arguments, byte[]? stdin)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
        }

        process.StandardInput.Close();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(file)} {arguments} failed ({process.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }

    /// <summary>Random inputs over an alphabet, lengths 0..maxLength, from a fixed seed.</summary>
    public static List<byte[]> RandomInputs(int seed, int count, string alphabet, int maxLength)
    {
        var random = new Random(seed);
        byte[] letters = Encoding.Latin1.GetBytes(alphabet);
        var inputs = new List<byte[]>(count);
        for (int i = 0; i < count; i++)
        {
            var input = new byte[random.Next(maxLength + 1)];
            for (int k = 0; k < input.Length; k++)
            {
                input[k] = letters[random.Next(letters.Length)];
            }

            inputs.Add(input);
        }

        return inputs;
    }
}
