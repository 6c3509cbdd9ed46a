using Xunit;

namespace Colo.Gen.Generator.Tests;

public class SmokeTests
{
    [Fact]
    public void Generators_AreNamedForTheirInputs()
    {
        Assert.Equal("IdlTypesGenerator", typeof(IdlTypesGenerator).Name);
        Assert.Equal("ScannerGenerator", typeof(ScannerGenerator).Name);
    }
}
