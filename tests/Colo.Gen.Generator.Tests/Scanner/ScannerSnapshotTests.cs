using System;
using System.IO;
using System.Threading.Tasks;
using Colo.Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Generator.Tests.Scanner;

/// <summary>The generated scanner for a small grammar (TestData/Grammars/calc.l), against Snapshots/calc.l.g.cs.</summary>
public class ScannerSnapshotTests
{
    [Fact]
    public Task CalcGrammar_GeneratesTheSnapshot() =>
        SnapshotVerifier.VerifyAsync<ScannerGenerator>(
            "/grammars/calc.l", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Grammars", "calc.l")), ["calc.l.g.cs"]);
}
