using System;
using System.Collections.Generic;
using System.Threading;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// Hopcroft's partition refinement: states start grouped by the rule they accept and are
/// split until no class of input tells two states of a block apart. The dead state keeps
/// number 0; the others are numbered in breadth-first order from the start states, so
/// the same rules always give the same tables.
/// </summary>
internal static class DfaMinimizer
{
    public static Dfa Minimize(Dfa dfa, CancellationToken cancellation)
    {
        int n = dfa.StateCount, k = dfa.ClassCount;
        int[] block = new int[n];
        var blocks = new List<List<int>>();
        var byAccept = new Dictionary<int, int>();
        for (int s = 0; s < n; s++)
        {
            if (!byAccept.TryGetValue(dfa.Accept[s], out int b))
            {
                b = blocks.Count;
                byAccept[dfa.Accept[s]] = b;
                blocks.Add(new List<int>());
            }

            block[s] = b;
            blocks[b].Add(s);
        }

        // inverse[c][t]: the states that go to t on class c.
        var inverse = new List<int>[k][];
        for (int c = 0; c < k; c++)
        {
            inverse[c] = new List<int>[n];
        }

        for (int s = 0; s < n; s++)
        {
            for (int c = 0; c < k; c++)
            {
                int t = dfa.Transitions[s * k + c];
                (inverse[c][t] ??= new List<int>()).Add(s);
            }
        }

        var work = new Stack<int>();
        var inWork = new List<bool>();
        for (int b = 0; b < blocks.Count; b++)
        {
            work.Push(b);
            inWork.Add(true);
        }

        var hit = new int[n];
        var hitCount = new Dictionary<int, int>();
        int stamp = 0;
        var splitter = new List<int>();
        while (work.Count > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            int a = work.Pop();
            inWork[a] = false;
            int[] members = blocks[a].ToArray();
            for (int c = 0; c < k; c++)
            {
                stamp++;
                splitter.Clear();
                hitCount.Clear();
                foreach (int t in members)
                {
                    List<int>? sources = inverse[c][t];
                    if (sources is null)
                    {
                        continue;
                    }

                    foreach (int s in sources)
                    {
                        if (hit[s] != stamp)
                        {
                            hit[s] = stamp;
                            splitter.Add(s);
                            hitCount[block[s]] = hitCount.TryGetValue(block[s], out int m) ? m + 1 : 1;
                        }
                    }
                }

                foreach (KeyValuePair<int, int> touched in hitCount)
                {
                    int y = touched.Key;
                    if (touched.Value == blocks[y].Count)
                    {
                        continue;
                    }

                    var inside = new List<int>();
                    var outside = new List<int>();
                    foreach (int s in blocks[y])
                    {
                        (hit[s] == stamp ? inside : outside).Add(s);
                    }

                    int z = blocks.Count;
                    blocks[y] = inside;
                    blocks.Add(outside);
                    inWork.Add(false);
                    foreach (int s in outside)
                    {
                        block[s] = z;
                    }

                    if (inWork[y])
                    {
                        work.Push(z);
                        inWork[z] = true;
                    }
                    else
                    {
                        int smaller = inside.Count <= outside.Count ? y : z;
                        work.Push(smaller);
                        inWork[smaller] = true;
                    }
                }
            }
        }

        return Renumber(dfa, block, blocks.Count);
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
        for (int i = 0; i < order.Count; i++)
        {
            int s = order[i];
            accept[i] = dfa.Accept[s];
            for (int c = 0; c < k; c++)
            {
                transitions[i * k + c] = number[block[dfa.Transitions[s * k + c]]];
            }
        }

        return new Dfa(k, transitions, accept, Array.ConvertAll(dfa.Starts, s => number[block[s]]));
    }
}
