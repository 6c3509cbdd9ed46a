using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// A DFA over input classes: state 0 is the dead state (no rule can still match),
/// <see cref="Transitions"/> is row-major (<c>state * ClassCount + class</c>), and
/// <see cref="Accept"/> holds the rule a state accepts (the earliest one when several
/// end there: flex's tie rule) or -1.
/// </summary>
internal sealed class Dfa
{
    public Dfa(int classCount, int[] transitions, int[] accept, int[] starts, int[][]? acceptSets = null)
    {
        ClassCount = classCount;
        Transitions = transitions;
        Accept = accept;
        Starts = starts;
        AcceptSets = acceptSets;
    }

    public int ClassCount { get; }

    public int StateCount => Accept.Length;

    public int[] Transitions { get; }

    public int[] Accept { get; }

    public int[] Starts { get; }

    /// <summary>
    /// For a scanner with REJECT: every rule each state accepts, in rule order (the order REJECT
    /// tries them at one length), or null. Minimisation then keeps states with different sets apart.
    /// </summary>
    public int[][]? AcceptSets { get; }
}

/// <summary>
/// Subset construction: each DFA state is the set of NFA states the input so far can reach.
/// Each NFA state's byte set is turned into its list of input classes once, so a DFA state's
/// moves cost one pass over its members; classes that lead to the same NFA states share one
/// closure. Every state and every NFA state visited is charged to a <see cref="ConstructionBudget"/>,
/// so an automaton that would grow beyond <see cref="AutomatonLimits"/> stops as soon as it does.
/// </summary>
internal static class SubsetConstruction
{
    public static Dfa Build(Nfa nfa, IReadOnlyList<int[]> startEntries, byte[] classOf, int classCount, ConstructionBudget budget, CancellationToken cancellation, bool allAccepts = false)
    {
        int[][] classesOfState = ClassLists(nfa, classOf, classCount);
        var ids = new Dictionary<StateSet, int>();
        var sets = new List<int[]>();
        var transitions = new List<int>();
        var stamp = new int[nfa.Count];
        int mark = 0;
        var members = new List<int>();
        var stack = new Stack<int>();

        int Intern(IEnumerable<int> seeds)
        {
            mark++;
            members.Clear();
            foreach (int seed in seeds)
            {
                stack.Push(seed);
            }

            while (stack.Count > 0)
            {
                int s = stack.Pop();
                if (stamp[s] == mark)
                {
                    continue;
                }

                stamp[s] = mark;
                members.Add(s);
                foreach (int t in nfa.Epsilon(s))
                {
                    if (stamp[t] != mark)
                    {
                        stack.Push(t);
                    }
                }
            }

            budget.SpendSteps(members.Count, nfa, members);
            members.Sort();
            var key = new StateSet(members.ToArray());
            if (ids.TryGetValue(key, out int id))
            {
                return id;
            }

            budget.SpendState(classCount, nfa, key.States);
            id = sets.Count;
            ids[key] = id;
            sets.Add(key.States);
            return id;
        }

        Intern(Array.Empty<int>());
        int[] starts = startEntries.Select(entries => Intern(entries)).ToArray();
        var moved = new List<int>[classCount];
        for (int c = 0; c < classCount; c++)
        {
            moved[c] = new List<int>();
        }

        var byMoved = new Dictionary<StateSet, int>();
        for (int d = 0; d < sets.Count; d++)
        {
            cancellation.ThrowIfCancellationRequested();
            int[] current = sets[d];
            foreach (int s in current)
            {
                int target = nfa.SetTarget(s);
                if (target < 0)
                {
                    continue;
                }

                int[] classes = classesOfState[s];
                budget.SpendSteps(classes.Length, nfa, current);
                foreach (int c in classes)
                {
                    moved[c].Add(target);
                }
            }

            // Classes that move to the same NFA states share one closure (moves are in member order, so equal sets are equal lists).
            byMoved.Clear();
            for (int c = 0; c < classCount; c++)
            {
                List<int> to = moved[c];
                if (to.Count == 0)
                {
                    transitions.Add(0);
                    continue;
                }

                var key = new StateSet(to.ToArray());
                if (!byMoved.TryGetValue(key, out int next))
                {
                    next = Intern(to);
                    byMoved[key] = next;
                }

                transitions.Add(next);
                to.Clear();
            }
        }

        var accept = new int[sets.Count];
        int[][]? acceptSets = allAccepts ? new int[sets.Count][] : null;
        var rules = new SortedSet<int>();
        for (int d = 0; d < sets.Count; d++)
        {
            rules.Clear();
            foreach (int s in sets[d])
            {
                if (nfa.Accept(s) >= 0)
                {
                    rules.Add(nfa.Accept(s));
                }
            }

            accept[d] = rules.Count == 0 ? -1 : rules.Min;
            if (acceptSets is not null)
            {
                acceptSets[d] = rules.ToArray();
            }
        }

        return new Dfa(classCount, transitions.ToArray(), accept, starts, acceptSets);
    }

    /// <summary>For each NFA state with a byte-set edge, the input classes of its set (computed once per distinct set).</summary>
    private static int[][] ClassLists(Nfa nfa, byte[] classOf, int classCount)
    {
        var bySet = new Dictionary<ByteSet, int[]>();
        var lists = new int[nfa.Count][];
        var seen = new bool[classCount];
        for (int s = 0; s < nfa.Count; s++)
        {
            if (nfa.SetTarget(s) < 0)
            {
                lists[s] = Array.Empty<int>();
                continue;
            }

            ByteSet set = nfa.SetOf(s);
            if (!bySet.TryGetValue(set, out int[]? classes))
            {
                Array.Clear(seen, 0, classCount);
                var found = new List<int>();
                for (int b = 0; b < 256; b++)
                {
                    int c = classOf[b];
                    if (!seen[c] && set.Contains((byte)b))
                    {
                        seen[c] = true;
                        found.Add(c);
                    }
                }

                found.Sort();
                classes = found.ToArray();
                bySet[set] = classes;
            }

            lists[s] = classes;
        }

        return lists;
    }
}

/// <summary>A sorted set of NFA states, hashed once.</summary>
internal readonly struct StateSet : IEquatable<StateSet>
{
    private readonly int _hash;

    public StateSet(int[] states)
    {
        States = states;
        int h = states.Length;
        foreach (int s in states)
        {
            h = unchecked((h * 397) ^ s);
        }

        _hash = h;
    }

    public int[] States { get; }

    public bool Equals(StateSet other) => _hash == other._hash && States.AsSpan().SequenceEqual(other.States);

    public override bool Equals(object? obj) => obj is StateSet other && Equals(other);

    public override int GetHashCode() => _hash;
}
