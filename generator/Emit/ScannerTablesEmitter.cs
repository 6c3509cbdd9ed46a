using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Lex;

namespace Colo.Gen.Generator.Emit;

/// <summary>
/// Writes a scanner's tables as static <c>ReadOnlySpan&lt;T&gt;</c> properties: byte tables over
/// array literals, which the compiler stores in the assembly image, wider ones over static readonly
/// arrays made once; nothing is allocated as the scanner runs, in Release or Debug builds. The element type (<see cref="ScannerTableLayout.ElementType"/>) is the
/// smallest that holds every entry.
/// </summary>
internal static class ScannerTablesEmitter
{
    /// <summary>The bytes all tables take, as <c>flex -v</c> reports its table size.</summary>
    public static int TableBytes(ScannerAutomaton a, ScannerTableLayout t)
    {
        return 256 + t.LoopExits.Count + (t.Main.Count + t.StartRows.Count + t.Aux.Count) * Size(t.ElementType)
            + (a.AcceptListStarts.Count > 0
                ? a.AcceptListStarts.Count * Size(SmallestType(a.AcceptListStarts)) + Math.Max(1, a.AcceptLists.Count) * Size(SmallestType(a.AcceptLists))
                : 0);
    }

    private static int Size(string type) => type switch { "byte" => 1, "ushort" => 2, _ => 4 };

    /// <summary>The smallest element type that holds every value.</summary>
    private static string SmallestType(EquatableArray<int> values)
    {
        return ScannerTableLayout.SmallestType(values.Count == 0 ? 0 : values.Max());
    }

    public static void Write(SourceWriter w, ScannerAutomaton a, ScannerTableLayout t)
    {
        string type = t.ElementType;
        bool wide = type != "byte"
            || (a.AcceptListStarts.Count > 0 && (SmallestType(a.AcceptListStarts) != "byte" || SmallestType(a.AcceptLists) != "byte"));
        w.Line(wide
            ? "// ---- Tables (byte tables are data in the assembly image; wider ones are arrays made once, when the class is first used) ----"
            : "// ---- Tables (static data in the assembly image; nothing is built at run time) ----");
        w.Line("// A state is a row of " + Invariant(t.RowWidth) + " entries: its accept word, (rule + 1) << YyRunBits | run, its loop");
        w.Line("// number, then the row offset of the next state for each input class. Row 0 is the dead state: no");
        w.Line("// rule can match any more. run: YyRunToLineEnd, the match surely goes on to the next newline;");
        w.Line("// YyRunToEndWithoutNewline, to the end of the input if no newline comes first; YyRunToInputEnd, to");
        w.Line("// the end of the input (so the walk may jump there). loop: 1 + an entry of YyLoopExits when the");
        w.Line("// state stays itself on all but those bytes.");
        WriteLayoutConstants(w);
        w.Line();
        w.Line("/// <summary>The input class of each byte: bytes no pattern tells apart share a class.</summary>");
        Table(w, "byte", "YyClassOf", a.ClassOf.Select(b => (int)b).ToList(), 16, row => "bytes 0x" + (row * 16).ToString("x2", CultureInfo.InvariantCulture) + "-");
        w.Line();
        w.Line("/// <summary>The DFA: " + Invariant(a.StateCount) + " rows of [accept word, next row by class].</summary>");
        Table(w, type, "YyTransitions", t.Main.ToList(), t.RowWidth, row => "state " + Invariant(row) + Accepts(t.Main[row * t.RowWidth]));
        w.Line();
        w.Line("/// <summary>Loops: entries of YyLoopEntrySize bytes, the number of bytes that leave the loop, then those bytes.</summary>");
        Table(w, "byte", "YyLoopExits", t.LoopExits.Select(b => (int)b).ToList(), ScannerTableLayout.LoopEntrySize, row => "loop " + Invariant(row + 1));
        w.Line();
        w.Line("/// <summary>Start row by <c>2 * start condition + (1 at the start of a line, else 0)</c>.</summary>");
        Table(w, type, "YyStarts", t.StartRows.ToList(), 2, row => "start condition " + Invariant(row));
        if (a.AcceptListStarts.Count > 0)
        {
            w.Line();
            w.Line("/// <summary>REJECT: entries of a row (a state is row / YyRowWidth).</summary>");
            w.Line("private const int YyRowWidth = " + Invariant(t.RowWidth) + ";");
            w.Line();
            w.Line("/// <summary>REJECT: where each state's list of accepted rules starts in <see cref=\"YyAcceptLists\"/> (it ends where the next state's starts).</summary>");
            Table(w, SmallestType(a.AcceptListStarts), "YyAcceptListStarts", a.AcceptListStarts.ToList(), 16, row => "states " + Invariant(row * 16) + "-");
            w.Line();
            w.Line("/// <summary>REJECT: the rules each state accepts, in rule order (the order REJECT tries them in).</summary>");
            Table(w, SmallestType(a.AcceptLists), "YyAcceptLists", a.AcceptLists.Count == 0 ? new List<int> { 0 } : a.AcceptLists.ToList(), 16, row => "entries " + Invariant(row * 16) + "-");
        }

        if (t.Aux.Count > 0)
        {
            w.Line();
            w.Line("/// <summary>The trailing-context splitters, laid out as <see cref=\"YyTransitions\"/>: anchored head DFAs and reversed context DFAs.</summary>");
            Table(w, type, "YyAuxTransitions", t.Aux.ToList(), t.RowWidth, row => "state " + Invariant(row) + (t.Aux[row * t.RowWidth] >= ScannerTableLayout.Accepting ? ", accepts" : string.Empty));
        }
    }

    /// <summary>
    /// The layout's numbers, declared once in the generated class under the names the emitted walk
    /// uses (private constants: the compiler folds them, so naming them costs nothing).
    /// </summary>
    private static void WriteLayoutConstants(SourceWriter w)
    {
        Constant(w, "YyLoopEntry", ScannerTableLayout.LoopEntry, "Where in a row its loop number is (its accept word is first).");
        Constant(w, "YyRowHeader", ScannerTableLayout.Header, "Entries of a row before its transitions: the accept word and the loop number.");
        Constant(w, "YyRunBits", ScannerTableLayout.RunBits, "The low bits of an accept word that hold its run kind; above them, the rule + 1.");
        Constant(w, "YyRunMask", ScannerTableLayout.RunMask, "The run kind's bits of an accept word.");
        Constant(w, "YyAccepting", ScannerTableLayout.Accepting, "Accept words from this one up accept a rule.");
        Constant(w, "YyRunToLineEnd", ScannerTableLayout.RunToLineEnd, "Run kind: the match surely goes on to the next newline, which ends it.");
        Constant(w, "YyRunToEndWithoutNewline", ScannerTableLayout.RunToEndWithoutNewline, "Run kind: the match goes on to the end of the input if no newline comes first.");
        Constant(w, "YyRunToInputEnd", ScannerTableLayout.RunToInputEnd, "Run kind: the match surely goes on to the end of the input.");
        Constant(w, "YyLoopEntrySize", ScannerTableLayout.LoopEntrySize, "Bytes of a YyLoopExits entry: how many bytes leave the loop, then those bytes.");
    }

    private static void Constant(SourceWriter w, string name, int value, string summary)
    {
        w.Line();
        w.Line("/// <summary>" + summary + "</summary>");
        w.Line("private const int " + name + " = " + Invariant(value) + ";");
    }

    private static string Accepts(int word)
    {
        if (word < ScannerTableLayout.Accepting)
        {
            return string.Empty;
        }

        string run = (word & ScannerTableLayout.RunMask) switch
        {
            ScannerTableLayout.RunToLineEnd => ", runs to line end",
            ScannerTableLayout.RunToInputEnd => ", runs to input end",
            ScannerTableLayout.RunToEndWithoutNewline => ", runs to input end if no newline",
            _ => string.Empty,
        };
        return ", rule " + Invariant(ScannerTableLayout.RuleOf(word)) + run;
    }

    /// <summary>
    /// A table as a <c>ReadOnlySpan&lt;T&gt;</c> property. A byte table is the property over an array
    /// literal, which the compiler turns into a span over the assembly image's data in every build. A
    /// wider table is a static readonly array the property returns: as a literal, an unoptimized
    /// (Debug) build would allocate a new array on every read, which is every step of the walk.
    /// </summary>
    private static void Table(SourceWriter w, string type, string name, List<int> values, int perRow, System.Func<int, string> rowComment)
    {
        if (type == "byte")
        {
            w.Line("private static global::System.ReadOnlySpan<byte> " + name + " => new byte[" + Invariant(values.Count) + "]");
        }
        else
        {
            w.Line("private static global::System.ReadOnlySpan<" + type + "> " + name + " => " + name + "Data;");
            w.Line();
            w.Line("private static readonly " + type + "[] " + name + "Data = new " + type + "[" + Invariant(values.Count) + "]");
        }

        w.Line("{");
        w.Indent++;
        for (int row = 0; row * perRow < values.Count; row++)
        {
            var sb = new StringBuilder();
            int start = row * perRow;
            for (int i = start; i < System.Math.Min(values.Count, start + perRow); i++)
            {
                sb.Append(Invariant(values[i])).Append(", ");
            }

            w.Line(sb.ToString() + "// " + rowComment(row));
        }

        w.Indent--;
        w.Line("};");
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
