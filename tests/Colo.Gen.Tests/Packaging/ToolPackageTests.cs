using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Packaging;

/// <summary>
/// What `dotnet pack` makes, as a user and a package feed see it: exactly three packages with their
/// metadata, licence files and symbols, and a colo-disk tool that installs from the folder feed into an
/// empty tool path (what <c>--global</c> does, in a folder of the test's own) and runs.
/// </summary>
[Collection(nameof(SdkBuilds))]
public sealed class ToolPackageTests(PackedFeed packed)
{
    private static string[] FilesIn(string package)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToArray();
    }

    private static XElement Metadata(string package)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        ZipArchiveEntry nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using Stream stream = nuspec.Open();
        XElement root = XDocument.Load(stream).Root!;
        return root.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Value(XElement metadata, string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    [Fact]
    public async Task TheSolution_PacksExactlyTheLibraryTheAnalyzerAndTheTool()
    {
        var packable = new List<string>();
        string solution = File.ReadAllText(Path.Combine(RepositoryCopy.SourceRoot, "Colo.Gen.sln"));
        foreach (string project in solution.Split('"').Where(p => p.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            string path = project.Replace('\\', '/');
            ProcessOutcome isPackable = await DotnetCli.RunAsync(RepositoryCopy.SourceRoot, TimeSpan.FromMinutes(2), "msbuild", path, "-getProperty:IsPackable", "-nologo");
            Assert.True(isPackable.ExitCode == 0, isPackable.Transcript);
            if (isPackable.StandardOutput.Trim() != "false")
            {
                packable.Add(path);
            }
        }

        Assert.Equal(PackedFeed.PackableProjects, packable.Order(StringComparer.Ordinal));
        await packed.ReadyAsync();
        Assert.Equal(
            new[] { "Colo.Gen.0.1.0.nupkg", "Colo.Gen.0.1.0.snupkg", "Colo.Gen.Generator.0.1.0.nupkg", "colo-disk.0.1.0.nupkg", "colo-disk.0.1.0.snupkg" },
            Directory.GetFiles(packed.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Colo.Gen.0.1.0.nupkg")]
    [InlineData("Colo.Gen.Generator.0.1.0.nupkg")]
    [InlineData("colo-disk.0.1.0.nupkg")]
    public async Task EveryPackage_CarriesTheLicenceTheReadmeAndTheForksUrls(string package)
    {
        await packed.ReadyAsync();
        XElement metadata = Metadata(packed.PathOf(package));

        XElement license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("LGPL-2.1-only", license.Value);
        Assert.Equal(PackedFeed.ForkUrl, Value(metadata, "projectUrl"));
        Assert.Equal(PackedFeed.ForkUrl, metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")?.Value);
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.Contains("colo", (Value(metadata, "tags") ?? "").Split(' '));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
        string[] files = FilesIn(packed.PathOf(package));
        Assert.Contains("LICENSE", files);
        Assert.Contains("NOTICE", files);
        Assert.Contains("README.md", files);
    }

    [Fact]
    public async Task TheToolPackage_IsADotnetTool_WithItsPdbsInTheSymbolsPackage()
    {
        await packed.ReadyAsync();
        XElement metadata = Metadata(packed.PathOf("colo-disk.0.1.0.nupkg"));
        Assert.Contains(metadata.Descendants(), e => e.Name.LocalName == "packageType" && e.Attribute("name")?.Value == "DotnetTool");
        string[] files = FilesIn(packed.PathOf("colo-disk.0.1.0.nupkg"));
        Assert.Contains("tools/net10.0/any/colo-disk.dll", files);
        Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", files);
        Assert.Contains("lib/net10.0/Colo.Gen.pdb", FilesIn(packed.PathOf("Colo.Gen.0.1.0.snupkg")));
    }

    [Fact]
    public async Task TheTool_InstalledFromTheFeedIntoAnEmptyToolPath_RunsAsColoDisk()
    {
        await packed.ReadyAsync();
        string tools = packed.Copy.PathOf("tools");
        Directory.CreateDirectory(tools);
        string config = packed.Copy.PathOf("feed-only.nuget.config");
        File.WriteAllText(config, """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);

        ProcessOutcome install = await DotnetCli.RunAsync(
            packed.Copy.Root, TimeSpan.FromMinutes(4), "tool", "install", "--tool-path", tools, "--add-source", packed.Feed, "--configfile", config, "colo-disk");
        Assert.True(install.ExitCode == 0, install.Transcript);

        string coloDisk = Path.Combine(tools, OperatingSystem.IsWindows() ? "colo-disk.exe" : "colo-disk");
        ProcessOutcome help = await DotnetCli.RunProgramAsync(coloDisk, tools, TimeSpan.FromMinutes(1), null, "--help");
        Assert.True(help.ExitCode == 0, help.Transcript);
        Assert.Contains("qemu-args", help.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Exit status:", help.StandardOutput, StringComparison.Ordinal);

        ProcessOutcome parse = await DotnetCli.RunProgramAsync(coloDisk, tools, TimeSpan.FromMinutes(1), null, "parse", "format=raw,vdev=hda,access=rw,target=/dev/vg/guest");
        Assert.True(parse.ExitCode == 0, parse.Transcript);
        Assert.Equal("", parse.StandardError);
        Assert.StartsWith("disk: {\n    \"pdev_path\": \"/dev/vg/guest\",", parse.StandardOutput, StringComparison.Ordinal);

        // The process's own exit status, not just Program.Run's return value.
        Assert.Equal(1, (await DotnetCli.RunProgramAsync(coloDisk, tools, TimeSpan.FromMinutes(1), null, "parse", "target=/x")).ExitCode);
        Assert.Equal(2, (await DotnetCli.RunProgramAsync(coloDisk, tools, TimeSpan.FromMinutes(1), null, "parse", "--frob")).ExitCode);
    }
}
