using System.Linq;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Lex;

namespace Colo.Gen.Generator.Emit;

/// <summary>%option yylineno: the counting each rule that can match a newline does, and its helper.</summary>
internal static partial class ScannerEmitter
{
    /// <summary>
    /// %option yylineno: as flex, only rules that can match a newline count the newlines of the
    /// token they matched (not of text kept by More, which was counted when it was matched). Unlike
    /// flex, the default rule counts the newline it echoes (flex's line number falls behind there).
    /// </summary>
    private static void WriteLineCounting(SourceWriter w, RuleFile file)
    {
        if (!file.Options.LineNumbers)
        {
            return;
        }

        var counting = file.Rules.Where(r => !r.Pattern.IsEndOfFile && RegexNodes.CanHold(r.Pattern.Head, (byte)'\n')).ToList();
        if (counting.Count == 0 && file.Options.NoDefault)
        {
            return;
        }

        w.Line();
        using (w.OpenBlock("switch (yyRule)"))
        {
            foreach (Rule rule in counting)
            {
                w.Line("case " + Invariant(rule.Index) + ": // " + Comment(rule.PatternText));
            }

            if (!file.Options.NoDefault)
            {
                w.Line("case -1: // the default rule");
            }

            w.Indent++;
            w.Line("yyLineNumber += YyNewlines(yyScanStart, yyEnd);");
            w.Line("break;");
            w.Indent--;
        }
    }

    /// <summary>The newline counter of %option yylineno.</summary>
    private static void WriteNewlineCount(SourceWriter w)
    {
        w.Line();
        w.Line("/// <summary>How many newlines the input holds in [<paramref name=\"from\"/>, <paramref name=\"to\"/>).</summary>");
        using (w.OpenBlock("private int YyNewlines(int from, int to)"))
        {
            w.Line("global::System.ReadOnlySpan<byte> text = new global::System.ReadOnlySpan<byte>(yyBuffer, from, to - from);");
            w.Line("int count = 0;");
            w.Line("int at;");
            using (w.OpenBlock("while ((at = global::System.MemoryExtensions.IndexOf(text, (byte)'\\n')) >= 0)"))
            {
                w.Line("count++;");
                w.Line("text = text.Slice(at + 1);");
            }

            w.Line();
            w.Line("return count;");
        }
    }
}
