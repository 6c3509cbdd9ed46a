using System.Collections.Generic;
using System.Linq;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Lex;

namespace Colo.Gen.Generator.Emit;

/// <summary>
/// How the emitted tables lay out the automaton for speed. Each state is a row of
/// <c>ClassCount + 1</c> entries: first its accept word, then its transitions, each given as
/// the next state's row offset, so one byte costs one dependent load and no multiply.
/// The accept word is <c>(rule + 1) * 4 + run</c>, where run says that nothing the input can
/// bring changes the outcome up to the end of the line or of the input: the walk then jumps
/// there. That keeps rules such as <c>target=.*</c> and contexts such as <c>r/.*</c>, which flex
/// rescans byte by byte for every token, linear over a whole input.
/// </summary>
internal sealed record ScannerTableLayout(
    int RowWidth,
    EquatableArray<int> Main,
    EquatableArray<int> StartRows,
    EquatableArray<int> Aux,
    EquatableArray<(int Rule, int HeadLength, int TailLength, int HeadRow, int TailRow, int TailForwardRow)> Trailing)
{
    /// <summary>The match runs to the next '\n' (exclusive), which ends it.</summary>
    public const int RunToLineEnd = 1;

    /// <summary>The match runs to the end of the input when no '\n' comes first; otherwise walk on.</summary>
    public const int RunToEndWithoutNewline = 2;

    /// <summary>The match runs to the end of the input.</summary>
    public const int RunToInputEnd = 3;

    public static ScannerTableLayout From(ScannerAutomaton a)
    {
        int width = a.ClassCount + 1;
        int newlineClass = a.ClassOf[(byte)'\n'];
        bool newlineAlone = a.ClassOf.Count(c => c == newlineClass) == 1;
        int[] main = Rows(a.Transitions.ToArray(), a.Accept.ToArray(), a.ClassCount, newlineClass, newlineAlone);
        int[] aux = a.AuxStateCount > 1
            ? Rows(a.AuxTransitions.ToArray(), a.AuxAccept.Select(x => x ? 1 : 0).ToArray(), a.ClassCount, newlineClass, newlineAlone)
            : System.Array.Empty<int>();
        return new ScannerTableLayout(
            width,
            main.ToEquatableArray(),
            a.Starts.Select(s => s * width).ToEquatableArray(),
            aux.ToEquatableArray(),
            a.Trailing.Select(t => (t.Rule, t.HeadLength, t.TailLength, t.HeadStart < 0 ? -1 : t.HeadStart * width, t.TailStart < 0 ? -1 : t.TailStart * width, t.TailForwardStart < 0 ? -1 : t.TailForwardStart * width)).ToEquatableArray());
    }

    private static int[] Rows(int[] transitions, int[] accept, int classCount, int newlineClass, bool newlineAlone)
    {
        int width = classCount + 1;
        int states = accept.Length;
        var rows = new int[states * width];
        for (int s = 0; s < states; s++)
        {
            int run = s != 0 && accept[s] != 0 ? RunKind(s, transitions, accept, classCount, newlineClass, newlineAlone) : 0;
            rows[s * width] = accept[s] * 4 + run;
            for (int c = 0; c < classCount; c++)
            {
                rows[s * width + 1 + c] = transitions[s * classCount + c] * width;
            }
        }

        return rows;
    }

    /// <summary>
    /// Whether every input from state <paramref name="s"/> keeps the match alive and accepting
    /// for the same rule: over all bytes (run to input end), or over every byte but '\n' with
    /// '\n' ending it (run to line end), or over every byte but '\n' with '\n' leading on
    /// (run to input end when no newline follows). Only then may the walk skip ahead.
    /// </summary>
    private static int RunKind(int s, int[] transitions, int[] accept, int classCount, int newlineClass, bool newlineAlone)
    {
        if (Closed(s, transitions, accept, classCount, skipClass: -1, out _))
        {
            return RunToInputEnd;
        }

        if (!newlineAlone || !Closed(s, transitions, accept, classCount, newlineClass, out List<int> reached))
        {
            return 0;
        }

        return reached.All(t => transitions[t * classCount + newlineClass] == 0) ? RunToLineEnd : RunToEndWithoutNewline;
    }

    /// <summary>True when every state reachable from <paramref name="s"/> (not through <paramref name="skipClass"/>) accepts as s does and never dies.</summary>
    private static bool Closed(int s, int[] transitions, int[] accept, int classCount, int skipClass, out List<int> reached)
    {
        reached = new List<int> { s };
        var seen = new HashSet<int> { s };
        for (int i = 0; i < reached.Count; i++)
        {
            int t = reached[i];
            if (accept[t] != accept[s])
            {
                return false;
            }

            for (int c = 0; c < classCount; c++)
            {
                if (c == skipClass)
                {
                    continue;
                }

                int next = transitions[t * classCount + c];
                if (next == 0)
                {
                    return false;
                }

                if (seen.Add(next))
                {
                    reached.Add(next);
                }
            }
        }

        return true;
    }
}
