using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Idl;
using Colo.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Colo.Gen.Generator.Tests.Idl;

/// <summary>
/// Colo.Gen's own IDL annotations (docs/idl.md), which idl.py ignores: <c>doc</c> on a type and a
/// field, <c>value_docs</c> on an Enumeration, and <c>csharp_type="bool"</c> on an integer field
/// libxl uses as 0/1.
/// </summary>
public class IdlAnnotationTests
{
    private const string Idl = """
        namespace("libxl_")
        libxl_defbool = Builtin("defbool", json_parse_type="JSON_STRING", passby=PASS_BY_REFERENCE, copy_fn=None,
                                check_default_fn="libxl__defbool_is_default")
        libxl_mode = Enumeration("mode", [
            (0, "OFF"),
            (1, "ON"),
            ], doc="How a thing runs",
            value_docs={"ON": "it runs, with `x` set"})
        libxl_thing = Struct("thing", [
            ("flag", integer, {'csharp_type': "bool", 'doc': "Whether it is"
                               " on; 1 or 0 in C"}),
            ("started", integer, {'csharp_type': "bool", 'init_val': "1"}),
            ("count", integer, {'doc': "How many, 0 to 9 & < 10"}),
            ("plain", integer),
            ], doc="A thing")
        """;

    private const string Probe = """
        public static class Probe
        {
            public static string Write(bool flag, bool started) => new Test.Types.Thing { Flag = flag, Started = started }.ToJson();

            public static string Read(string json)
            {
                var thing = Test.Types.Thing.FromJson(json);
                return thing.Flag + "," + thing.Started;
            }
        }
        """;

    [Fact]
    public void A_field_doc_is_the_propertys_summary_and_libxls_name_its_remark()
    {
        string source = Generate();

        Assert.Contains("/// <summary>Whether it is on; 1 or 0 in C</summary>\n    /// <remarks>libxl field <c>flag</c>; a C int used as a flag, 1 or 0 in libxl's JSON.</remarks>\n    public bool Flag { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("/// <summary>How many, 0 to 9 &amp; &lt; 10</summary>", source, StringComparison.Ordinal);
        Assert.Contains("/// <summary>libxl field <c>plain</c>.</summary>", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_and_value_docs_end_their_summaries()
    {
        string source = Generate();

        Assert.Contains("/// <summary>libxl's <c>libxl_thing</c> (from a.idl): A thing.</summary>", source, StringComparison.Ordinal);
        Assert.Contains("/// <summary>libxl's <c>libxl_mode</c> (from a.idl): How a thing runs.</summary>", source, StringComparison.Ordinal);
        Assert.Contains("/// <summary><c>LIBXL_MODE_ON</c>, \"on\": it runs, with <c>x</c> set.</summary>", source, StringComparison.Ordinal);
        Assert.Contains("/// <summary><c>LIBXL_MODE_OFF</c>, \"off\".</summary>", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, "{\n    \"flag\": 1,\n    \"started\": 0\n}\n")]
    [InlineData(false, true, "{\n\n}\n")]
    [InlineData(true, true, "{\n    \"flag\": 1\n}\n")]
    public void A_bool_flag_is_libxls_number_in_json_left_out_at_its_init_value(bool flag, bool started, string json)
    {
        Type probe = Compile().GetType("Probe")!;

        Assert.Equal(json, (string)probe.GetMethod("Write")!.Invoke(null, [flag, started])!);
        Assert.Equal(flag + "," + started, (string)probe.GetMethod("Read")!.Invoke(null, [json])!);
    }

    [Theory]
    [InlineData("{\"flag\": 2}")]
    [InlineData("{\"flag\": -1}")]
    [InlineData("{\"flag\": true}")]
    [InlineData("{\"flag\": \"1\"}")]
    public void A_bool_flag_reads_only_0_or_1_so_no_other_number_is_silently_changed(string json)
    {
        MethodInfo read = Compile().GetType("Probe")!.GetMethod("Read")!;

        TargetInvocationException thrown = Assert.Throws<TargetInvocationException>(() => read.Invoke(null, [json]));
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(thrown.InnerException);
    }

    [Theory]
    [InlineData("(\"a\", string, {'csharp_type': \"bool\"})")]
    [InlineData("(\"a\", uint8, {'csharp_type': \"bool\"})")]
    [InlineData("(\"a\", integer, {'csharp_type': \"long\"})")]
    [InlineData("(\"a\", integer, {'doc': 5})")]
    public void A_misused_annotation_is_CG1012_and_the_field_keeps_its_type(string field)
    {
        List<DiagnosticInfo> diagnostics = IdlModelBuilder.Build("bad.idl", "namespace(\"libxl_\")\ns = Struct(\"s\", [" + field + "])\n", "N", new Dictionary<string, string>(), TestContext.Current.CancellationToken).Diagnostics.ToList();

        Assert.Equal("CG1012", Assert.Single(diagnostics).Descriptor.Id);
    }

    [Fact]
    public void Value_docs_naming_no_value_is_CG1012()
    {
        List<DiagnosticInfo> diagnostics = IdlModelBuilder.Build("bad.idl", "namespace(\"libxl_\")\ne = Enumeration(\"e\", [(0, \"A\")], value_docs={\"B\": \"b\"})\n", "N", new Dictionary<string, string>(), TestContext.Current.CancellationToken).Diagnostics.ToList();

        Assert.Equal("CG1012", Assert.Single(diagnostics).Descriptor.Id);
    }

    [Fact]
    public void Every_public_member_generated_from_the_projects_idl_says_more_than_its_field_name()
    {
        string source = Generate(File.ReadAllText(GeneratorHarness.RepositoryFile("grammar", "libxl_types.idl")));

        Assert.DoesNotContain("/// <summary>libxl field", source, StringComparison.Ordinal);
        Assert.Contains("public bool Readwrite { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("public bool Removable { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("public bool IsCdrom { get; set; }", source, StringComparison.Ordinal);
    }

    private static string Generate(string idl = Idl)
    {
        var (run, output, diagnostics) = GeneratorHarness.Run("/p/a.idl", idl);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning));
        // The types of a.idl; Defbool and the JSON support are the namespace's one shared source beside it.
        return Assert.Single(run.GeneratedTrees, t => !t.FilePath.EndsWith(".ColoGenSupport.g.cs", System.StringComparison.Ordinal)).ToString();
    }

    private static Assembly Compile()
    {
        var (_, output, diagnostics) = GeneratorHarness.Run("/p/a.idl", Idl);
        Assert.Empty(diagnostics);
        Compilation compilation = output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Probe, new CSharpParseOptions(LanguageVersion.Latest), cancellationToken: TestContext.Current.CancellationToken));
        using var image = new MemoryStream();
        var result = compilation.Emit(image, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(image.ToArray());
    }
}
