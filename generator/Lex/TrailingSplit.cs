using System.Collections.Generic;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// When the longest head alone splits a trailing-context match. Take a match m = h s of r/s (h in r,
/// s in s, both of variable length) and the longest prefix h* of m that r accepts. If h* were longer
/// than a valid split h, the head DFA would accept at h and live on through the byte m[h], which is
/// also the first byte of the non-empty s. So when no byte that keeps r's DFA alive from one of its
/// accepting states can begin s, h* is the only valid split: the scanner walks r's DFA forward and
/// stops, with no context check and no backward walk. Whitespace before a parameter
/// (<c>[ \t\n]+/([^ \t\n].*)?</c>) and prefixes ending in a colon (<c>(raw|qcow2?):/.*</c>) are of
/// this kind.
/// </summary>
internal static class TrailingSplit
{
    /// <summary>
    /// Whether the split of a match of r/s is the longest head: <paramref name="headStart"/> and
    /// <paramref name="tailStart"/> are the forward DFAs of r and s in <paramref name="transitions"/>
    /// (rows of <paramref name="classCount"/> next states, 0 the dead state).
    /// </summary>
    public static bool LongestHeadSplits(IReadOnlyList<int> transitions, IReadOnlyList<bool> accept, int classCount, int headStart, int tailStart)
    {
        var tailFirst = new bool[classCount];
        for (int c = 0; c < classCount; c++)
        {
            tailFirst[c] = transitions[tailStart * classCount + c] != 0;
        }

        // Every head state reachable from the start, once.
        var seen = new HashSet<int> { headStart };
        var pending = new Stack<int>();
        pending.Push(headStart);
        while (pending.Count > 0)
        {
            int state = pending.Pop();
            for (int c = 0; c < classCount; c++)
            {
                int next = transitions[state * classCount + c];
                if (next == 0)
                {
                    continue;
                }

                if (accept[state] && tailFirst[c])
                {
                    return false;
                }

                if (seen.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        return true;
    }
}
