using System.IO;
using System.Linq;
using Colo.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Colo.Gen.Generator.Tests.Idl;

/// <summary>Xen's own libxl_types.idl, unmodified (today's and 4.6's), goes through and its C# compiles.</summary>
public class XenIdlTests
{
    [Theory]
    [InlineData("xen-libxl_types-master.idl")]
    [InlineData("xen-libxl_types-4.6.0.idl")]
    public void XenIdl_HasOnlyMacroWarnings_AndTheGeneratedCSharpCompiles(string file)
    {
        string text = File.ReadAllText(GeneratorHarness.TestData(file));

        var (run, output, generatorDiagnostics) = GeneratorHarness.Run("/xen/" + file, text, ns: "Xen.Libxl");

        Assert.All(generatorDiagnostics, d => Assert.Equal("CG1011", d.Id));
        Assert.Contains(generatorDiagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("LIBXL_MEMKB_DEFAULT"));
        // One warning per macro, however many fields use it.
        Assert.Equal(generatorDiagnostics.Length, generatorDiagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Distinct().Count());
        // The file's types, and the source its namespace shares (Defbool, the JSON support class).
        Assert.Equal(2, run.GeneratedTrees.Length);
        Assert.Single(run.GeneratedTrees, t => t.FilePath.EndsWith("Xen.Libxl.ColoGenSupport.g.cs", System.StringComparison.Ordinal));
        Diagnostic[] errors = output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Take(20).Select(e => e.ToString())));
    }

    [Fact]
    public void XenIdl_MacrosSuppliedByConsumer_RemoveTheirWarnings()
    {
        string text = File.ReadAllText(GeneratorHarness.TestData("xen-libxl_types-4.6.0.idl"));
        var (_, _, before) = GeneratorHarness.Run("/xen/a.idl", text);
        var (_, _, after) = GeneratorHarness.Run("/xen/a.idl", text, macros: "LIBXL_MEMKB_DEFAULT=~0ULL; LIBXL_TIMER_MODE_DEFAULT = -1");

        Assert.Equal(before.Length - 2, after.Length);
        Assert.DoesNotContain(after, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("LIBXL_MEMKB_DEFAULT"));
    }

    [Fact]
    public void XenIdl_DiskOfTodaysXen_HasTheFieldsOfTheProjectsDisk()
    {
        string text = File.ReadAllText(GeneratorHarness.TestData("xen-libxl_types-master.idl"));
        var (_, output, _) = GeneratorHarness.Run("/xen/libxl_types.idl", text, ns: "Xen.Libxl");

        INamedTypeSymbol disk = output.GetTypeByMetadataName("Xen.Libxl.DeviceDisk")!;
        string[] properties = disk.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).ToArray();
        Assert.Equal(
            new[] { "BackendDomid", "BackendDomname", "PdevPath", "Vdev", "Backend", "Format", "Script", "Removable", "Readwrite", "IsCdrom", "DirectIoSafe", "DiscardEnable", "Specification", "Transport", "Irq", "Base", "ColoEnable", "ColoRestoreEnable", "ColoHost", "ColoPort", "ColoExport", "ActiveDisk", "HiddenDisk", "Trusted", "GrantUsage" },
            properties);
    }
}
