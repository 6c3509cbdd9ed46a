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

        // renumber[2 * class + inside]: the class a byte moves to, by its class and whether the set holds it.
        var renumber = new int[2 * 256];
        foreach (ByteSet set in sets)
        {
            if (count == 256)
            {
                break; // every byte is its own class: no set can split any further
            }

            if (set.IsEmpty || !seen.Add(set))
            {
                continue;
            }

            // Split every class into its bytes inside and outside the set.
            for (int i = 0; i < 2 * count; i++)
            {
                renumber[i] = -1;
            }

            int next = 0;
            for (int b = 0; b < 256; b++)
            {
                int key = 2 * classOf[b] + (set.Contains((byte)b) ? 1 : 0);
                if (renumber[key] < 0)
                {
                    renumber[key] = next++;
                }

                classOf[b] = renumber[key];
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
