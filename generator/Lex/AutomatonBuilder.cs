using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Lex;

/// <summary>Rule file → NFA → DFA over input classes → minimal DFA, plus the trailing-context helpers.</summary>
internal static class AutomatonBuilder
{
    /// <summary>The most DFA states a scanner may have (CG2007 beyond).</summary>
    public const int MaxStates = 20_000;

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
            LocationInfo? where = file.Rules.Count > 0 ? file.Rules[0].Location : null;
            diagnostics.Add(DiagnosticInfo.Create(LexDiagnostics.TooManyStates, where, "the automaton needs more than " + tooLarge.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) + " states"));
            return Result<ScannerModel>.From(null, diagnostics);
        }
    }

    private static ScannerAutomaton BuildAutomaton(RuleFile file, List<DiagnosticInfo> diagnostics, CancellationToken cancellation)
    {
        var nfa = new Nfa();
        var entry = new int[file.Rules.Count];
        foreach (Rule rule in file.Rules)
        {
            entry[rule.Index] = -1;
            if (rule.Pattern.IsEndOfFile)
            {
                continue;
            }

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
        var starts = new List<int[]>();
        foreach (StartCondition condition in file.StartConditions)
        {
            IEnumerable<Rule> active = file.Rules.Where(r => entry[r.Index] >= 0 && r.Conditions.Contains(condition.Number));
            starts.Add(active.Where(r => !r.Pattern.AtLineStart).Select(r => entry[r.Index]).ToArray());
            starts.Add(active.Select(r => entry[r.Index]).ToArray());
        }

        Dfa dfa = SubsetConstruction.Build(nfa, starts, classOf, classCount, MaxStates, cancellation);
        var accepted = new HashSet<int>(dfa.Accept);
        foreach (Rule rule in file.Rules)
        {
            if (!rule.Pattern.IsEndOfFile && !accepted.Contains(rule.Index))
            {
                diagnostics.Add(DiagnosticInfo.Create(LexDiagnostics.RuleNeverMatches, rule.Location, rule.PatternText));
            }
        }

        Dfa minimal = DfaMinimizer.Minimize(dfa, cancellation);
        var aux = new AuxTables(classCount);
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
                trailing.Add(new TrailingContext(rule.Index, headLength, tailLength, -1, -1, -1));
                continue;
            }

            int headStart = aux.Add(rule.Pattern.Head, classOf, cancellation);
            int tailStart = aux.Add(tail.Reverse(), classOf, cancellation);
            int tailForward = aux.Add(tail, classOf, cancellation);
            trailing.Add(new TrailingContext(rule.Index, -1, -1, headStart, tailStart, tailForward));
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
            aux.Accept.ToEquatableArray());
    }

    /// <summary>The small anchored DFAs that split trailing-context matches, in one table sharing a dead state 0.</summary>
    private sealed class AuxTables
    {
        private readonly int _classCount;

        public AuxTables(int classCount)
        {
            _classCount = classCount;
            Transitions.AddRange(new int[classCount]);
            Accept.Add(false);
        }

        public List<int> Transitions { get; } = new();

        public List<bool> Accept { get; } = new();

        /// <summary>Adds a DFA for exactly <paramref name="node"/>; returns its start state.</summary>
        public int Add(RegexNode node, byte[] classOf, CancellationToken cancellation)
        {
            var nfa = new Nfa();
            (int start, int end) = nfa.Add(node);
            nfa.SetAccept(end, 0);
            Dfa dfa = DfaMinimizer.Minimize(
                SubsetConstruction.Build(nfa, new[] { new[] { start } }, classOf, _classCount, MaxStates, cancellation), cancellation);
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
