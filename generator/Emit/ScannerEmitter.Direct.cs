using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Lex;

namespace Colo.Gen.Generator.Emit;

/// <summary>The longest-match walk with the DFA's states coded as branches (<see cref="ScannerDirectCode"/>).</summary>
internal static partial class ScannerEmitter
{
    private static void WriteDirectLongestMatch(SourceWriter w, ScannerDirectCode d)
    {
        ScannerAutomaton a = d.Automaton;
        bool anyRun = Enumerable.Range(1, a.StateCount - 1).Any(s => ScannerDirectCode.Runs(d.Layout, s) != ScannerTableLayout.NoRun);
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// The rule of the longest match at <paramref name=\"start\"/> (ties: the earliest rule), or -1; <paramref name=\"end\"/> is where it ends.");
        w.Line("/// The DFA of YyTransitions coded as branches: label YySN is state N, which records its accept and jumps on the");
        w.Line("/// next byte's input class, so the processor predicts the next state instead of waiting for a table read.");
        w.Line("/// </summary>");
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining | global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
        using (w.OpenBlock("private int YyDirectLongestMatch(int start, out int end)"))
        {
            w.Line("ref byte input = ref " + MemoryMarshal + ".GetArrayDataReference(yyBuffer);");
            w.Line("ref byte classOf = ref " + MemoryMarshal + ".GetReference(YyClassOf);");
            w.Line("nint at = start;");
            w.Line("nint limit = yyLength;");
            w.Line("int word = 0;");
            w.Line("nint last = start;");
            if (anyRun)
            {
                w.Line("nint runsFrom = 0;");
                w.Line("int runState = 0;");
            }

            w.Line(a.UsesLineStart
                ? "switch (2 * yyStartCondition + (start == 0 || yyBuffer[start - 1] == (byte)'\\n' ? 1 : 0))"
                : "switch (yyStartCondition)");
            w.Line("{");
            w.Indent++;
            for (int i = 0; i < a.Starts.Count; i += a.UsesLineStart ? 1 : 2)
            {
                w.Line("case " + Invariant(a.UsesLineStart ? i : i / 2) + ": goto " + EntryLabel(d, a.Starts[i]) + ";");
            }

            w.Indent--;
            w.Line("}");
            w.Line();
            w.Line("goto YyDone;");
            for (int s = 1; s < a.StateCount; s++)
            {
                WriteDirectState(w, d, s);
            }

            if (anyRun)
            {
                WriteDirectRun(w, d);
            }

            w.Line();
            Label(w, "YyDone", null);
            w.Line("end = (int)last;");
            w.Line("return (word >> YyRunBits) - 1;");
        }
    }

    /// <summary>
    /// When the direct-coded walk takes over from the table walk. The JIT compiles it in about 70–120 ms
    /// (a 300-state DFA is a 30 KB method), which a process that scans one disk spec should not wait for:
    /// so the table walk scans first, and once the process has given its scanners
    /// <see cref="ScannerDirectCode.CompileAfterBytes"/> bytes a pool thread compiles the direct walk, which
    /// every scanner of the class then uses. Both walk the same DFA to the same results.
    /// </summary>
    private static void WriteDirectCodeSwitch(SourceWriter w, RuleFile file)
    {
        w.Line();
        w.Line("/// <summary>Where the direct-coded walk stands in this process: YyDirectCodeUnused, YyDirectCodeCompiling or YyDirectCodeReady.</summary>");
        w.Line("private static int yyDirectCode;");
        w.Line();
        w.Line("/// <summary>Bytes given to scanners of this class so far, until the direct-coded walk is asked for.</summary>");
        w.Line("private static long yyBytesGiven;");
        w.Line();
        w.Line("/// <summary>The direct-coded walk is not compiled (the table walk scans).</summary>");
        w.Line("private const int YyDirectCodeUnused = 0;");
        w.Line();
        w.Line("/// <summary>A pool thread is compiling the direct-coded walk (the table walk scans meanwhile).</summary>");
        w.Line("private const int YyDirectCodeCompiling = 1;");
        w.Line();
        w.Line("/// <summary>The direct-coded walk is compiled and scans.</summary>");
        w.Line("private const int YyDirectCodeReady = 2;");
        w.Line();
        w.Line("/// <summary>Counts input given to a scanner; past a threshold, compiles the direct-coded walk on a pool thread.</summary>");
        using (w.OpenBlock("private static void YyCountInput(int length)"))
        {
            using (w.OpenBlock("if (yyDirectCode != YyDirectCodeUnused || (yyBytesGiven += length) < " + Invariant(ScannerDirectCode.CompileAfterBytes) + ")"))
            {
                w.Line("return;");
            }

            w.Line();
            using (w.OpenBlock("if (global::System.Threading.Interlocked.CompareExchange(ref yyDirectCode, YyDirectCodeCompiling, YyDirectCodeUnused) == YyDirectCodeUnused)"))
            {
                w.Line("global::System.Threading.ThreadPool.UnsafeQueueUserWorkItem(static _ => YyCompileDirectCode(), null);");
            }
        }

        w.Line();
        w.Line("/// <summary>Has the runtime compile the direct-coded walk here, off the scanning threads, then lets scanners use it.</summary>");
        using (w.OpenBlock("private static void YyCompileDirectCode()"))
        {
            using (w.OpenBlock("try"))
            {
                w.Line("global::System.Reflection.MethodInfo? walk = typeof(" + file.ClassName + ").GetMethod(\"YyDirectLongestMatch\", global::System.Reflection.BindingFlags.NonPublic | global::System.Reflection.BindingFlags.Instance);");
                using (w.OpenBlock("if (walk is not null)"))
                {
                    w.Line("global::System.Runtime.CompilerServices.RuntimeHelpers.PrepareMethod(walk.MethodHandle);");
                }
            }

            using (w.OpenBlock("catch (global::System.Exception)"))
            {
                w.Line("// Not compiled ahead: the first direct walk compiles it.");
            }

            w.Line();
            w.Line("global::System.Threading.Volatile.Write(ref yyDirectCode, YyDirectCodeReady);");
        }
    }

    private static void WriteDirectState(SourceWriter w, ScannerDirectCode d, int s)
    {
        ScannerAutomaton a = d.Automaton;
        int word = d.AcceptWord(s);
        int run = ScannerDirectCode.Runs(d.Layout, s);
        w.Line();
        string comment = "state " + Invariant(s) + (word >= ScannerTableLayout.Accepting ? ", accepts rule " + Invariant(ScannerTableLayout.RuleOf(word)) : string.Empty);
        if (!d.Stepped(s))
        {
            // Entered only at the start, where its accept does not count (the empty match is never taken).
            Label(w, EntryLabel(d, s), comment + ", entered only at the start");
        }
        else
        {
            Label(w, "YyS" + Invariant(s), comment);
            if (word >= ScannerTableLayout.Accepting)
            {
                w.Line("word = " + Invariant(word) + ";");
                w.Line("last = at;");
                if (run != ScannerTableLayout.NoRun)
                {
                    using (w.OpenBlock("if (at >= runsFrom)"))
                    {
                        w.Line("runState = " + Invariant(s) + ";");
                        w.Line("goto YyRun;");
                    }
                }

                if (d.Entered[s])
                {
                    Label(w, "YyE" + Invariant(s), null);
                }
            }
        }

        var byTarget = new SortedDictionary<int, List<int>>();
        for (int c = 0; c < a.ClassCount; c++)
        {
            int next = a.Transitions[s * a.ClassCount + c];
            if (next != d.Defaults[s])
            {
                if (!byTarget.TryGetValue(next, out List<int>? list))
                {
                    byTarget[next] = list = new List<int>();
                }

                list.Add(c);
            }
        }

        if (byTarget.Count == 0 && d.Defaults[s] == 0)
        {
            w.Line("goto YyDone; // every byte ends the match here");
            return;
        }

        if (d.LoopExits[s] is { } exits)
        {
            string test = string.Join(" or ", exits.Select(b => Invariant(b)));
            w.Line("// A loop: it stays here on every byte but " + test + "; after a few steps, search for those.");
            using (w.OpenBlock())
            {
                if (word >= ScannerTableLayout.Accepting)
                {
                    w.Line("nint from = at;");
                }

                w.Line("nint stop = limit - at > " + Invariant(ScannerDirectCode.LoopScalarSteps) + " ? at + " + Invariant(ScannerDirectCode.LoopScalarSteps) + " : limit;");
                using (w.OpenBlock("while (at < stop && " + UnsafeAdd + "(ref input, at) is not (" + test + "))"))
                {
                    w.Line("at++;");
                }

                using (w.OpenBlock("if (at == stop && at < limit)"))
                {
                    string span = MemoryMarshal + ".CreateReadOnlySpan(ref " + UnsafeAdd + "(ref input, at), (int)(limit - at))";
                    string args = string.Join(", ", exits.Select(b => "(byte)" + Invariant(b)));
                    w.Line("int found = global::System.MemoryExtensions." + (exits.Count == 1 ? "IndexOf" : "IndexOfAny") + "(" + span + ", " + args + ");");
                    w.Line("at = found < 0 ? limit : at + found;");
                }

                if (word >= ScannerTableLayout.Accepting)
                {
                    // Each byte of the loop stepped into this accepting state (entered at the start, it had not accepted yet).
                    using (w.OpenBlock("if (at != from)"))
                    {
                        w.Line("word = " + Invariant(word) + ";");
                        w.Line("last = at;");
                    }
                }
            }
        }

        using (w.OpenBlock("if (at >= limit)"))
        {
            w.Line("goto YyDone;");
        }

        w.Line();
        string nextClass = UnsafeAdd + "(ref classOf, " + UnsafeAdd + "(ref input, at++))";
        if (byTarget.Count == 1 && byTarget.First().Value.Count <= 2)
        {
            // One class (or two) leaves the usual path: a compare and a predicted branch, no jump table.
            KeyValuePair<int, List<int>> only = byTarget.First();
            using (w.OpenBlock("if (" + nextClass + " is " + string.Join(" or ", only.Value.Select(c => Invariant(c))) + ")"))
            {
                w.Line("goto " + StateLabel(only.Key) + ";");
            }

            w.Line();
            w.Line("goto " + StateLabel(d.Defaults[s]) + ";");
            return;
        }

        if (byTarget.Count == 0)
        {
            w.Line("at++;");
            w.Line("goto " + StateLabel(d.Defaults[s]) + ";");
            return;
        }

        // The specific way on: a next state that only this state leads to, on one class (a keyword going on,
        // where the other targets are fallbacks many states share). It is tested first, with a predicted
        // branch, as the JIT's profile-guided switch peeling would do with a profile.
        int peeled = byTarget.Where(x => x.Key != 0 && x.Key != s && x.Value.Count == 1 && d.Predecessors[x.Key] == 1).Select(x => x.Key).DefaultIfEmpty(-1).First();
        using (w.OpenBlock())
        {
            if (byTarget.Count > 1 && peeled > 0)
            {
                w.Line("int next = " + nextClass + ";");
                using (w.OpenBlock("if (next == " + Invariant(byTarget[peeled][0]) + ")"))
                {
                    w.Line("goto " + StateLabel(peeled) + ";");
                }

                w.Line();
                byTarget.Remove(peeled);
                nextClass = "next";
            }

            w.Line("switch (" + nextClass + ")");
            w.Line("{");
            w.Indent++;
            foreach (KeyValuePair<int, List<int>> target in byTarget)
            {
                w.Line(string.Join(" ", target.Value.Select(c => "case " + Invariant(c) + ":")) + " goto " + StateLabel(target.Key) + ";");
            }

            w.Line("default: goto " + StateLabel(d.Defaults[s]) + ";");
            w.Indent--;
            w.Line("}");
        }
    }

    /// <summary>The run shortcut: jump to where the match surely ends, or walk this line and resume the state.</summary>
    private static void WriteDirectRun(SourceWriter w, ScannerDirectCode d)
    {
        w.Line();
        Label(w, "YyRun", "a run: nothing up to the line end (or the input end) can change the outcome");
        w.Line("int runTo = YyRunEnd(word & YyRunMask, (int)at);");
        using (w.OpenBlock("if (runTo >= 0)"))
        {
            w.Line("last = runTo;");
            w.Line("goto YyDone;");
        }

        w.Line();
        w.Line("runsFrom = YyLineEnd((int)at) + 1; // a newline comes first: walk this line byte by byte");
        w.Line("switch (runState)");
        w.Line("{");
        w.Indent++;
        for (int s = 1; s < d.Automaton.StateCount; s++)
        {
            if (ScannerDirectCode.Runs(d.Layout, s) != ScannerTableLayout.NoRun)
            {
                w.Line("case " + Invariant(s) + ": goto YyE" + Invariant(s) + ";");
            }
        }

        w.Indent--;
        w.Line("}");
        w.Line();
        w.Line("goto YyDone;");
    }

    private static string StateLabel(int state) => state == 0 ? "YyDone" : "YyS" + Invariant(state);

    /// <summary>Where a walk that enters <paramref name="state"/> without stepping into it goes: past its accept (the empty match is never taken).</summary>
    private static string EntryLabel(ScannerDirectCode d, int state) =>
        state == 0 ? "YyDone" : d.AcceptWord(state) >= ScannerTableLayout.Accepting ? "YyE" + Invariant(state) : "YyS" + Invariant(state);

    /// <summary>A label, outdented one level as C# code usually sets them.</summary>
    private static void Label(SourceWriter w, string name, string? comment)
    {
        w.Indent--;
        w.Line(name + ":" + (comment is null ? string.Empty : " // " + comment));
        w.Indent++;
    }
}
