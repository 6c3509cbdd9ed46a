using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Lex;

namespace Colo.Gen.Generator.Emit;

/// <summary>The longest-match walk over the tables, with its run and loop shortcuts.</summary>
internal static partial class ScannerEmitter
{
    /// <summary>
    /// The DFA walk, in a method of its own: kept out of Lex (whose actions it would otherwise share
    /// registers with), its state lives in registers and a byte costs one table read and a test.
    /// </summary>
    private static void WriteLongestMatch(SourceWriter w, ScannerAutomaton a, ScannerTableLayout t)
    {
        string element = t.ElementType;
        w.Line();
        w.Line("/// <summary>The rule of the longest match at <paramref name=\"start\"/> (ties: the earliest rule), or -1; <paramref name=\"end\"/> is where it ends.</summary>");
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining | global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
        using (w.OpenBlock("private int YyLongestMatch(int start, out int end)"))
        {
            w.Line("// The tables are complete (every row has every class), so the reads need no bounds checks.");
            WriteTableRefs(w, element, "YyTransitions");
            w.Line(StartRow(a));
            w.Line("int word = 0;");
            w.Line("int last = start;");
            w.Line("int at = start;");
            w.Line("int runsFrom = 0;");
            using (w.OpenBlock("while (true)"))
            {
                w.Line("int stop = YyWalk(ref input, ref classOf, ref rows, ref row, at, yyLength, runsFrom, ref word, ref last);");
                using (w.OpenBlock("if (stop == -1)"))
                {
                    w.Line("break;");
                }

                w.Line();
                using (w.OpenBlock("if (stop <= -2)"))
                {
                    w.Line("// A loop: the state stays itself until one of its exit bytes (or the input end).");
                    w.Line("at = -2 - stop;");
                    w.Line("int loop = YyLoopEntrySize * (" + UnsafeAdd + "(ref rows, row + YyLoopEntry) - 1);");
                    w.Line("global::System.ReadOnlySpan<byte> exits = YyLoopExits.Slice(loop + 1, YyLoopExits[loop]);");
                    w.Line("int found = global::System.MemoryExtensions.IndexOfAny(new global::System.ReadOnlySpan<byte>(yyBuffer, at, yyLength - at), exits);");
                    w.Line("at = found < 0 ? yyLength : at + found;");
                    w.Line("int accept = " + UnsafeAdd + "(ref rows, row);");
                    using (w.OpenBlock("if (accept != 0)"))
                    {
                        w.Line("word = accept;");
                        w.Line("last = at;");
                    }

                    w.Line();
                    w.Line("continue;");
                }

                w.Line();
                w.Line("// A run: nothing up to the line end (or the input end) can change the outcome.");
                w.Line("at = stop;");
                w.Line("int runTo = YyRunEnd(word & YyRunMask, at);");
                using (w.OpenBlock("if (runTo >= 0)"))
                {
                    w.Line("last = runTo;");
                    w.Line("break;");
                }

                w.Line();
                w.Line("runsFrom = YyLineEnd(at) + 1; // a newline comes first: walk this line byte by byte");
            }

            w.Line();
            w.Line("end = last;");
            w.Line("return (word >> YyRunBits) - 1;");
        }
    }

    /// <summary>The hot loop: no calls, so every variable stays in a register.</summary>
    private static void WriteWalk(SourceWriter w, ScannerTableLayout t)
    {
        string element = t.ElementType;
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Walks the DFA from <paramref name=\"at\"/> until it dies or the input ends (returns -1), until an");
        w.Line("/// accepting state with a run at or after <paramref name=\"runsFrom\"/> (returns where), or until a");
        w.Line("/// loop state would step to itself (returns -2 - where).");
        w.Line("/// </summary>");
        w.Line(HotPath);
        using (w.OpenBlock("private static int YyWalk(ref byte input, ref byte classOf, ref " + element + " rows, ref int row, int at, int limit, int runsFrom, ref int word, ref int last)"))
        {
            w.Line("// Native-sized indexes and a base at the transitions keep the per-byte chain to an add and a load.");
            w.Line("ref " + element + " next = ref " + UnsafeAdd + "(ref rows, YyRowHeader);");
            w.Line("nint r = row;");
            w.Line("nint i = at;");
            w.Line("nint end = limit;");
            w.Line("int accepted = word;");
            w.Line("int matched = last;");
            w.Line("int current = " + UnsafeAdd + "(ref rows, r);");
            w.Line("int stop = -1;");
            w.Line("int repeats = 0;");
            using (w.OpenBlock("while (i < end)"))
            {
                w.Line("nint to = " + UnsafeAdd + "(ref next, r + " + UnsafeAdd + "(ref classOf, " + UnsafeAdd + "(ref input, i)));");
                using (w.OpenBlock("if (to == r)"))
                {
                    w.Line("// A state stepping to itself: r is not taken from the load, so the next step need not wait for");
                    w.Line("// it (the branch is predicted). A loop that has lasted a while is likely to go on: the caller");
                    w.Line("// skips it with a vectorized search (too early, and the search costs more than the steps).");
                    using (w.OpenBlock("if (++repeats >= 8 && " + UnsafeAdd + "(ref rows, r + YyLoopEntry) != 0)"))
                    {
                        w.Line("stop = -2 - (int)i;");
                        w.Line("break;");
                    }
                }
                using (w.OpenBlock("else"))
                {
                    using (w.OpenBlock("if (to == 0)"))
                    {
                        w.Line("break;");
                    }

                    w.Line();
                    w.Line("repeats = 0;");
                    w.Line("r = to;");
                    w.Line("current = " + UnsafeAdd + "(ref rows, r);");
                }

                w.Line();
                w.Line("i++;");
                using (w.OpenBlock("if (current != 0)"))
                {
                    w.Line("accepted = current;");
                    w.Line("matched = (int)i;");
                    using (w.OpenBlock("if ((current & YyRunMask) != 0 && i >= runsFrom)"))
                    {
                        w.Line("stop = (int)i;");
                        w.Line("break;");
                    }
                }
            }

            w.Line();
            w.Line("row = (int)r;");
            w.Line("word = accepted;");
            w.Line("last = matched;");
            w.Line("return stop;");
        }
    }

    /// <summary>The walk's first row: the start row of the current start condition (at a line start, its ^ row).</summary>
    private static string StartRow(ScannerAutomaton a) => a.UsesLineStart
        ? "int row = YyStarts[2 * yyStartCondition + (start == 0 || yyBuffer[start - 1] == (byte)'\\n' ? 1 : 0)];"
        : "int row = YyStarts[2 * yyStartCondition];";
}
