namespace Colo.Gen.Generator.Lex;

/// <summary>
/// The bounds that keep every rule file to a located diagnostic or a scanner within about a
/// second: each quantity that input can make grow is checked against its bound before (or
/// while) it is built, never after. Patterns are measured as they are parsed
/// (<see cref="RegexNode.Weight"/>, <see cref="RegexNode.Depth"/>, the length of text that
/// unparenthesized definitions expand to), so a definition that doubles at each level is refused
/// at its size, not after building it; subset construction counts its steps and states; tables
/// are bounded by their entries. Beyond a bound the generator reports CG2007 at the rule that needs
/// the most.
/// The numbers leave real grammars far below them (Xen's disk rules: about 900 NFA states, 294
/// DFA states, 12 thousand table entries) and were chosen so the worst accepted file still builds
/// in well under a second on this project's machines.
/// </summary>
internal static class AutomatonLimits
{
    /// <summary>NFA states for all of a file's rules together (and so for any one pattern).</summary>
    public const int MaxNfaStates = 200_000;

    /// <summary>States of the scanner's DFA.</summary>
    public const int MaxDfaStates = 20_000;

    /// <summary>Entries of all transition rows together (main and trailing-context tables).</summary>
    public const int MaxTableEntries = 1 << 20;

    /// <summary>
    /// Steps of subset construction: NFA states visited while closing and moving sets, summed over
    /// every DFA state built (main and trailing-context automata together).
    /// </summary>
    public const long MaxConstructionSteps = 40_000_000;

    /// <summary>How deep groups, repeats and definitions may nest in one pattern (each walk of a pattern recurses this deep).</summary>
    public const int MaxNesting = 200;

    /// <summary>Characters a pattern may grow to when definitions beginning with '^' or ending with '$' are spliced into it.</summary>
    public const int MaxExpandedPatternLength = 65_536;

    /// <summary>Start conditions of all rules and scopes together (a rule in N conditions counts N).</summary>
    public const int MaxConditionMemberships = 1 << 20;

    /// <summary>How many times such definitions may be spliced into one pattern.</summary>
    public const int MaxSplices = 1_000;
}
