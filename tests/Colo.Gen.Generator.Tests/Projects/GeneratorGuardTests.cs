using System;
using Colo.Gen.Generator.Common;
using Xunit;

namespace Colo.Gen.Generator.Tests.Projects;

/// <summary>The one guard both generators run their steps under.</summary>
public class GeneratorGuardTests
{
    [Fact]
    public void AStepThatThrows_BecomesCG0001_AtItsFile_WithTheReason()
    {
        Result<string> result = GeneratorGuard.Run<string>("/p/words.l", () => throw new InvalidOperationException("state 7 has no row"));

        Assert.Null(result.Model);
        DiagnosticInfo diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("CG0001", diagnostic.Descriptor.Id);
        Assert.Equal("/p/words.l", diagnostic.Location!.Value.FilePath);
        Assert.Equal(["/p/words.l", "InvalidOperationException: state 7 has no row"], diagnostic.MessageArgs);
    }

    [Fact]
    public void Cancellation_IsNotContained() =>
        Assert.Throws<OperationCanceledException>(() => GeneratorGuard.Run<string>("/p/words.l", () => throw new OperationCanceledException()));

    [Fact]
    public void AStepThatSucceeds_ReturnsItsResult()
    {
        Result<string> result = GeneratorGuard.Run("/p/words.l", () => Result<string>.From("made", []));
        Assert.Equal("made", result.Model);
        Assert.Empty(result.Diagnostics);
    }
}
