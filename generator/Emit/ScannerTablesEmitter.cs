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
/// allocated at run time. Element types are the smallest that hold the values.
/// </summary>
internal static class ScannerTablesEmitter
{
    public static string StateType(ScannerAutomaton a) => ElementType(System.Math.Max(a.StateCount, a.AuxStateCount) - 1);

    public static string AcceptType(ScannerAutomaton a) => ElementType(a.Accept.Count == 0 ? 0 : a.Accept.Max());

    public static int ElementSize(string type) => type switch { "byte" => 1, "ushort" => 2, _ => 4 };

    /// <summary>The bytes all tables take, as <c>flex -v</c> reports its table size.</summary>
    public static int TableBytes(ScannerAutomaton a)
    {
        int state = ElementSize(StateType(a));
        return 256
            + (a.Transitions.Count + a.Starts.Count + a.AuxTransitions.Count) * state
            + a.Accept.Count * ElementSize(AcceptType(a))
            + a.AuxAccept.Count;
    }

    public static void Write(SourceWriter w, ScannerAutomaton a)
    {
        string state = StateType(a);
        w.Line("// ---- Tables (static data in the assembly image; nothing is built at run time) ----");
        w.Line();
        w.Line("/// <summary>The input class of each byte: bytes no pattern tells apart share a class.</summary>");
        Table(w, "byte", "YyClassOf", a.ClassOf.Select(b => (int)b).ToList(), 16, i => "0x" + i.ToString("x2", CultureInfo.InvariantCulture));
        w.Line();
        w.Line("/// <summary>Next state, indexed by <c>state * " + Invariant(a.ClassCount) + " + class</c>; state 0 is dead: no rule can match any more.</summary>");
        Table(w, state, "YyTransitions", a.Transitions.ToList(), a.ClassCount, i => "state " + i.ToString(CultureInfo.InvariantCulture));
        w.Line();
        w.Line("/// <summary>The rule (index + 1) a state accepts, 0 when it accepts none; ties went to the earlier rule.</summary>");
        Table(w, AcceptType(a), "YyAccept", a.Accept.ToList(), 16, i => "states " + i.ToString(CultureInfo.InvariantCulture) + "-");
        w.Line();
        w.Line("/// <summary>Start state by <c>2 * start condition + (1 at the start of a line, else 0)</c>.</summary>");
        Table(w, state, "YyStarts", a.Starts.ToList(), 2, i => "condition " + (i / 2).ToString(CultureInfo.InvariantCulture));
        if (a.AuxStateCount > 1)
        {
            w.Line();
            w.Line("/// <summary>The trailing-context splitters: anchored head DFAs and reversed context DFAs, sharing dead state 0.</summary>");
            Table(w, state, "YyAuxTransitions", a.AuxTransitions.ToList(), a.ClassCount, i => "state " + i.ToString(CultureInfo.InvariantCulture));
            w.Line();
            w.Line("/// <summary>Whether each splitter state ends a match of its pattern.</summary>");
            Table(w, "bool", "YyAuxAccept", a.AuxAccept.Select(b => b ? 1 : 0).ToList(), 16, i => "states " + i.ToString(CultureInfo.InvariantCulture) + "-");
        }
    }

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
                sb.Append(Format(type, values[i])).Append(", ");
            }

            w.Line(sb.ToString() + "// " + rowComment(type == "byte" && name == "YyClassOf" ? start : perRow == 16 ? start : row));
        }

        w.Indent--;
        w.Line("};");
    }

    private static string Format(string type, int value) =>
        type == "bool" ? (value != 0 ? "true" : "false") : Invariant(value);

    private static string ElementType(int max) => max <= byte.MaxValue ? "byte" : max <= ushort.MaxValue ? "ushort" : "int";

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
