using System.Collections.Generic;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// Input equivalence classes: bytes that no pattern tells apart share a class, so the
/// transition table has one column per class instead of 256 (flex's <c>-Ce</c>).
/// Classes are numbered in order of their smallest byte, so the result is deterministic.
/// </summary>
internal static class EquivalenceClasses
{
    public static (byte[] ClassOf, int Count) Compute(IEnumerable<ByteSet> sets)
    {
        var classOf = new int[256];
        int count = 1;
        var seen = new HashSet<ByteSet>();
        foreach (ByteSet set in sets)
        {
            if (set.IsEmpty || !seen.Add(set))
            {
                continue;
            }

            // Split every class into its bytes inside and outside the set.
            var renumber = new Dictionary<(int, bool), int>();
            int next = 0;
            for (int b = 0; b < 256; b++)
            {
                var key = (classOf[b], set.Contains((byte)b));
                if (!renumber.TryGetValue(key, out int id))
                {
                    id = next++;
                    renumber[key] = id;
                }

                classOf[b] = id;
            }

            count = next;
        }

        var result = new byte[256];
        for (int b = 0; b < 256; b++)
        {
            result[b] = (byte)classOf[b];
        }

        return (result, count);
    }
}
