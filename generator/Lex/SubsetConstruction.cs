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
    public Dfa(int classCount, int[] transitions, int[] accept, int[] starts)
    {
        ClassCount = classCount;
        Transitions = transitions;
        Accept = accept;
        Starts = starts;
    }

    public int ClassCount { get; }

    public int StateCount => Accept.Length;

    public int[] Transitions { get; }

    public int[] Accept { get; }

    public int[] Starts { get; }
}

/// <summary>Subset construction: each DFA state is the set of NFA states the input so far can reach.</summary>
internal static class SubsetConstruction
{
    public static Dfa Build(Nfa nfa, IReadOnlyList<int[]> startEntries, byte[] classOf, int classCount, int maxStates, CancellationToken cancellation)
    {
        var representative = new int[classCount];
        for (int c = 0; c < classCount; c++)
        {
            representative[c] = Array.IndexOf(classOf, (byte)c);
        }

        var ids = new Dictionary<StateSet, int>();
        var sets = new List<int[]>();
        var transitions = new List<int>();
        var stamp = new int[nfa.Count];
        int mark = 0;

        int Intern(List<int> seeds)
        {
            mark++;
            var members = new List<int>();
            var stack = new Stack<int>(seeds);
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

            members.Sort();
            var key = new StateSet(members.ToArray());
            if (ids.TryGetValue(key, out int id))
            {
                return id;
            }

            if (sets.Count >= maxStates)
            {
                throw new AutomatonTooLargeException(maxStates);
            }

            id = sets.Count;
            ids[key] = id;
            sets.Add(key.States);
            return id;
        }

        Intern(new List<int>());
        int[] starts = startEntries.Select(entries => Intern(entries.ToList())).ToArray();
        var moved = new List<int>();
        for (int d = 0; d < sets.Count; d++)
        {
            cancellation.ThrowIfCancellationRequested();
            int[] members = sets[d];
            for (int c = 0; c < classCount; c++)
            {
                byte b = (byte)representative[c];
                moved.Clear();
                foreach (int s in members)
                {
                    int target = nfa.SetTarget(s);
                    if (target >= 0 && nfa.SetOf(s).Contains(b))
                    {
                        moved.Add(target);
                    }
                }

                transitions.Add(moved.Count == 0 ? 0 : Intern(moved));
            }
        }

        var accept = new int[sets.Count];
        for (int d = 0; d < sets.Count; d++)
        {
            int best = -1;
            foreach (int s in sets[d])
            {
                int rule = nfa.Accept(s);
                if (rule >= 0 && (best < 0 || rule < best))
                {
                    best = rule;
                }
            }

            accept[d] = best;
        }

        return new Dfa(classCount, transitions.ToArray(), accept, starts);
    }

    /// <summary>A sorted set of NFA states, hashed once.</summary>
    private readonly struct StateSet : IEquatable<StateSet>
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
}
