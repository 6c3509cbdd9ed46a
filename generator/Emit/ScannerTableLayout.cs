using System.Collections.Generic;
using System.Linq;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Lex;

namespace Colo.Gen.Generator.Emit;

/// <summary>
/// How the emitted tables lay out the automaton for speed. Each state is a row of
/// <see cref="Header"/> + ClassCount entries: its accept word, its loop number, then its
/// transitions, each given as the next state's row offset, so one byte costs one dependent load
/// and no multiply. The accept word is <c>(rule + 1) &lt;&lt; RunBits | run</c>, where run says
/// that nothing the input can bring changes the outcome up to the end of the line or of the
/// input: the walk then jumps there. That keeps rules such as <c>target=.*</c> and contexts such
/// as <c>r/.*</c>, which flex rescans byte by byte for every token, linear over a whole input.
/// The constants below are the layout's only statement of these numbers: the emitter and the
/// emitted code (which declares them as <c>Yy...</c> constants) use them by name.
/// </summary>
internal sealed record ScannerTableLayout(
    string ElementType,
    int RowWidth,
    EquatableArray<int> Main,
    EquatableArray<int> StartRows,
    EquatableArray<int> Aux,
    EquatableArray<byte> LoopExits,
    EquatableArray<(int Rule, int HeadLength, int TailLength, int HeadRow, int TailRow, int TailForwardRow, bool LongestHeadSplits)> Trailing)
{
    /// <summary>Where in a row its loop number is (the accept word is at 0).</summary>
    public const int LoopEntry = 1;

    /// <summary>Entries before a row's transitions: the accept word and the loop number.</summary>
    public const int Header = 2;

    /// <summary>The low bits of an accept word that hold the run kind; the rule + 1 is above them.</summary>
    public const int RunBits = 2;

    /// <summary>The run kind's bits in an accept word.</summary>
    public const int RunMask = (1 << RunBits) - 1;

    /// <summary>The least accept word of an accepting state: accept words below it accept nothing.</summary>
    public const int Accepting = 1 << RunBits;

    /// <summary>The match must be walked byte by byte.</summary>
    public const int NoRun = 0;

    /// <summary>The match runs to the next '\n' (exclusive), which ends it.</summary>
    public const int RunToLineEnd = 1;

    /// <summary>The match runs to the end of the input when no '\n' comes first; otherwise walk on.</summary>
    public const int RunToEndWithoutNewline = 2;

    /// <summary>The match runs to the end of the input.</summary>
    public const int RunToInputEnd = 3;

    /// <summary>The most bytes that may leave a loop for the walk to skip it with a vectorized search.</summary>
    public const int MaxLoopExits = 3;

    /// <summary>Bytes of an entry of the loop-exit table: how many bytes leave the loop, then those bytes.</summary>
    public const int LoopEntrySize = 1 + MaxLoopExits;

    /// <summary>Whether some trailing-context rule is split by walking its head DFA alone (<see cref="Lex.TrailingSplit"/>).</summary>
    public bool SplitsAtLongestHead => Trailing.Any(x => x.HeadRow >= 0 && x.LongestHeadSplits);

    /// <summary>Whether some trailing-context rule needs the POSIX split with head, context and reversed-context DFAs.</summary>
    public bool SplitsWithContext => Trailing.Any(x => x.HeadRow >= 0 && !x.LongestHeadSplits);

    /// <summary>The accept word of a state accepting rule <paramref name="acceptPlusOne"/> - 1 (0: none) with a run kind.</summary>
    public static int AcceptWord(int acceptPlusOne, int run) => (acceptPlusOne << RunBits) | run;

    /// <summary>The rule an accept word accepts, or -1.</summary>
    public static int RuleOf(int word) => (word >> RunBits) - 1;

    /// <summary>The smallest element type that holds every value up to <paramref name="max"/>.</summary>
    public static string SmallestType(int max) => max <= byte.MaxValue ? "byte" : max <= ushort.MaxValue ? "ushort" : "int";

    public static ScannerTableLayout From(ScannerAutomaton a)
    {
        int width = a.ClassCount + Header;
        int newlineClass = a.ClassOf[(byte)'\n'];
        bool newlineAlone = a.ClassOf.Count(c => c == newlineClass) == 1;
        var loopExits = new List<byte>();
        int[] main = Rows(a.Transitions.ToArray(), a.Accept.ToArray(), a.ClassCount, newlineClass, newlineAlone, a.ClassOf.ToArray(), loopExits);
        int[] aux = a.AuxStateCount > 1
            ? Rows(a.AuxTransitions.ToArray(), a.AuxAccept.Select(x => x ? 1 : 0).ToArray(), a.ClassCount, newlineClass, newlineAlone, null, null)
            : System.Array.Empty<int>();
        int max = System.Math.Max(main.Length == 0 ? 0 : main.Max(), aux.Length == 0 ? 0 : aux.Max());
        return new ScannerTableLayout(
            SmallestType(max),
            width,
            main.ToEquatableArray(),
            a.Starts.Select(s => s * width).ToEquatableArray(),
            aux.ToEquatableArray(),
            loopExits.ToEquatableArray(),
            a.Trailing.Select(t => (t.Rule, t.HeadLength, t.TailLength, t.HeadStart < 0 ? -1 : t.HeadStart * width, t.TailStart < 0 ? -1 : t.TailStart * width, t.TailForwardStart < 0 ? -1 : t.TailForwardStart * width, t.LongestHeadSplits)).ToEquatableArray());
    }

    private static int[] Rows(int[] transitions, int[] accept, int classCount, int newlineClass, bool newlineAlone, byte[]? classOf, List<byte>? loopExits)
    {
        int width = classCount + Header;
        int states = accept.Length;
        var rows = new int[states * width];
        int[] runs = ScannerRunKinds.Compute(transitions, accept, classCount, newlineClass, newlineAlone);
        var loops = new Dictionary<ulong, int>();
        for (int s = 0; s < states; s++)
        {
            rows[s * width] = AcceptWord(accept[s], runs[s]);
            rows[s * width + LoopEntry] = s != 0 && classOf is not null && loopExits is not null ? LoopNumber(s, transitions, classCount, classOf, loopExits, loops) : 0;
            for (int c = 0; c < classCount; c++)
            {
                rows[s * width + Header + c] = transitions[s * classCount + c] * width;
            }
        }

        return rows;
    }

    /// <summary>
    /// A state that stays itself on every byte but a few is a loop: the walk finds the next of
    /// those bytes with a vectorized search instead of stepping. Returns 1 + the loop's index in
    /// the exits table (entries of 1 + MaxLoopExits bytes: count, then the bytes), or 0.
    /// </summary>
    private static int LoopNumber(int s, int[] transitions, int classCount, byte[] classOf, List<byte> loopExits, Dictionary<ulong, int> loops)
    {
        var exits = new List<byte>();
        for (int b = 0; b < 256 && exits.Count <= MaxLoopExits; b++)
        {
            if (transitions[s * classCount + classOf[b]] != s)
            {
                exits.Add((byte)b);
            }
        }

        if (exits.Count > MaxLoopExits)
        {
            return 0;
        }

        var entry = new byte[LoopEntrySize];
        entry[0] = (byte)exits.Count;
        exits.CopyTo(entry, 1);

        // Loops with the same exits share an entry (found by the entry's bytes as one number).
        ulong key = 0;
        foreach (byte b in entry)
        {
            key = (key << 8) | b;
        }

        if (!loops.TryGetValue(key, out int number))
        {
            loopExits.AddRange(entry);
            number = loopExits.Count / entry.Length;
            loops[key] = number;
        }

        return number;
    }
}
