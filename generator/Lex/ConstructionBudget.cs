using System.Collections.Generic;
using System.Globalization;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// What building a rule file's automata may still spend: subset-construction steps, DFA states,
/// and transition-table entries (states × input classes), shared by the scanner's DFA and its
/// trailing-context DFAs. Spending beyond a bound of <see cref="AutomatonLimits"/> throws
/// <see cref="AutomatonTooLargeException"/> naming the rule most of the current set of NFA states
/// belongs to, so the diagnostic points at the rule that made the automaton grow.
/// </summary>
internal sealed class ConstructionBudget
{
    private long _steps;
    private long _tableEntries;
    private int _states;

    /// <summary>Charges NFA states visited while building <paramref name="set"/>.</summary>
    public void SpendSteps(long steps, Nfa nfa, IReadOnlyList<int> set)
    {
        _steps += steps;
        if (_steps > AutomatonLimits.MaxConstructionSteps)
        {
            throw new AutomatonTooLargeException(
                "building its DFA takes more than " + AutomatonLimits.MaxConstructionSteps.ToString(CultureInfo.InvariantCulture) + " steps", nfa.MainOwner(set));
        }
    }

    /// <summary>Charges one more DFA state of <paramref name="classCount"/> transitions, the set of NFA states <paramref name="set"/>.</summary>
    public void SpendState(int classCount, Nfa nfa, IReadOnlyList<int> set)
    {
        _tableEntries += classCount;
        if (++_states > AutomatonLimits.MaxDfaStates)
        {
            throw new AutomatonTooLargeException(
                "its DFA needs more than " + AutomatonLimits.MaxDfaStates.ToString(CultureInfo.InvariantCulture) + " states", nfa.MainOwner(set));
        }

        if (_tableEntries > AutomatonLimits.MaxTableEntries)
        {
            throw new AutomatonTooLargeException(
                "its tables need more than " + AutomatonLimits.MaxTableEntries.ToString(CultureInfo.InvariantCulture) + " entries (DFA states × input classes)", nfa.MainOwner(set));
        }
    }
}
