using System.Collections.Generic;
using System.Linq;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Idl;
using Xunit;

namespace Colo.Gen.Generator.Tests.Idl;

public class IdlParserTests
{
    private static IdlSyntaxFile Parse(string text, out List<DiagnosticInfo> diagnostics)
    {
        diagnostics = new List<DiagnosticInfo>();
        return IdlParser.Parse("t.idl", text, diagnostics);
    }

    private static IdlModel Model(string text, out List<DiagnosticInfo> diagnostics, Dictionary<string, string>? macros = null)
    {
        Result<IdlModel> result = IdlModelBuilder.Build("t.idl", text, "N", macros ?? new Dictionary<string, string>());
        diagnostics = result.Diagnostics.ToList();
        Assert.NotNull(result.Model);
        return result.Model!;
    }

    [Fact]
    public void Parse_CallWithPositionalAndKeywordArguments_KeepsBoth()
    {
        IdlSyntaxFile file = Parse("x = Struct(\"s\", [], dir=DIR_IN, csharp_name='S',)\n", out var diagnostics);

        Assert.Empty(diagnostics);
        IdlStatement statement = Assert.Single(file.Statements);
        Assert.Equal("x", statement.Target);
        var call = Assert.IsType<IdlCallExpr>(statement.Value);
        Assert.Equal("Struct", Assert.IsType<IdlNameExpr>(call.Callee).Name);
        Assert.Equal(2, call.Arguments.Count);
        Assert.Equal(new[] { "dir", "csharp_name" }, call.Keywords.Select(k => k.Name));
        Assert.Equal("S", Assert.IsType<IdlStringExpr>(call.Keywords[1].Value).Value);
    }

    [Fact]
    public void Parse_Integers_HexNegativeAndDecimal()
    {
        IdlSyntaxFile file = Parse("x = [0x20, -1, 42, (3,)]\n", out var diagnostics);

        Assert.Empty(diagnostics);
        var list = Assert.IsType<IdlListExpr>(file.Statements[0].Value);
        Assert.Equal(new long[] { 32, -1, 42 }, list.Items.Take(3).Select(i => ((IdlIntegerExpr)i).Value));
        Assert.Single(Assert.IsType<IdlTupleExpr>(list.Items[3]).Items);
    }

    [Fact]
    public void Parse_NewlinesInsideBracketsAndAfterBackslash_DoNotEndTheStatement()
    {
        IdlSyntaxFile file = Parse("x = (1,\n  # comment\n  2)\ny = 3 + \\\n", out var diagnostics);

        Assert.Equal(2, ((IdlTupleExpr)file.Statements[0].Value).Items.Count);
        Assert.Contains(diagnostics, d => d.Descriptor.Id == "CG1002"); // '+' is not in the subset
    }

    [Fact]
    public void Parse_DictAndStrings_DecodeEscapesAndJoinAdjacentLiterals()
    {
        IdlSyntaxFile file = Parse("x = {'init_val': \"a\\tb\" 'c', \"k\": None}\n", out var diagnostics);

        Assert.Empty(diagnostics);
        var dict = Assert.IsType<IdlDictExpr>(file.Statements[0].Value);
        Assert.Equal("a\tbc", Assert.IsType<IdlStringExpr>(dict.Entries[0].Value).Value);
        Assert.Equal("None", Assert.IsType<IdlNameExpr>(dict.Entries[1].Value).Name);
    }

    [Fact]
    public void Parse_SameTextTwice_GivesEqualModels()
    {
        const string Text = "namespace(\"libxl_\")\ne = Enumeration(\"e\", [(0, \"A\"), (1, \"B\")])\n";
        Assert.Equal(Parse(Text, out _), Parse(Text, out _));
        Assert.Equal(Model(Text, out _), Model(Text, out _));
    }

    [Fact]
    public void Model_Enumeration_HasLibxlNamesNumbersAndPascalMembers()
    {
        IdlModel model = Model("namespace(\"libxl_\")\ne = Enumeration(\"nic_type\", [(1, \"VIF_IOEMU\"), (0x20, \"v2\")], value_namespace=\"\")\n", out var diagnostics);

        Assert.Empty(diagnostics);
        IdlType e = Assert.Single(model.Types);
        Assert.Equal("NicType", e.CSharpName);
        Assert.Equal("libxl_nic_type", e.CName);
        Assert.Equal(new[] { ("NIC_TYPE_VIF_IOEMU", 1L, "VifIoemu"), ("NIC_TYPE_V2", 32L, "V2") }, e.Values.Select(v => (v.CName, v.Value, v.CSharpName)));
    }

    [Fact]
    public void Model_Struct_FieldsWithInitValuesEnumValuesAndCSharpName()
    {
        IdlModel model = Model(
            "namespace(\"libxl_\")\n" +
            "t = Enumeration(\"t\", [(-1, \"INVALID\"), (1, \"HVM\")], init_val = \"LIBXL_T_INVALID\")\n" +
            "s = Struct(\"device_disk\", [(\"a\", integer, {'init_val': '-1'}), (\"b\", t), (\"c\", uint32, {'init_val': '~0U'})], csharp_name=\"DiskDevice\", unknown_keyword=1)\n",
            out var diagnostics);

        Assert.Empty(diagnostics);
        IdlType s = model.Types[1];
        Assert.Equal("DiskDevice", s.CSharpName);
        Assert.Equal(-1, s.Fields[0].Init!.Value);
        Assert.Equal(-1, s.Fields[1].Type!.Init!.Value);
        Assert.Equal(uint.MaxValue, s.Fields[2].Init!.Value);
    }

    [Fact]
    public void Model_UnresolvedMacro_WarnsOnceAndUsesTheDefault()
    {
        IdlModel model = Model(
            "MemKB = UInt(64, init_val = \"LIBXL_MEMKB_DEFAULT\")\n" +
            "s = Struct(\"s\", [(\"a\", MemKB), (\"b\", MemKB), (\"c\", integer, {'init_val': 'LIBXL_MEMKB_DEFAULT'})])\n",
            out var diagnostics);

        DiagnosticInfo warning = Assert.Single(diagnostics);
        Assert.Equal("CG1011", warning.Descriptor.Id);
        Assert.Contains("LIBXL_MEMKB_DEFAULT", warning.MessageArgs);
        Assert.Null(model.Types[0].Fields[0].Type!.Init);
    }

    [Fact]
    public void Model_MacroSuppliedByConsumer_IsResolved()
    {
        IdlModel model = Model(
            "MemKB = UInt(64, init_val = \"LIBXL_MEMKB_DEFAULT\")\ns = Struct(\"s\", [(\"a\", MemKB)])\n",
            out var diagnostics,
            new Dictionary<string, string> { ["LIBXL_MEMKB_DEFAULT"] = "~0ULL" });

        Assert.Empty(diagnostics);
        Assert.Equal(-1L, model.Types[0].Fields[0].Type!.Init!.Value);
    }

    [Fact]
    public void Model_KeyedUnion_CasesSelectedByEnumValues()
    {
        IdlModel model = Model(
            "namespace(\"libxl_\")\nk = Enumeration(\"k\", [(0, \"A\"), (1, \"B\")])\n" +
            "s = Struct(\"s\", [(\"u\", KeyedUnion(None, k, \"type\", [(\"a\", Struct(None, [(\"x\", string)])), (\"b\", None)]))])\n",
            out var diagnostics);

        Assert.Empty(diagnostics);
        IdlType union = model.Types[1].Fields[0].Type!;
        Assert.Equal(IdlTypeKind.KeyedUnion, union.Kind);
        Assert.Equal("UUnion", union.CSharpName);
        Assert.Equal(new[] { "LIBXL_K_A", "LIBXL_K_B" }, union.Fields.Select(f => f.EnumName));
        Assert.Equal("AStruct", union.Fields[0].Type!.CSharpName);
        Assert.Equal("type", union.KeyVariable!.Name);
    }
}
