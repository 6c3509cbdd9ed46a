using System.Collections.Generic;

namespace Colo.Gen.Generator.Emit;

/// <summary>
/// Which states may jump ahead (<see cref="ScannerTableLayout"/>'s run kinds): a state runs to the
/// input's end when every input from it keeps the match alive and accepting the same rule; to the
/// line's end when that holds for every byte but '\n' and '\n' ends the match; to the input's end
/// without a newline when '\n' leads on instead. Each is a greatest fixed point over the whole DFA
/// (start from every state, drop those with a bad edge, then their predecessors), so all states
/// are classified in time proportional to the table, not state by state.
/// </summary>
internal static class ScannerRunKinds
{
    /// <summary>The run kind of every state (<see cref="ScannerTableLayout.NoRun"/> for the dead and non-accepting ones).</summary>
    public static int[] Compute(int[] transitions, int[] accept, int classCount, int newlineClass, bool newlineAlone)
    {
        int states = accept.Length;
        bool[] onAllBytes = Closed(transitions, accept, classCount, skipClass: -1, within: null);
        bool[] offNewline = newlineAlone ? Closed(transitions, accept, classCount, newlineClass, within: null) : new bool[states];
        var newlineEnds = new bool[states];
        for (int s = 0; s < states; s++)
        {
            newlineEnds[s] = offNewline[s] && transitions[s * classCount + newlineClass] == 0;
        }

        // Every state reachable off newlines (all inside offNewline) must end at a newline too.
        bool[] toLineEnd = newlineAlone ? Closed(transitions, accept, classCount, newlineClass, newlineEnds) : new bool[states];
        var kinds = new int[states];
        for (int s = 1; s < states; s++)
        {
            kinds[s] = accept[s] == 0 ? ScannerTableLayout.NoRun
                : onAllBytes[s] ? ScannerTableLayout.RunToInputEnd
                : !offNewline[s] ? ScannerTableLayout.NoRun
                : toLineEnd[s] ? ScannerTableLayout.RunToLineEnd
                : ScannerTableLayout.RunToEndWithoutNewline;
        }

        return kinds;
    }

    /// <summary>
    /// The greatest set of states (inside <paramref name="within"/>, when given) whose every
    /// transition not on <paramref name="skipClass"/> stays alive, accepts as the state does, and
    /// leads into the set: so every state reachable from a member accepts as it does and never dies.
    /// </summary>
    private static bool[] Closed(int[] transitions, int[] accept, int classCount, int skipClass, bool[]? within)
    {
        int states = accept.Length;
        var kept = new bool[states];
        var predecessors = new List<int>[states];
        var dropped = new Queue<int>();
        for (int s = 0; s < states; s++)
        {
            kept[s] = s != 0 && (within is null || within[s]);
            for (int c = 0; c < classCount && kept[s]; c++)
            {
                int next = transitions[s * classCount + c];
                kept[s] = c == skipClass || (next != 0 && accept[next] == accept[s]);
            }

            if (!kept[s])
            {
                dropped.Enqueue(s);
            }
        }

        for (int s = 0; s < states; s++)
        {
            for (int c = 0; c < classCount && kept[s]; c++)
            {
                if (c != skipClass)
                {
                    int next = transitions[s * classCount + c];
                    (predecessors[next] ??= new List<int>()).Add(s);
                }
            }
        }

        while (dropped.Count > 0)
        {
            List<int>? from = predecessors[dropped.Dequeue()];
            if (from is null)
            {
                continue;
            }

            foreach (int p in from)
            {
                if (kept[p])
                {
                    kept[p] = false;
                    dropped.Enqueue(p);
                }
            }
        }

        return kept;
    }
}
