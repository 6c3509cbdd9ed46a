using System;
using System.Collections.Generic;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// Thrown when building would pass a bound of <see cref="AutomatonLimits"/>; the generator
/// reports CG2007 with <see cref="Exception.Message"/> at <see cref="Rule"/> (-1: the first rule).
/// </summary>
internal sealed class AutomatonTooLargeException : Exception
{
    public AutomatonTooLargeException(string what, int rule)
        : base(what)
    {
        Rule = rule;
    }

    public int Rule { get; }
}

/// <summary>
/// A Thompson NFA: every state has epsilon edges and at most one byte-set edge. Accepting
/// states carry the index of the rule they finish. Built once per rule file, then handed
/// to subset construction; never part of a cached model.
/// </summary>
internal sealed class Nfa
{
    private readonly List<List<int>> _epsilon = new();
    private readonly List<int> _owners = new();
    private readonly List<ByteSet> _sets = new();
    private readonly List<int> _setTargets = new();
    private readonly List<int> _accepts = new();

    public int Count => _epsilon.Count;

    public IReadOnlyList<int> Epsilon(int state) => _epsilon[state];

    public ByteSet SetOf(int state) => _sets[state];

    /// <summary>Where the byte-set edge goes, or -1 when the state has none.</summary>
    public int SetTarget(int state) => _setTargets[state];

    /// <summary>The rule this state accepts, or -1.</summary>
    public int Accept(int state) => _accepts[state];

    /// <summary>The rule the states added from now on belong to (-1: none), for locating what grew too large.</summary>
    public int Owner { get; set; } = -1;

    /// <summary>The rule most of <paramref name="set"/>'s states belong to, or -1.</summary>
    public int MainOwner(IReadOnlyList<int> set)
    {
        var counts = new Dictionary<int, int>();
        int best = -1, bestCount = 0;
        foreach (int s in set)
        {
            int owner = _owners[s];
            if (owner < 0)
            {
                continue;
            }

            int count = counts.TryGetValue(owner, out int n) ? n + 1 : 1;
            counts[owner] = count;
            if (count > bestCount || (count == bestCount && owner < best))
            {
                best = owner;
                bestCount = count;
            }
        }

        return best;
    }

    public int AddState()
    {
        if (_epsilon.Count >= AutomatonLimits.MaxNfaStates)
        {
            // Patterns are measured before they are built (RegexNode.Weight); this only guards that promise.
            throw new AutomatonTooLargeException("its NFA needs more than " + AutomatonLimits.MaxNfaStates + " states", Owner);
        }

        _epsilon.Add(new List<int>());
        _owners.Add(Owner);
        _sets.Add(ByteSet.Empty);
        _setTargets.Add(-1);
        _accepts.Add(-1);
        return _epsilon.Count - 1;
    }

    public void SetAccept(int state, int rule) => _accepts[state] = rule;

    /// <summary>Adds the states of <paramref name="node"/>: returns its entry and exit.</summary>
    public (int Start, int End) Add(RegexNode node)
    {
        switch (node)
        {
            case SetNode set:
            {
                int s = AddState(), e = AddState();
                _sets[s] = set.Set;
                _setTargets[s] = e;
                return (s, e);
            }

            case EmptyNode:
            {
                int s = AddState(), e = AddState();
                _epsilon[s].Add(e);
                return (s, e);
            }

            case ConcatNode concat:
            {
                (int start, int end) = Add(concat.Items[0]);
                for (int i = 1; i < concat.Items.Count; i++)
                {
                    (int s, int e) = Add(concat.Items[i]);
                    _epsilon[end].Add(s);
                    end = e;
                }

                return (start, end);
            }

            case AltNode alt:
            {
                int s = AddState(), e = AddState();
                foreach (RegexNode item in alt.Items)
                {
                    (int a, int b) = Add(item);
                    _epsilon[s].Add(a);
                    _epsilon[b].Add(e);
                }

                return (s, e);
            }

            case RepeatNode repeat:
                return AddRepeat(repeat);
            default:
                throw new InvalidOperationException("unknown regex node " + node.GetType().Name);
        }
    }

    /// <summary><c>r{m,n}</c> as m copies of r, then n-m optional copies (or one starred copy).</summary>
    private (int Start, int End) AddRepeat(RepeatNode repeat)
    {
        int start = AddState();
        int end = start;
        for (int i = 0; i < repeat.Min; i++)
        {
            (int s, int e) = Add(repeat.Inner);
            _epsilon[end].Add(s);
            end = e;
        }

        if (repeat.Max < 0)
        {
            (int s, int e) = Add(repeat.Inner);
            int exit = AddState();
            _epsilon[end].Add(s);
            _epsilon[end].Add(exit);
            _epsilon[e].Add(s);
            _epsilon[e].Add(exit);
            return (start, exit);
        }

        int last = AddState();
        for (int i = repeat.Min; i < repeat.Max; i++)
        {
            (int s, int e) = Add(repeat.Inner);
            _epsilon[end].Add(s);
            _epsilon[end].Add(last);
            end = e;
        }

        _epsilon[end].Add(last);
        return (start, last);
    }
}
