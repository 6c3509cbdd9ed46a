using System;
using System.Linq;
using Colo.Gen.Generator.Common;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Any = CsCheck.Gen;

namespace Colo.Gen.Generator.Tests.Projects;

/// <summary>
/// Whatever a project calls itself and wherever its grammar files sit, the generated code is
/// valid C#: a RootNamespace or a file path is input the generators must survive, as a grammar is.
/// </summary>
public class HostileNamesAndPathsTests
{
    private const string Rules = "%%\n[a-z]+ { return Length; }\n.|\\n { }\n";

    private const string Types = "namespace(\"libxl_\")\nlibxl_defbool = Builtin(\"defbool\")\nlibxl_point = Struct(\"point\", [(\"on\", libxl_defbool)])\n";

    /// <summary>Any characters, weighted towards the ones that matter in names and paths.</summary>
    private static readonly Gen<string> Text = Any.OneOf(
        Any.String,
        Any.String[Any.Char["-._ /\\\"\n\r@0123456789aZé\u2028\u0085\t"], 0, 24],
        Any.OneOf("class", "global", "my-app", "1st.app", "..", ".", "a..b", "@x", "\"", "\\"));

    [Fact]
    public void AnyRootNamespace_AndAnyFolder_GiveGeneratedCodeThatCompiles() =>
        Any.Select(Text, Text).Sample((rootNamespace, folder) =>
        {
            string root = "/p/" + folder + "/";
            ProjectBuild build = ProjectHarness.Build([(root + "words.l", Rules), (root + "types.idl", Types)], rootNamespace: rootNamespace);

            Assert.Empty(build.Errors);
            Assert.DoesNotContain(build.Generator, d => d.Id is "CG0001" or "CS8785");
            Assert.Equal(3, build.Sources.Count);
        }, iter: 40);

    [Fact]
    public void CleanedNamespaces_ParseAsNames_AndCleaningTwiceChangesNothing() =>
        Text.Sample(name =>
        {
            string cleaned = GeneratedNamespace.Clean(name);
            NameSyntax parsed = SyntaxFactory.ParseName(cleaned);

            Assert.Empty(parsed.GetDiagnostics());
            Assert.Equal(cleaned, parsed.ToFullString());
            Assert.Equal(cleaned, GeneratedNamespace.Clean(cleaned));
        });

    [Fact]
    public void LineDirectives_ForAnyPath_MapCodeToThatPathWithOnlyUnquotableCharactersReplaced() =>
        Text.Sample(path =>
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(LineDirective.Start(7, path) + "class C { }\n" + LineDirective.End, cancellationToken: TestContext.Current.CancellationToken);

            Assert.Empty(tree.GetDiagnostics(TestContext.Current.CancellationToken));
            FileLinePositionSpan mapped = tree.GetRoot(TestContext.Current.CancellationToken).DescendantNodes().OfType<ClassDeclarationSyntax>().Single().GetLocation().GetMappedLineSpan();
            Assert.Equal(6, mapped.StartLinePosition.Line);
            Assert.Equal(path.Select(c => c is '"' or '\n' or '\r' or '\u0085' or '\u2028' or '\u2029' ? '_' : c).ToArray(), mapped.Path.ToCharArray());
        });

    [Fact]
    public void Normalizing_AnyPath_IsStable() =>
        Text.Sample(path =>
        {
            string once = SourcePaths.Normalize(path);
            Assert.Equal(once, SourcePaths.Normalize(once));
            Assert.True(once.Length <= path.Length + 1, once);
        });
}
