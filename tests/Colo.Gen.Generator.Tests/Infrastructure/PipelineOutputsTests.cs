using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Colo.Gen.Generator.Tests.Infrastructure;

/// <summary>The check the incrementality tests rely on finds a compiler object wherever a model holds it.</summary>
public class PipelineOutputsTests
{
    private sealed record Holder(string Name, object? Inner);

    [Fact]
    public void AModelHoldingASyntaxTree_DeepInATupleAndAList_Fails()
    {
        var model = new Holder("outer", (1, new List<object> { new Holder("inner", CSharpSyntaxTree.ParseText("class C { }", cancellationToken: TestContext.Current.CancellationToken)) }));
        var failure = Assert.ThrowsAny<System.Exception>(() => PipelineOutputs.AssertHoldsNoCompilerObject(model, "step"));
        Assert.Contains("step.Inner", failure.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void AModelOfPlainValues_Passes() =>
        PipelineOutputs.AssertHoldsNoCompilerObject(new Holder("outer", (1, new List<object> { new Holder("inner", "text") })), "step");
}
