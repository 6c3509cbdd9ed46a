using System;
using System.Collections.Generic;
using Colo.Gen.Generator.Lex;

namespace Colo.Gen.Generator.Emit;

/// <summary>
/// Whether the longest-match walk codes the DFA's states as branches (a label a state, a switch
/// over the byte's input class that jumps to the next state's label) instead of stepping through
/// the transition table, and what each coded state needs. A table step waits for its load before
/// the next step can start (about 1.7 ns on this project's machines); a coded step is a predicted
/// branch, so the processor runs ahead, and a scan of disk.l's rules went from 2.3–2.4 to 1.3–1.5 ns
/// a byte (docs/scanner.md). The .NET JIT stops optimizing a method past about 2,000 basic blocks
/// (it then runs four times slower than the tables), and its compile time grows with the method, so
/// direct code is used only for DFAs within <see cref="MaxStates"/> and <see cref="MaxCases"/>;
/// larger DFAs, and REJECT scanners (whose walk records every accepting position), keep the table walk.
/// </summary>
internal sealed class ScannerDirectCode
{
    /// <summary>
    /// The most DFA states coded as branches. Each coded state is three to five basic blocks (its
    /// accept, the end-of-input test, the switch, a loop skip), so 400 stay well under the JIT's limit.
    /// </summary>
    public const int MaxStates = 400;

    /// <summary>The most switch cases (input classes that do not go to a state's most common target) over all coded states.</summary>
    public const int MaxCases = 16000;

    /// <summary>
    /// How many input bytes the scanners of a class take in a process before the direct-coded walk is
    /// compiled (in the background): a quarter of a megabyte, about 10,000 disk specs, so one-off scans
    /// never pay for it and long ones soon run on it.
    /// </summary>
    public const int CompileAfterBytes = 1 << 18;

    /// <summary>How many bytes a loop state tests one at a time before it searches for its exits with a vectorized search.</summary>
    public const int LoopScalarSteps = 16;

    private ScannerDirectCode(ScannerAutomaton automaton, ScannerTableLayout layout, int[] defaults, List<byte>?[] loopExits, bool[] entered, int[] predecessors)
    {
        Predecessors = predecessors;
        Automaton = automaton;
        Layout = layout;
        Defaults = defaults;
        LoopExits = loopExits;
        Entered = entered;
    }

    /// <summary>The automaton coded.</summary>
    public ScannerAutomaton Automaton { get; }

    /// <summary>Its tables (accept words with run kinds).</summary>
    public ScannerTableLayout Layout { get; }

    /// <summary>Each state's most common next state (the switch's default), 0 for the dead state.</summary>
    public int[] Defaults { get; }

    /// <summary>For a state that stays itself on all but one to three bytes: those bytes; else null.</summary>
    public List<byte>?[] LoopExits { get; }

    /// <summary>States entered other than by a transition (a start state, a state a run resumes in): they need an entry label after their accept.</summary>
    public bool[] Entered { get; }

    /// <summary>States some transition leads to (so their label is jumped to).</summary>
    public bool Stepped(int state) => Predecessors[state] > 0;

    /// <summary>How many states lead to each state (a state that steps to itself counts itself).</summary>
    public int[] Predecessors { get; }

    /// <summary>The direct code for this scanner, or null when it keeps the table walk.</summary>
    public static ScannerDirectCode? For(RuleFile file, ScannerAutomaton a, ScannerTableLayout t)
    {
        if (!file.Options.DirectCode || file.Options.Reject || a.StateCount > MaxStates)
        {
            return null;
        }

        int states = a.StateCount, classes = a.ClassCount;
        var defaults = new int[states];
        var loopExits = new List<byte>?[states];
        var entered = new bool[states];
        var predecessors = new int[states];
        var leadsTo = new HashSet<int>();
        int cases = 0;
        var counts = new Dictionary<int, int>();
        for (int s = 1; s < states; s++)
        {
            counts.Clear();
            leadsTo.Clear();
            for (int c = 0; c < classes; c++)
            {
                int next = a.Transitions[s * classes + c];
                counts[next] = counts.TryGetValue(next, out int n) ? n + 1 : 1;
                if (leadsTo.Add(next))
                {
                    predecessors[next]++;
                }
            }

            int best = 0, bestCount = -1;
            foreach (KeyValuePair<int, int> pair in counts)
            {
                // The most common target; ties to the lower state, so the output is deterministic.
                if (pair.Value > bestCount || (pair.Value == bestCount && pair.Key < best))
                {
                    best = pair.Key;
                    bestCount = pair.Value;
                }
            }

            defaults[s] = best;
            cases += classes - bestCount;
            loopExits[s] = Exits(t, s);
            entered[s] = Runs(t, s) != ScannerTableLayout.NoRun;
        }

        foreach (int start in a.Starts)
        {
            entered[start] = true;
        }

        return cases > MaxCases ? null : new ScannerDirectCode(a, t, defaults, loopExits, entered, predecessors);
    }

    /// <summary>The accept word of state <paramref name="state"/> (rule + 1 above the run bits).</summary>
    public int AcceptWord(int state) => Layout.Main[state * Layout.RowWidth];

    /// <summary>The run kind of state <paramref name="state"/>.</summary>
    public static int Runs(ScannerTableLayout t, int state) => t.Main[state * t.RowWidth] & ScannerTableLayout.RunMask;

    /// <summary>The bytes that leave a loop state, read from the layout's loop-exit table (null: not a loop, or a loop with no exit).</summary>
    private static List<byte>? Exits(ScannerTableLayout t, int state)
    {
        int loop = t.Main[state * t.RowWidth + ScannerTableLayout.LoopEntry];
        if (loop == 0)
        {
            return null;
        }

        int entry = (loop - 1) * ScannerTableLayout.LoopEntrySize;
        int count = t.LoopExits[entry];
        if (count == 0)
        {
            return null;
        }

        var exits = new List<byte>(count);
        for (int i = 1; i <= count; i++)
        {
            exits.Add(t.LoopExits[entry + i]);
        }

        return exits;
    }
}
