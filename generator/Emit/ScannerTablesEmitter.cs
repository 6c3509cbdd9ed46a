using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Lex;

namespace Colo.Gen.Generator.Emit;

/// <summary>
/// Writes a scanner's tables as static <c>ReadOnlySpan&lt;T&gt;</c> properties over array
/// literals: the compiler stores such data in the assembly image, so nothing is built or
/// allocated at run time. The element type (<see cref="ScannerTableLayout.ElementType"/>) is the
/// smallest that holds every entry.
/// </summary>
internal static class ScannerTablesEmitter
{
    /// <summary>The bytes all tables take, as <c>flex -v</c> reports its table size.</summary>
    public static int TableBytes(ScannerTableLayout t)
    {
        int size = t.ElementType switch { "byte" => 1, "ushort" => 2, _ => 4 };
        return 256 + t.LoopExits.Count + (t.Main.Count + t.StartRows.Count + t.Aux.Count) * size;
    }

    public static void Write(SourceWriter w, ScannerAutomaton a, ScannerTableLayout t)
    {
        string type = t.ElementType;
        w.Line("// ---- Tables (static data in the assembly image; nothing is built at run time) ----");
        w.Line("// A state is a row of " + Invariant(t.RowWidth) + " entries: its accept word, (rule + 1) * 4 + run, its loop number,");
        w.Line("// then the row offset of the next state for each input class. Row 0 is the dead state: no rule");
        w.Line("// can match any more. run: 1, the match surely goes on to the next newline; 2, to the end of the");
        w.Line("// input if no newline comes first; 3, to the end of the input (so the walk may jump there).");
        w.Line("// loop: 1 + an entry of YyLoopExits when the state stays itself on all but those bytes.");
        w.Line();
        w.Line("/// <summary>The input class of each byte: bytes no pattern tells apart share a class.</summary>");
        Table(w, "byte", "YyClassOf", a.ClassOf.Select(b => (int)b).ToList(), 16, row => "bytes 0x" + (row * 16).ToString("x2", CultureInfo.InvariantCulture) + "-");
        w.Line();
        w.Line("/// <summary>The DFA: " + Invariant(a.StateCount) + " rows of [accept word, next row by class].</summary>");
        Table(w, type, "YyTransitions", t.Main.ToList(), t.RowWidth, row => "state " + Invariant(row) + Accepts(t.Main[row * t.RowWidth]));
        w.Line();
        w.Line("/// <summary>Loops: entries of " + Invariant(1 + ScannerTableLayout.MaxLoopExits) + " bytes, the number of bytes that leave the loop, then those bytes.</summary>");
        Table(w, "byte", "YyLoopExits", t.LoopExits.Select(b => (int)b).ToList(), 1 + ScannerTableLayout.MaxLoopExits, row => "loop " + Invariant(row + 1));
        w.Line();
        w.Line("/// <summary>Start row by <c>2 * start condition + (1 at the start of a line, else 0)</c>.</summary>");
        Table(w, type, "YyStarts", t.StartRows.ToList(), 2, row => "start condition " + Invariant(row));
        if (t.Aux.Count > 0)
        {
            w.Line();
            w.Line("/// <summary>The trailing-context splitters, laid out as <see cref=\"YyTransitions\"/>: anchored head DFAs and reversed context DFAs.</summary>");
            Table(w, type, "YyAuxTransitions", t.Aux.ToList(), t.RowWidth, row => "state " + Invariant(row) + (t.Aux[row * t.RowWidth] >= 4 ? ", accepts" : string.Empty));
        }
    }

    private static string Accepts(int word) =>
        word < 4 ? string.Empty : ", rule " + Invariant((word >> 2) - 1) + ((word & 3) == ScannerTableLayout.RunToLineEnd ? ", runs to line end" : (word & 3) == ScannerTableLayout.RunToInputEnd ? ", runs to input end" : (word & 3) == ScannerTableLayout.RunToEndWithoutNewline ? ", runs to input end if no newline" : string.Empty);

    private static void Table(SourceWriter w, string type, string name, List<int> values, int perRow, System.Func<int, string> rowComment)
    {
        w.Line("private static global::System.ReadOnlySpan<" + type + "> " + name + " => new " + type + "[" + Invariant(values.Count) + "]");
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
