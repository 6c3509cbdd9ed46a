using Xunit;

namespace Colo.Gen.Tests;

public class SmokeTests
{
    [Fact]
    public void Cli_WithNoArguments_ExitsNonZero() => Assert.NotEqual(0, Colo.Gen.Cli.Program.Run([], new System.IO.MemoryStream(), new System.IO.StringWriter(), new System.IO.StringWriter()));
}
