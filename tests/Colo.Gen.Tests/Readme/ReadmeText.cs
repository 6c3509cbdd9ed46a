using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Readme;

/// <summary>The README as the tests read it: its sections and their fenced code blocks.</summary>
public static partial class ReadmeText
{
    /// <summary>The README's text, with '\n' line ends.</summary>
    public static string All => File.ReadAllText(Path.Combine(RepositoryCopy.SourceRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The section under the level-2 heading <paramref name="heading"/>, up to the next one.</summary>
    public static string Section(string heading)
    {
        string readme = All;
        int start = readme.IndexOf("\n## " + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no section '## " + heading + "'");
        int end = readme.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    /// <summary>The fenced code blocks of <paramref name="section"/> in order: each one's language tag and text.</summary>
    public static List<(string Language, string Text)> CodeBlocks(string section)
    {
        var blocks = new List<(string, string)>();
        foreach (Match block in Fence().Matches(section))
        {
            blocks.Add((block.Groups[1].Value, block.Groups[2].Value));
        }

        return blocks;
    }

    [GeneratedRegex("^```([a-z]*)\\n(.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
