using System;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Colo.Gen.Generator.Tests.Projects;

/// <summary>An input file the compiler cannot give the text of is CG0002 at the file, from either generator, never a crash or CG0001.</summary>
public class UnreadableInputTests
{
    /// <summary>An AdditionalText as the compiler hands one it could not read (null), or one whose reading throws.</summary>
    private sealed class UnreadableText(string path, bool throws) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) =>
            throws ? throw new IOException("disk on fire") : null;
    }

    [Theory]
    [InlineData("/p/words.l", false)]
    [InlineData("/p/words.l", true)]
    [InlineData("/p/types.idl", false)]
    [InlineData("/p/types.idl", true)]
    public void UnreadableFile_IsCG0002_AtTheFile_FromEitherGenerator(string path, bool throws)
    {
        ProjectBuild build = ProjectHarness.Build([new UnreadableText(path, throws)]);

        Diagnostic diagnostic = Assert.Single(build.Generator);
        Assert.Equal("CG0002", diagnostic.Id);
        Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
        Assert.Contains(throws ? "disk on fire" : "no text", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(build.Sources);
    }

    [Fact]
    public void AnUnreadableFile_DoesNotStopTheOthers()
    {
        ProjectBuild build = ProjectHarness.Build(
            [new UnreadableText("/p/bad.l", throws: true), new Infrastructure.InMemoryAdditionalText("/p/good.l", "%%\na return 1;\n")],
            rootNamespace: "App");

        Assert.Equal(["CG0002"], build.Generator.Select(d => d.Id));
        Assert.Single(build.Sources);
    }
}
