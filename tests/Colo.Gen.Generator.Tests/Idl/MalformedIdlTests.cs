using System;
using System.Collections.Generic;
using System.Linq;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Idl;
using Colo.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Colo.Gen.Generator.Tests.Idl;

/// <summary>Each kind of broken IDL gives its diagnostic ID at the .idl file's line and column (1-based below).</summary>
public class MalformedIdlTests
{
    private const string Header = "namespace(\"libxl_\")\n";

    private static List<DiagnosticInfo> Diagnose(string text) =>
        IdlModelBuilder.Build("bad.idl", text, "N", new Dictionary<string, string>()).Diagnostics.ToList();

    private static void AssertOne(string text, string id, int line, int column)
    {
        List<DiagnosticInfo> diagnostics = Diagnose(text);
        DiagnosticInfo d = Assert.Single(diagnostics, x => x.Descriptor.DefaultSeverity == DiagnosticSeverity.Error || x.Descriptor.Id == id);
        Assert.Equal(id, d.Descriptor.Id);
        Assert.Equal((line, column), (d.Location!.Value.LineSpan.Start.Line + 1, d.Location.Value.LineSpan.Start.Character + 1));
    }

    [Fact]
    public void UnterminatedString_IsCG1001_AtTheOpeningQuote() =>
        AssertOne(Header + "e = Enumeration(\"e\", [(0, \"A)])\n", "CG1001", 2, 27);

    [Fact]
    public void UnknownType_IsCG1007_AtTheName() =>
        AssertOne(Header + "s = Struct(\"s\", [\n    (\"a\", integer),\n    (\"b\", libxl_nosuch),\n])\n", "CG1007", 4, 11);

    [Fact]
    public void BadTuple_IsCG1008_AtTheTuple() =>
        AssertOne(Header + "s = Struct(\"s\", [\n    (\"a\", integer),\n    (\"b\",),\n])\n", "CG1008", 4, 5);

    [Fact]
    public void DuplicateField_IsCG1009_AtTheSecondName() =>
        AssertOne(Header + "s = Struct(\"s\", [\n    (\"a\", integer),\n    (\"a\", string),\n])\n", "CG1009", 4, 6);

    [Fact]
    public void DuplicateType_IsCG1010_AtTheSecondDeclaration() =>
        AssertOne(Header + "a = Struct(\"s\", [])\nb = Struct(\"s\", [])\n", "CG1010", 3, 11);

    [Fact]
    public void MissingBracket_IsCG1004_AtTheBracketNeverClosed() =>
        AssertOne(Header + "s = Struct(\"s\", [\n    (\"a\", integer),\n)\n", "CG1004", 2, 17);

    [Fact]
    public void UnexpectedToken_IsCG1003_AtTheToken() =>
        AssertOne(Header + "s = Struct(\"s\" [])\n", "CG1003", 2, 16);

    [Fact]
    public void UnexpectedCharacter_IsCG1002() =>
        AssertOne(Header + "s = $\n", "CG1002", 2, 5);

    [Fact]
    public void EmptyFile_IsWarningCG1005_AndGeneratesNothing()
    {
        foreach (string text in new[] { "", "\n\n", "# only a comment\n", Header })
        {
            var result = IdlModelBuilder.Build("empty.idl", text, "N", new Dictionary<string, string>(), TestContext.Current.CancellationToken);
            DiagnosticInfo d = Assert.Single(result.Diagnostics);
            Assert.Equal("CG1005", d.Descriptor.Id);
            Assert.Equal(DiagnosticSeverity.Warning, d.Descriptor.DefaultSeverity);
            Assert.Null(result.Model);
        }
    }

    [Fact]
    public void BinaryGarbage_IsCG1006_AtTheFirstBinaryCharacter() =>
        AssertOne("namespace(\"x\")\nab\u0000\u0001\u00ff\u0002", "CG1006", 2, 3);

    [Fact]
    public void NotUtf8_IsCG1006() =>
        AssertOne("\ufffd\ufffdPNG", "CG1006", 1, 1);

    [Fact]
    public void ErrorsInOneStatement_DoNotHideTheNextStatements()
    {
        List<DiagnosticInfo> diagnostics = Diagnose(Header + "a = Struct(\"a\" [])\nb = Struct(\"b\", [(\"x\", nosuch)])\n");
        Assert.Equal(new[] { "CG1003", "CG1007" }, diagnostics.Select(d => d.Descriptor.Id));
    }

    [Fact]
    public void RandomBytes_NeverThrow()
    {
        var random = new Random(4242);
        string[] fragments = { "Struct(", "Enumeration(", "KeyedUnion(", "Array(", "\"", "'", "(", ")", "[", "]", "{", "}", ",", ":", "=", "-", "0x", "None", "\n", "#", "\\", "integer", "x", " ", "1" };
        for (int round = 0; round < 600; round++)
        {
            string text;
            if (round % 2 == 0)
            {
                var chars = new char[random.Next(0, 200)];
                for (int i = 0; i < chars.Length; i++)
                {
                    chars[i] = (char)random.Next(0, 256);
                }

                text = new string(chars);
            }
            else
            {
                text = string.Concat(Enumerable.Range(0, random.Next(0, 80)).Select(_ => fragments[random.Next(fragments.Length)]));
            }

            var result = IdlModelBuilder.Build("fuzz.idl", text, "N", new Dictionary<string, string>(), TestContext.Current.CancellationToken);
            Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor.Id == "CG0001");
        }
    }

    [Fact]
    public void DeepNesting_IsAnErrorNotAStackOverflow()
    {
        List<DiagnosticInfo> diagnostics = Diagnose("x = " + new string('(', 100_000) + "\n");
        Assert.Equal("CG1004", Assert.Single(diagnostics).Descriptor.Id);

        diagnostics = Diagnose("x = " + new string('(', 100_000) + new string(')', 100_000) + "\n");
        Assert.Equal("CG1003", Assert.Single(diagnostics).Descriptor.Id);
    }

    [Fact]
    public void Diagnostics_ThroughTheGenerator_CarryTheIdlFilesLineAndColumn()
    {
        var (_, _, diagnostics) = GeneratorHarness.Run("/src/bad.idl", Header + "s = Struct(\"s\", [(\"a\", nosuch)])\n");
        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal("CG1007", d.Id);
        FileLinePositionSpan span = d.Location.GetLineSpan();
        Assert.Equal("/src/bad.idl", span.Path);
        Assert.Equal((1, 23), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Contains("nosuch", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
