using System;
using System.IO;
using System.Threading.Tasks;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Building;

/// <summary>
/// A consumer project as <c>dotnet new console -n my-app</c> makes it — its RootNamespace is the
/// project name, <c>my-app</c>, which C# cannot declare — with a rule file and two .idl files that
/// both use defbool, one in a subfolder, built by the real SDK with the generator and its build
/// props and targets as the package brings them.
/// </summary>
[Collection(nameof(SdkBuilds))]
public sealed class ConsumerProjectBuildTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <Import Project="../../generator/build/Colo.Gen.Generator.props" />
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="../../generator/Colo.Gen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
          </ItemGroup>
          <Import Project="../../generator/build/Colo.Gen.Generator.targets" />
        </Project>
        """;

    private const string Rules = """
        %option nodefault
        %%
        [a-z]+     return 1;
        [ \t\n]+   { }
        .          return 2;
        """;

    private static string DefboolIdl(string type) => $$"""
        namespace("libxl_")
        libxl_defbool = Builtin("defbool", check_default_fn="libxl__defbool_is_default")
        libxl_{{type}} = Struct("{{type}}", [("on", libxl_defbool), ("name", string)])
        """;

    private const string Program = """
        using System;
        using my_app;

        var scanner = new WordsScanner();
        scanner.SetInput("abc !");
        int token;
        while ((token = scanner.Lex()) > 0)
        {
            Console.WriteLine(token + " " + scanner.Text);
        }

        Console.Write(new Server { On = Defbool.True, Name = "s" }.ToJson());
        Console.Write(Client.FromJson(new Client { On = Defbool.False }.ToJson()).ToJson());
        """;

    [Fact]
    public async Task MyApp_WithARuleFileAndTwoIdlFilesUsingDefbool_BuildsAndRuns()
    {
        using RepositoryCopy copy = RepositoryCopy.Create();
        string project = copy.PathOf(Path.Combine("consumers", "my-app"));
        Directory.CreateDirectory(Path.Combine(project, "types"));
        File.WriteAllText(Path.Combine(project, "my-app.csproj"), Project);
        File.WriteAllText(Path.Combine(project, "words.l"), Rules);
        File.WriteAllText(Path.Combine(project, "server.idl"), DefboolIdl("server"));
        File.WriteAllText(Path.Combine(project, "types", "client.idl"), DefboolIdl("client"));
        File.WriteAllText(Path.Combine(project, "Program.cs"), Program);

        ProcessOutcome run = await DotnetCli.RunAsync(project, TimeSpan.FromMinutes(8), "run", "-c", "Release");

        Assert.True(run.ExitCode == 0, run.Transcript);
        Assert.Equal(
            "1 abc\n2 !\n{\n    \"on\": \"True\",\n    \"name\": \"s\"\n}\n{\n    \"on\": \"False\"\n}\n",
            run.StandardOutput.Replace("\r\n", "\n", StringComparison.Ordinal));

        // The premise: MSBuild gave the generators the project name, unchanged, as RootNamespace.
        string config = File.ReadAllText(Path.Combine(project, "obj", "Release", "net10.0", "my-app.GeneratedMSBuildEditorConfig.editorconfig"));
        Assert.Contains("build_property.RootNamespace = my-app\n", config.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
