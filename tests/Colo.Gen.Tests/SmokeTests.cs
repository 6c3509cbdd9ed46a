using Xunit;

namespace Colo.Gen.Tests;

public class SmokeTests
{
    [Fact]
    public void Cli_WithNoArguments_ExitsNonZero() => Assert.Equal(1, Colo.Gen.Cli.Program.Main([]));
}
