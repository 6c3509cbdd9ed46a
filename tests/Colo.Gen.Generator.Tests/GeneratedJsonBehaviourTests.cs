using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Colo.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Colo.Gen.Generator.Tests;

/// <summary>
/// Runs the C# generated from TestData/small.idl: KeyedUnion, arrays, init values and opaque
/// builtins are written as libxl's gentypes.py writes them (yajl pretty form) and read back.
/// </summary>
public class GeneratedJsonBehaviourTests
{
    private const string Probe = """
        using System.Text.Json.Nodes;
        using Colo.Gen;
        public static class Probe
        {
            public static string Full()
            {
                var g = new Guest();
                g.Type = Kind.Hvm;
                g.U.Hvm.Firmware = "bios";
                g.U.Hvm.Vga = true;
                g.Ranges.Add(new Range { First = 1 });
                g.Weights.Add(5);
                g.Weights.Add(6);
                g.Arch.Kinds.Add(Kind.Pv);
                g.Args = JsonNode.Parse("[\"a\",\"b\"]");
                string json = g.ToJson();
                Guest back = Guest.FromJson(json);
                return json + "|" + back.Equals(g) + "|" + g.Clone().Equals(g) + "|" + back.U.Hvm.Firmware + "|" + back.Ranges[0].Count;
            }

            public static string Empty() => new Guest().ToJson();
        }
        """;

    [Fact]
    public void KeyedUnionArraysAndInitValues_AreWrittenAsLibxlDoes_AndReadBack()
    {
        Assembly assembly = CompileSmallIdl();
        Type probe = assembly.GetType("Probe")!;

        string[] full = ((string)probe.GetMethod("Full")!.Invoke(null, null)!).Split('|');

        Assert.Equal(
            "{\n    \"args\": [\n        \"a\",\n        \"b\"\n    ],\n    \"ranges\": [\n        {\n            \"first\": 1\n        }\n    ],\n" +
            "    \"weights\": [\n        5,\n        6\n    ],\n    \"arch\": {\n        \"kinds\": [\n            \"pv\"\n        ]\n    },\n" +
            "    \"type.hvm\": {\n        \"firmware\": \"bios\",\n        \"vga\": true\n    }\n}\n",
            full[0]);
        Assert.Equal(new[] { "True", "True", "bios", uint.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) }, full.Skip(1));
    }

    [Fact]
    public void AFreshValue_WritesOnlyItsAggregatesAndTheKeyedUnionsInitCase()
    {
        Assembly assembly = CompileSmallIdl();
        string empty = (string)assembly.GetType("Probe")!.GetMethod("Empty")!.Invoke(null, null)!;

        Assert.Equal("{\n    \"arch\": {\n\n    },\n    \"type.invalid\": {\n\n    }\n}\n", empty);
    }

    private static Assembly CompileSmallIdl()
    {
        string idl = File.ReadAllText(GeneratorHarness.TestData("small.idl"));
        var (_, output, diagnostics) = GeneratorHarness.Run("/p/small.idl", idl, ns: "Colo.Gen");
        Assert.Empty(diagnostics);
        Compilation compilation = output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Probe, new CSharpParseOptions(LanguageVersion.Latest), cancellationToken: TestContext.Current.CancellationToken));
        using var image = new MemoryStream();
        var result = compilation.Emit(image, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(image.ToArray());
    }
}
