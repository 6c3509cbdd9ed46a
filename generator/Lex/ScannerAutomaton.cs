using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// The minimal DFA of a rule file, as the tables the emitted scanner indexes. Row-major
/// transitions over input classes; state 0 is the dead state; <see cref="Accept"/> holds
/// rule index + 1 (0: not accepting). <see cref="Starts"/> has two entries per start
/// condition: [2c] anywhere, [2c + 1] at the start of a line (where <c>^</c> rules join).
/// With REJECT, <see cref="AcceptLists"/> holds every rule each state accepts, in rule order,
/// state s's at [<see cref="AcceptListStarts"/>[s], AcceptListStarts[s + 1]); both are empty
/// otherwise.
/// </summary>
internal sealed record ScannerAutomaton(
    int ClassCount,
    EquatableArray<byte> ClassOf,
    int StateCount,
    EquatableArray<int> Transitions,
    EquatableArray<int> Accept,
    EquatableArray<int> Starts,
    bool UsesLineStart,
    EquatableArray<TrailingContext> Trailing,
    int AuxStateCount,
    EquatableArray<int> AuxTransitions,
    EquatableArray<bool> AuxAccept,
    EquatableArray<int> AcceptListStarts,
    EquatableArray<int> AcceptLists);

/// <summary>
/// How the scanner finds where a trailing-context rule's token ends. When the head or the
/// context has a fixed length the split is known at once (flex does the same); otherwise
/// two small DFAs over the same classes find it: <see cref="TailStart"/> runs backwards
/// from the match end marking where the context can begin, <see cref="HeadStart"/> runs
/// forwards and the last marked end of a head wins (POSIX: the longest head whose rest
/// matches the context). The longest head is tried first against <see cref="TailForwardStart"/>,
/// a forward DFA of the context, which settles the common case without walking the context
/// backwards; and when <see cref="LongestHeadSplits"/> holds (<see cref="TrailingSplit"/>), the
/// longest head is the split without checking the context at all. Lengths are -1 when not fixed;
/// starts are -1 when not needed.
/// </summary>
internal sealed record TrailingContext(int Rule, int HeadLength, int TailLength, int HeadStart, int TailStart, int TailForwardStart, bool LongestHeadSplits);

/// <summary>What the emitter needs: the rule file and its automaton.</summary>
internal sealed record ScannerModel(RuleFile File, ScannerAutomaton Automaton);
