using System;

namespace Colo.Gen;

/// <summary>
/// C's <c>atoi</c> as glibc runs it (<c>(int)strtol(s, NULL, 10)</c>): leading white space,
/// an optional sign, decimal digits up to the first non-digit; a value beyond a 64-bit
/// long clamps to its limit, and the cast to int keeps the low 32 bits.
/// </summary>
internal static class CAtoi
{
    /// <summary>The value glibc's atoi gives for these bytes.</summary>
    public static int Parse(ReadOnlySpan<byte> text)
    {
        int i = 0;
        while (i < text.Length && IsCSpace(text[i]))
        {
            i++;
        }

        bool negative = false;
        if (i < text.Length && (text[i] == (byte)'+' || text[i] == (byte)'-'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }

        // Accumulate the magnitude; past long's range strtol returns LONG_MAX or LONG_MIN.
        ulong magnitude = 0;
        bool overflow = false;
        for (; i < text.Length && text[i] >= (byte)'0' && text[i] <= (byte)'9'; i++)
        {
            ulong digit = (ulong)(text[i] - (byte)'0');
            if (magnitude > (ulong.MaxValue - digit) / 10)
            {
                overflow = true;
                continue;
            }

            magnitude = magnitude * 10 + digit;
        }

        long value;
        if (negative)
        {
            value = overflow || magnitude > (ulong)long.MaxValue + 1 ? long.MinValue : unchecked((long)(0 - magnitude));
        }
        else
        {
            value = overflow || magnitude > long.MaxValue ? long.MaxValue : (long)magnitude;
        }

        return unchecked((int)value);
    }

    private static bool IsCSpace(byte c) => c == (byte)' ' || (c >= (byte)'\t' && c <= (byte)'\r');
}
