using System;
using System.Collections.Generic;
using System.Threading;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// Hopcroft's partition refinement: states start grouped by the rule they accept and are
/// split until no class of input tells two states of a block apart. The dead state keeps
/// number 0; the others are numbered in breadth-first order from the start states, so
/// the same rules always give the same tables. Blocks are stretches of one array of states, and
/// a split moves only the states a splitter reached, so the work is O(classes × states × log states)
/// whatever the automaton (splitting by copying whole blocks is quadratic on some).
/// </summary>
internal static class DfaMinimizer
{
    public static Dfa Minimize(Dfa dfa, CancellationToken cancellation)
    {
        int n = dfa.StateCount, k = dfa.ClassCount;

        // The states that go to t on class c are sources[first[c * n + t] .. first[c * n + t + 1]):
        // two flat arrays (as many entries as transitions) instead of a list per class and state.
        var first = new int[k * n + 1];
        for (int s = 0; s < n; s++)
        {
            for (int c = 0; c < k; c++)
            {
                first[c * n + dfa.Transitions[s * k + c] + 1]++;
            }
        }

        for (int i = 0; i < k * n; i++)
        {
            first[i + 1] += first[i];
        }

        var sources = new int[n * k];
        var filled = new int[k * n];
        for (int s = 0; s < n; s++)
        {
            for (int c = 0; c < k; c++)
            {
                int cell = c * n + dfa.Transitions[s * k + c];
                sources[first[cell] + filled[cell]++] = s;
            }
        }

        var partition = new Partition(n, AcceptKeys(dfa));
        var work = new Stack<int>();
        var inWork = new List<bool>();
        for (int b = 0; b < partition.Count; b++)
        {
            work.Push(b);
            inWork.Add(true);
        }

        var splitter = new List<int>();
        var touched = new List<int>();
        while (work.Count > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            int a = work.Pop();
            inWork[a] = false;
            splitter.Clear();
            partition.AddMembers(a, splitter);
            for (int c = 0; c < k; c++)
            {
                touched.Clear();
                foreach (int t in splitter)
                {
                    for (int at = first[c * n + t]; at < first[c * n + t + 1]; at++)
                    {
                        partition.Mark(sources[at], touched);
                    }
                }

                foreach (int y in touched)
                {
                    int z = partition.Split(y);
                    if (z < 0)
                    {
                        continue;
                    }

                    inWork.Add(false);
                    int smaller = partition.Size(y) <= partition.Size(z) ? y : z;
                    int push = inWork[y] ? z : smaller;
                    work.Push(push);
                    inWork[push] = true;
                }
            }
        }

        return Renumber(dfa, partition.BlockOfState, partition.Count);
    }

    /// <summary>What states must agree on to share a block: the rule they accept, or with REJECT every rule (as one number per distinct set).</summary>
    private static int[] AcceptKeys(Dfa dfa)
    {
        if (dfa.AcceptSets is null)
        {
            return dfa.Accept;
        }

        var ids = new Dictionary<string, int>();
        return Array.ConvertAll(dfa.AcceptSets, set =>
        {
            string key = string.Join(",", set);
            if (!ids.TryGetValue(key, out int id))
            {
                id = ids.Count;
                ids[key] = id;
            }

            return id;
        });
    }

    /// <summary>
    /// The blocks: each a stretch [Start, End) of <see cref="_states"/>; marked states are moved to
    /// the front of their block, and a split makes the marked front a block of its own.
    /// </summary>
    private sealed class Partition
    {
        private readonly int[] _states;
        private readonly int[] _position;
        private readonly List<int> _start = new();
        private readonly List<int> _end = new();
        private readonly List<int> _marked = new();

        public Partition(int n, int[] keys)
        {
            _states = new int[n];
            _position = new int[n];
            BlockOfState = new int[n];
            var byAccept = new Dictionary<int, List<int>>();
            var order = new List<int>();
            for (int s = 0; s < n; s++)
            {
                if (!byAccept.TryGetValue(keys[s], out List<int>? group))
                {
                    group = new List<int>();
                    byAccept[keys[s]] = group;
                    order.Add(keys[s]);
                }

                group.Add(s);
            }

            int at = 0;
            foreach (int rule in order)
            {
                _start.Add(at);
                foreach (int s in byAccept[rule])
                {
                    _states[at] = s;
                    _position[s] = at++;
                    BlockOfState[s] = _start.Count - 1;
                }

                _end.Add(at);
                _marked.Add(0);
            }
        }

        public int[] BlockOfState { get; }

        public int Count => _start.Count;

        public int Size(int block) => _end[block] - _start[block];

        public void AddMembers(int block, List<int> into)
        {
            for (int i = _start[block]; i < _end[block]; i++)
            {
                into.Add(_states[i]);
            }
        }

        /// <summary>Marks a state (once) by moving it to its block's marked front; a block's first mark lists it in <paramref name="touched"/>.</summary>
        public void Mark(int s, List<int> touched)
        {
            int b = BlockOfState[s];
            int front = _start[b] + _marked[b];
            if (_position[s] < front)
            {
                return;
            }

            if (_marked[b] == 0)
            {
                touched.Add(b);
            }

            int other = _states[front];
            _states[front] = s;
            _states[_position[s]] = other;
            _position[other] = _position[s];
            _position[s] = front;
            _marked[b]++;
        }

        /// <summary>Makes a block's marked states a new block and returns it; -1 (and no change) when all or none were marked.</summary>
        public int Split(int b)
        {
            int marked = _marked[b];
            _marked[b] = 0;
            if (marked == 0 || marked == Size(b))
            {
                return -1;
            }

            int z = _start.Count;
            _start.Add(_start[b]);
            _end.Add(_start[b] + marked);
            _marked.Add(0);
            _start[b] += marked;
            for (int i = _start[z]; i < _end[z]; i++)
            {
                BlockOfState[_states[i]] = z;
            }

            return z;
        }
    }

    private static Dfa Renumber(Dfa dfa, int[] block, int blockCount)
    {
        int k = dfa.ClassCount;
        int[] number = new int[blockCount];
        for (int i = 0; i < blockCount; i++)
        {
            number[i] = -1;
        }

        var order = new List<int>();
        var queue = new Queue<int>();
        void Visit(int state)
        {
            int b = block[state];
            if (number[b] < 0)
            {
                number[b] = order.Count;
                order.Add(state);
                queue.Enqueue(state);
            }
        }

        Visit(0);
        foreach (int start in dfa.Starts)
        {
            Visit(start);
        }

        while (queue.Count > 0)
        {
            int s = queue.Dequeue();
            for (int c = 0; c < k; c++)
            {
                Visit(dfa.Transitions[s * k + c]);
            }
        }

        var transitions = new int[order.Count * k];
        var accept = new int[order.Count];
        int[][]? acceptSets = dfa.AcceptSets is null ? null : new int[order.Count][];
        for (int i = 0; i < order.Count; i++)
        {
            int s = order[i];
            accept[i] = dfa.Accept[s];
            if (acceptSets is not null)
            {
                acceptSets[i] = dfa.AcceptSets![s];
            }

            for (int c = 0; c < k; c++)
            {
                transitions[i * k + c] = number[block[dfa.Transitions[s * k + c]]];
            }
        }

        return new Dfa(k, transitions, accept, Array.ConvertAll(dfa.Starts, s => number[block[s]]), acceptSets);
    }
}
