using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Colo.Gen.Generator.Tests;

/// <summary>The generator assembly as the compiler loads it from an analyzer reference.</summary>
public class SmokeTests
{
    /// <summary>Hands the compiler the generator assembly this test process already loaded.</summary>
    private sealed class LoadedAssemblies : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) =>
            AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => !a.IsDynamic && a.Location == fullPath) ?? Assembly.LoadFrom(fullPath);
    }

    [Fact]
    public void TheCompiler_FindsBothGenerators_ForCSharp_AndNoneForVisualBasic()
    {
        var reference = new AnalyzerFileReference(typeof(ScannerGenerator).Assembly.Location, new LoadedAssemblies());

        Assert.Equal(
            [typeof(IdlTypesGenerator), typeof(ScannerGenerator)],
            reference.GetGenerators(LanguageNames.CSharp).Select(g => g.GetGeneratorType()).OrderBy(t => t.Name, StringComparer.Ordinal));
        Assert.Empty(reference.GetGenerators(LanguageNames.VisualBasic));
        Assert.Empty(reference.GetAnalyzers(LanguageNames.CSharp));
    }
}
