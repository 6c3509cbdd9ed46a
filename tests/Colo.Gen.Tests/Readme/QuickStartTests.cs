using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Colo.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Colo.Gen.Tests.Readme;

/// <summary>
/// The README's C# quick start, taken from the README text itself: it compiles against the library
/// with no warning, runs as a program of its own, and prints exactly what the README says it prints.
/// </summary>
[Collection(nameof(SdkBuilds))]
public sealed class QuickStartTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("colo-readme-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static (string Code, string Prints) QuickStart()
    {
        List<(string Language, string Text)> blocks = ReadmeText.CodeBlocks(ReadmeText.Section("Use it from C#"));
        int code = blocks.FindIndex(b => b.Language == "csharp");
        Assert.True(code >= 0 && code + 1 < blocks.Count, "the quick start is a ```csharp block followed by the block of what it prints");
        return (blocks[code].Text, blocks[code + 1].Text);
    }

    [Fact]
    public void TheQuickStart_IsAboutFifteenLines()
    {
        int statements = QuickStart().Code.Split('\n').Count(l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal));
        Assert.InRange(statements, 5, 18);
    }

    [Fact]
    public async Task TheQuickStart_CompilesRunsAndPrintsWhatTheReadmeShows()
    {
        (string code, string prints) = QuickStart();
        string[] references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "QuickStart",
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), path: "README.md", cancellationToken: TestContext.Current.CancellationToken)],
            references.Select(r => MetadataReference.CreateFromFile(r)),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        string program = Path.Combine(_dir.FullName, "QuickStart.dll");
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = compilation.Emit(program, cancellationToken: TestContext.Current.CancellationToken);
        Diagnostic[] problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(emitted.Success && problems.Length == 0, string.Join('\n', problems.Select(d => d.ToString())));

        // A program of its own: the library beside it, the running framework, nothing of the test host.
        File.Copy(typeof(DiskSpecParser).Assembly.Location, Path.Combine(_dir.FullName, "Colo.Gen.dll"));
        File.WriteAllText(Path.Combine(_dir.FullName, "QuickStart.runtimeconfig.json"), $$$"""
            {"runtimeOptions": {"tfm": "net10.0", "framework": {"name": "Microsoft.NETCore.App", "version": "{{{Environment.Version}}}"} } }
            """);
        ProcessOutcome run = await DotnetCli.RunAsync(_dir.FullName, TimeSpan.FromMinutes(1), program);

        Assert.True(run.ExitCode == 0, run.Transcript);
        Assert.Equal("", run.StandardError);
        Assert.Equal(prints, run.StandardOutput);
    }
}
