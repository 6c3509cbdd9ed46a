using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Lex;

/// <summary>Rule file → NFA → DFA over input classes → minimal DFA, plus the trailing-context helpers.</summary>
internal static class AutomatonBuilder
{
    public static Result<ScannerModel> Build(RuleFile file, CancellationToken cancellation)
    {
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            ScannerAutomaton automaton = BuildAutomaton(file, diagnostics, cancellation);
            return Result<ScannerModel>.From(new ScannerModel(file, automaton), diagnostics);
        }
        catch (AutomatonTooLargeException tooLarge)
        {
            // Located at the rule that made the automaton grow (most of the NFA states of the set being built).
            LocationInfo? where = tooLarge.Rule >= 0 ? file.Rules[tooLarge.Rule].Location : file.Rules.Count > 0 ? file.Rules[0].Location : null;
            diagnostics.Add(DiagnosticInfo.Create(LexDiagnostics.TooManyStates, where, tooLarge.Message));
            return Result<ScannerModel>.From(null, diagnostics);
        }
    }

    private static ScannerAutomaton BuildAutomaton(RuleFile file, List<DiagnosticInfo> diagnostics, CancellationToken cancellation)
    {
        var nfa = new Nfa();
        var budget = new ConstructionBudget();
        var entry = new int[file.Rules.Count];
        foreach (Rule rule in file.Rules)
        {
            entry[rule.Index] = -1;
            if (rule.Pattern.IsEndOfFile)
            {
                continue;
            }

            nfa.Owner = rule.Index;
            (int start, int end) = nfa.Add(rule.Pattern.Whole);
            nfa.SetAccept(end, rule.Index);
            entry[rule.Index] = start;
        }

        var sets = new List<ByteSet>();
        for (int s = 0; s < nfa.Count; s++)
        {
            if (nfa.SetTarget(s) >= 0)
            {
                sets.Add(nfa.SetOf(s));
            }
        }

        (byte[] classOf, int classCount) = EquivalenceClasses.Compute(sets);
        // The rules active in each start condition, in rule order, gathered in one pass over the rules.
        var active = new List<Rule>[file.StartConditions.Count];
        foreach (Rule rule in file.Rules)
        {
            if (entry[rule.Index] >= 0)
            {
                foreach (int condition in rule.Conditions)
                {
                    (active[condition] ??= new List<Rule>()).Add(rule);
                }
            }
        }

        var starts = new List<int[]>();
        foreach (StartCondition condition in file.StartConditions)
        {
            List<Rule> rules = active[condition.Number] ?? new List<Rule>();
            starts.Add(rules.Where(r => !r.Pattern.AtLineStart).Select(r => entry[r.Index]).ToArray());
            starts.Add(rules.Select(r => entry[r.Index]).ToArray());
        }

        Dfa dfa = SubsetConstruction.Build(nfa, starts, classOf, classCount, budget, cancellation, allAccepts: file.Options.Reject);

        // With REJECT a rule that never wins a match can still be reached by rejecting the winner.
        var accepted = new HashSet<int>(dfa.AcceptSets is { } acceptSets ? acceptSets.SelectMany(x => x) : dfa.Accept);
        foreach (Rule rule in file.Rules)
        {
            if (!rule.Pattern.IsEndOfFile && !accepted.Contains(rule.Index))
            {
                diagnostics.Add(DiagnosticInfo.Create(LexDiagnostics.RuleNeverMatches, rule.Location, rule.PatternText));
            }
        }

        Dfa minimal = DfaMinimizer.Minimize(dfa, cancellation);
        var aux = new AuxTables(classCount, budget);
        var trailing = new List<TrailingContext>();
        foreach (Rule rule in file.Rules)
        {
            if (rule.Pattern.Trail is not { } tail)
            {
                continue;
            }

            int headLength = rule.Pattern.Head.FixedLength, tailLength = tail.FixedLength;
            if (headLength >= 0 || tailLength >= 0)
            {
                trailing.Add(new TrailingContext(rule.Index, headLength, tailLength, -1, -1, -1, false));
                continue;
            }

            int headStart = aux.Add(rule.Index, rule.Pattern.Head, classOf, cancellation);
            int tailForward = aux.Add(rule.Index, tail, classOf, cancellation);
            bool longestHead = TrailingSplit.LongestHeadSplits(aux.Transitions, aux.Accept, classCount, headStart, tailForward);
            int tailStart = longestHead ? -1 : aux.Add(rule.Index, tail.Reverse(), classOf, cancellation);
            trailing.Add(new TrailingContext(rule.Index, -1, -1, headStart, tailStart, tailForward, longestHead));
        }

        // REJECT: each state's rules, in rule order, one list after another ([starts[s], starts[s + 1])).
        var acceptListStarts = new List<int>();
        var acceptLists = new List<int>();
        if (minimal.AcceptSets is { } minimalSets)
        {
            foreach (int[] set in minimalSets)
            {
                acceptListStarts.Add(acceptLists.Count);
                acceptLists.AddRange(set);
            }

            acceptListStarts.Add(acceptLists.Count);
        }

        return new ScannerAutomaton(
            classCount,
            classOf.ToEquatableArray(),
            minimal.StateCount,
            minimal.Transitions.ToEquatableArray(),
            minimal.Accept.Select(a => a + 1).ToEquatableArray(),
            minimal.Starts.ToEquatableArray(),
            file.Rules.Any(r => r.Pattern.AtLineStart),
            trailing.ToEquatableArray(),
            aux.Accept.Count,
            aux.Transitions.ToEquatableArray(),
            aux.Accept.ToEquatableArray(),
            acceptListStarts.ToEquatableArray(),
            acceptLists.ToEquatableArray());
    }

    /// <summary>The small anchored DFAs that split trailing-context matches, in one table sharing a dead state 0.</summary>
    private sealed class AuxTables
    {
        private readonly int _classCount;
        private readonly ConstructionBudget _budget;

        public AuxTables(int classCount, ConstructionBudget budget)
        {
            _classCount = classCount;
            _budget = budget;
            Transitions.AddRange(new int[classCount]);
            Accept.Add(false);
        }

        public List<int> Transitions { get; } = new();

        public List<bool> Accept { get; } = new();

        /// <summary>Adds a DFA for exactly <paramref name="node"/> (part of rule <paramref name="rule"/>); returns its start state.</summary>
        public int Add(int rule, RegexNode node, byte[] classOf, CancellationToken cancellation)
        {
            var nfa = new Nfa { Owner = rule };
            (int start, int end) = nfa.Add(node);
            nfa.SetAccept(end, 0);
            Dfa dfa = DfaMinimizer.Minimize(
                SubsetConstruction.Build(nfa, new[] { new[] { start } }, classOf, _classCount, _budget, cancellation), cancellation);
            int offset = Accept.Count - 1;
            int Map(int state) => state == 0 ? 0 : state + offset;
            for (int s = 1; s < dfa.StateCount; s++)
            {
                for (int c = 0; c < _classCount; c++)
                {
                    Transitions.Add(Map(dfa.Transitions[s * _classCount + c]));
                }

                Accept.Add(dfa.Accept[s] >= 0);
            }

            return Map(dfa.Starts[0]);
        }
    }
}
