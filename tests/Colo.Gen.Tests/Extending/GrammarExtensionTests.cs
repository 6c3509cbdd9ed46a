using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Extending;

/// <summary>
/// The README's "Extending the disk syntax" edits, made in a copy of the repository: one rule
/// line in grammar/disk.l and one field line in grammar/libxl_types.idl give a new string option;
/// one enum line in the IDL gives a new format. The new public members go into the tracked surface
/// (runtime/PublicAPI.Unshipped.txt, the lines the build's RS0016 errors name); no C# is touched; the
/// copy builds, and the new option parses, prints in JSON and round-trips.
/// </summary>
public sealed class GrammarExtensionTests
{
    /// <summary>The rule line the README shows: the script= rule with a new name and field.</summary>
    public const string NewRuleLine =
        "cache-mode=[^,]*,?         { Disk.CacheMode = SaveString(\"cache-mode\", Disk.CacheMode, FromEquals(Stripped((byte)','))); }";

    /// <summary>The field line the README shows.</summary>
    public const string NewFieldLine = "    (\"cache_mode\", string),";

    /// <summary>The format line the README shows.</summary>
    public const string NewFormatLine = "    (7, \"VMDK\"),";

    /// <summary>The tracked-surface lines the README shows for the new property and format.</summary>
    public static readonly string[] NewApiLines =
    [
        "Colo.Gen.DiskDevice.CacheMode.get -> string?",
        "Colo.Gen.DiskDevice.CacheMode.set -> void",
        "Colo.Gen.DiskFormat.Vmdk = 7 -> Colo.Gen.DiskFormat",
    ];

    private const string Spec = "format=vmdk,vdev=xvda,cache-mode=writeback,target=/images/guest.vmdk";

    [Fact]
    public void WithoutTheEdits_TheOptionAndFormatAreUnknown()
    {
        Assert.False(DiskSpecParser.Parse("vdev=xvda,cache-mode=writeback,target=/x").Succeeded);
        Assert.False(DiskSpecParser.Parse("format=vmdk,vdev=xvda,target=/x").Succeeded);
    }

    [Fact]
    public async Task EditingOnlyTheGrammar_AddsAnOptionAndAFormat()
    {
        using RepositoryCopy copy = RepositoryCopy.Create();
        InsertAfter(copy.PathOf("grammar/disk.l"), "script=[^,]*,?", NewRuleLine);
        InsertAfter(copy.PathOf("grammar/libxl_types.idl"), "(\"script\", string", NewFieldLine);
        InsertAfter(copy.PathOf("grammar/libxl_types.idl"), "(6, \"QED\"),", NewFormatLine);
        File.AppendAllLines(copy.PathOf("runtime/PublicAPI.Unshipped.txt"), NewApiLines);

        ProcessOutcome build = await DotnetCli.RunAsync(copy.Root, TimeSpan.FromMinutes(8), "build", "cli", "-c", "Release", "-nologo");
        Assert.True(build.ExitCode == 0, build.Transcript);
        Assert.Contains(" 0 Warning(s)", build.StandardOutput, StringComparison.Ordinal);

        ProcessOutcome parse = await DotnetCli.RunAsync(
            copy.Root, TimeSpan.FromMinutes(2), Path.Combine("cli", "bin", "Release", "net10.0", "colo-disk.dll"), "parse", Spec);
        Assert.True(parse.ExitCode == 0, parse.Transcript);
        Assert.Contains("\"format\": \"vmdk\"", parse.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("    \"cache_mode\": \"writeback\",\n", parse.StandardOutput, StringComparison.Ordinal);

        // The rebuilt library itself: the new property, and JSON that reads back to an equal disk.
        var context = new AssemblyLoadContext("extended", isCollectible: true);
        try
        {
            Assembly library = context.LoadFromAssemblyPath(copy.PathOf(Path.Combine("runtime", "bin", "Release", "net10.0", "Colo.Gen.dll")));
            Type parser = library.GetType("Colo.Gen.DiskSpecParser", throwOnError: true)!;
            Type disk = library.GetType("Colo.Gen.DiskDevice", throwOnError: true)!;
            object result = parser.GetMethod("Parse", [typeof(string), typeof(string)])!.Invoke(null, [Spec, "command line"])!;
            Assert.True((bool)result.GetType().GetProperty("Succeeded")!.GetValue(result)!);
            object parsed = result.GetType().GetProperty("Disk")!.GetValue(result)!;
            Assert.Equal("writeback", disk.GetProperty("CacheMode")!.GetValue(parsed));
            string json = (string)disk.GetMethod("ToJson")!.Invoke(parsed, null)!;
            object back = disk.GetMethod("FromJson", [typeof(string)])!.Invoke(null, [json])!;
            Assert.True(parsed.Equals(back), json);
            Assert.Equal("writeback", disk.GetProperty("CacheMode")!.GetValue(back));
        }
        finally
        {
            context.Unload();
        }
    }

    private static void InsertAfter(string path, string anchor, string line)
    {
        string[] lines = File.ReadAllLines(path);
        int at = Array.FindIndex(lines, l => l.Contains(anchor, StringComparison.Ordinal));
        Assert.True(at >= 0, $"'{anchor}' not found in {path}");
        var edited = new System.Collections.Generic.List<string>(lines);
        edited.Insert(at + 1, line);
        File.WriteAllText(path, string.Join("\n", edited) + "\n");
    }
}
