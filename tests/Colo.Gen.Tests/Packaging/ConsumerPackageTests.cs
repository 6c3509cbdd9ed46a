using System;
using System.IO;
using System.Threading.Tasks;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Packaging;

/// <summary>
/// The packages as a .NET user takes them: Colo.Gen.Generator (the analyzer, with build/buildTransitive
/// props and targets) and Colo.Gen (the runtime), packed into a folder feed (<see cref="PackedFeed"/>);
/// a consumer project outside the solution restores both from that feed only, brings its own .l and
/// .idl, builds, and runs its scanner, its types and the runtime's parser.
/// </summary>
[Collection(nameof(SdkBuilds))]
public sealed class ConsumerPackageTests(PackedFeed packed)
{
    private const string ConsumerProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <RootNamespace>Consumer</RootNamespace>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Colo.Gen.Generator" Version="0.1.0" PrivateAssets="all" />
            <PackageReference Include="Colo.Gen" Version="0.1.0" />
          </ItemGroup>
        </Project>
        """;

    private const string Rules = """
        %option class="WordScanner" nodefault
        %%
        [a-z]+        return 1;
        [0-9]+/"%"    return 2;
        [ \t\n%]+     { }
        .             return 3;
        """;

    private const string Types = """
        namespace("demo_")
        demo_colour = Enumeration("colour", [
            (1, "RED"),
            (2, "GREEN"),
            ])
        demo_point = Struct("point", [
            ("x", integer),
            ("y", integer),
            ("label", string),
            ("colour", demo_colour),
            ])
        """;

    private const string Program = """
        using System;
        using Consumer;

        var scanner = new WordScanner();
        scanner.SetInput("abc 42% !");
        int token;
        while ((token = scanner.Lex()) > 0)
        {
            Console.WriteLine(token + " " + scanner.Text);
        }

        var point = new Point { X = 3, Y = -4, Label = "here", Colour = Colour.Green };
        Console.Write(point.ToJson());
        var parsed = Colo.Gen.DiskSpecParser.Parse("vdev=xvda,target=/x");
        Console.WriteLine(parsed.Succeeded ? parsed.Disk.Vdev : "failed");
        """;

    [Fact]
    public async Task PackedPackages_FromAFolderFeed_BuildAndRunAConsumer()
    {
        await packed.ReadyAsync();
        // Outside the copy: the repository's Directory.*.props (central versions) must not apply.
        string consumer = Path.Combine(Path.GetTempPath(), "colo-gen-consumer-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(consumer);
        try
        {
            await BuildAndRunConsumer(consumer, packed.Feed, packed.Copy.PathOf("packages"));
        }
        finally
        {
            Directory.Delete(consumer, recursive: true);
        }
    }

    private static async Task BuildAndRunConsumer(string consumer, string feed, string packages)
    {
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), ConsumerProject);
        File.WriteAllText(Path.Combine(consumer, "words.l"), Rules);
        File.WriteAllText(Path.Combine(consumer, "demo.idl"), Types);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);

        // A private package folder: nothing comes from an earlier run's cache or the network.
        ProcessOutcome run = await DotnetCli.RunAsync(consumer, TimeSpan.FromMinutes(6), "run", "-c", "Release", $"-p:RestorePackagesPath={packages}");
        Assert.True(run.ExitCode == 0, run.Transcript);
        Assert.Equal(
            "1 abc\n2 42\n3 !\n{\n    \"x\": 3,\n    \"y\": -4,\n    \"label\": \"here\",\n    \"colour\": \"green\"\n}\nxvda\n",
            run.StandardOutput.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.True(Directory.Exists(Path.Combine(packages, "colo.gen.generator", "0.1.0", "analyzers", "dotnet", "cs")));
    }
}
