using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Extending;

/// <summary>
/// The "Extending the disk syntax" section of docs/extending.md (the README points there), done as it says in a copy of the repository:
/// each code block of the section is an edit (its first line is a line of grammar/disk.l,
/// grammar/libxl_types.idl or runtime/PublicAPI.Unshipped.txt — or the start of one, ending in
/// " ..." — and the lines after it are added below it), read from that page itself, so the page
/// cannot drift from what works. No C# is touched; the copy builds, and the new string and integer
/// options and the new format parse, print in JSON and round-trip.
/// </summary>
[Collection(nameof(SdkBuilds))]
public sealed class GrammarExtensionTests
{
    private const string Page = "docs/extending.md";

    private const string SectionHeading = "## Extending the disk syntax";

    private static readonly string[] GrammarFiles = ["grammar/disk.l", "grammar/libxl_types.idl", "runtime/PublicAPI.Unshipped.txt"];

    /// <summary>How a block's first line ends when it gives only the start of a long line.</summary>
    private const string Elision = " ...";

    /// <summary>One edit the page shows: add <see cref="Lines"/> below the line <see cref="Anchor"/> of <see cref="File"/>.</summary>
    public sealed record GrammarEdit(string File, string Anchor, IReadOnlyList<string> Lines);

    /// <summary>The text of the page's section, up to the next heading of its level.</summary>
    public static string ReadmeSection()
    {
        string readme = File.ReadAllText(RepositoryCopy.SourceRoot + "/" + Page).Replace("\r\n", "\n", StringComparison.Ordinal);
        int start = readme.IndexOf(SectionHeading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, Page + " has no section '" + SectionHeading + "'");
        int end = readme.IndexOf("\n## ", start + SectionHeading.Length, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    /// <summary>The section's code blocks as edits, each found in the grammar file that holds its first line.</summary>
    public static IReadOnlyList<GrammarEdit> ReadmeEdits(string grammarRoot)
    {
        var edits = new List<GrammarEdit>();
        foreach (Match block in Regex.Matches(ReadmeSection(), "^```[a-z]*\\n(.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline))
        {
            string[] lines = block.Groups[1].Value.TrimEnd('\n').Split('\n');
            string[] holders = GrammarFiles.Where(f => LinesOf(Path.Combine(grammarRoot, f)).Count(l => IsAnchor(l, lines[0])) == 1).ToArray();
            Assert.True(holders.Length == 1, "the block starting '" + lines[0] + "' does not start with a line found once in exactly one of " + string.Join(", ", GrammarFiles));
            edits.Add(new GrammarEdit(holders[0], lines[0], lines[1..]));
        }

        return edits;
    }

    /// <summary>The disk the page says prints the new fields.</summary>
    public static string ReadmeSpec()
    {
        Match spec = Regex.Match(ReadmeSection(), "`colo-disk parse '([^']+)'`");
        Assert.True(spec.Success, "the section shows no `colo-disk parse '...'` command");
        return spec.Groups[1].Value;
    }

    [Fact]
    public void TheReadmeSection_EditsOnlyTheGrammar_ForAStringAnIntegerAndAnEnumValue()
    {
        IReadOnlyList<GrammarEdit> edits = ReadmeEdits(RepositoryCopy.SourceRoot);

        Assert.Equal(["grammar/disk.l", "grammar/disk.l", "grammar/libxl_types.idl", "grammar/libxl_types.idl", "grammar/libxl_types.idl", "runtime/PublicAPI.Unshipped.txt"], edits.Select(e => e.File).Order(StringComparer.Ordinal));
        Assert.All(edits, e => Assert.NotEmpty(e.Lines));
        string added = string.Join("\n", edits.SelectMany(e => e.Lines));
        Assert.Contains("SaveString(\"cache-mode\"", added, StringComparison.Ordinal);
        Assert.Contains("SaveInt(\"max_queues\"", added, StringComparison.Ordinal);
        Assert.Contains("(\"max_queues\", integer,", added, StringComparison.Ordinal);
        Assert.Contains("(7, \"VMDK\")", added, StringComparison.Ordinal);
        Assert.Contains("Colo.Gen.DiskDevice.MaxQueues.get -> int", added, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheEdits_TheOptionsAndTheFormatAreUnknown()
    {
        Assert.False(DiskSpecParser.Parse("vdev=xvda,cache-mode=writeback,target=/x").Succeeded);
        Assert.False(DiskSpecParser.Parse("vdev=xvda,max-queues=8,target=/x").Succeeded);
        Assert.False(DiskSpecParser.Parse("format=vmdk,vdev=xvda,target=/x").Succeeded);
        Assert.False(DiskSpecParser.Parse(ReadmeSpec()).Succeeded);
    }

    [Fact]
    public async Task EditingOnlyTheGrammar_AsTheReadmeSays_AddsTheOptionsAndTheFormat()
    {
        using RepositoryCopy copy = RepositoryCopy.Create();
        foreach (GrammarEdit edit in ReadmeEdits(copy.Root))
        {
            InsertAfter(copy.PathOf(edit.File), edit.Anchor, edit.Lines);
        }

        ProcessOutcome build = await DotnetCli.RunAsync(copy.Root, TimeSpan.FromMinutes(8), "build", "cli", "-c", "Release", "-nologo");
        Assert.True(build.ExitCode == 0, build.Transcript);
        Assert.Contains(" 0 Warning(s)", build.StandardOutput, StringComparison.Ordinal);

        string colodisk = Path.Combine("cli", "bin", "Release", "net10.0", "colo-disk.dll");
        string spec = ReadmeSpec();
        ProcessOutcome parse = await DotnetCli.RunAsync(copy.Root, TimeSpan.FromMinutes(2), colodisk, "parse", spec);
        Assert.True(parse.ExitCode == 0, parse.Transcript);
        Assert.Contains("\"format\": \"vmdk\"", parse.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("    \"cache_mode\": \"writeback\",\n", parse.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("    \"max_queues\": 8", parse.StandardOutput, StringComparison.Ordinal);

        // The range: libxlutil's message, naming the field, for a number out of it, 0, or no number.
        foreach (string bad in new[] { "99", "0", "many" })
        {
            ProcessOutcome refused = await DotnetCli.RunAsync(copy.Root, TimeSpan.FromMinutes(2), colodisk, "parse", "max-queues=" + bad + ",vdev=xvda,target=/x");
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("unknown value for max_queues: near `" + bad + "'", refused.StandardError, StringComparison.Ordinal);
        }

        // The rebuilt library itself: the new properties, and JSON that reads back to an equal disk.
        var context = new AssemblyLoadContext("extended", isCollectible: true);
        try
        {
            Assembly library = context.LoadFromAssemblyPath(copy.PathOf(Path.Combine("runtime", "bin", "Release", "net10.0", "Colo.Gen.dll")));
            Type parser = library.GetType("Colo.Gen.DiskSpecParser", throwOnError: true)!;
            Type disk = library.GetType("Colo.Gen.DiskDevice", throwOnError: true)!;
            object result = parser.GetMethod("Parse", [typeof(string), typeof(string)])!.Invoke(null, [spec, DiskSpecParser.CommandLine])!;
            Assert.True((bool)result.GetType().GetProperty("Succeeded")!.GetValue(result)!);
            object parsed = result.GetType().GetProperty("Disk")!.GetValue(result)!;
            Assert.Equal("writeback", disk.GetProperty("CacheMode")!.GetValue(parsed));
            Assert.Equal(8, disk.GetProperty("MaxQueues")!.GetValue(parsed));
            string json = (string)disk.GetMethod("ToJson")!.Invoke(parsed, null)!;
            object back = disk.GetMethod("FromJson", [typeof(string)])!.Invoke(null, [json])!;
            Assert.True(parsed.Equals(back), json);
            Assert.Equal(8, disk.GetProperty("MaxQueues")!.GetValue(back));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Whether <paramref name="line"/> is the page's <paramref name="anchor"/>: the same line, or one that starts so when the anchor ends in " ...".</summary>
    private static bool IsAnchor(string line, string anchor)
    {
        string wanted = anchor.TrimEnd();
        return wanted.EndsWith(Elision, StringComparison.Ordinal)
            ? line.StartsWith(wanted[..^Elision.Length], StringComparison.Ordinal)
            : line.TrimEnd() == wanted;
    }

    private static string[] LinesOf(string path) => File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    private static void InsertAfter(string path, string anchor, IReadOnlyList<string> lines)
    {
        var edited = new List<string>(LinesOf(path));
        int at = edited.FindIndex(l => IsAnchor(l, anchor));
        Assert.True(at >= 0, $"'{anchor}' not found in {path}");
        edited.InsertRange(at + 1, lines);
        File.WriteAllText(path, string.Join("\n", edited));
    }
}
