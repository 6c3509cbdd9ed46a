using System;

namespace Colo.Gen.Config;

/// <summary>
/// C's <c>strtol(text, &amp;end, 0)</c> on a 64-bit long, as glibc does it in the C locale: blanks
/// skipped, a sign, then a base chosen by the prefix (<c>0x</c>/<c>0X</c> hexadecimal when a hex
/// digit follows, a leading 0 octal, else decimal); out of range it gives the nearest bound and
/// ERANGE. libxlutil's number getters read settings with it.
/// </summary>
internal static class CStrtol
{
    /// <summary>Parses a prefix of <paramref name="text"/>; <paramref name="used"/> is 0 when there is no number at all.</summary>
    /// <returns>The value (clamped to long's range when <paramref name="overflow"/>).</returns>
    public static long Parse(ReadOnlySpan<byte> text, out int used, out bool overflow)
    {
        overflow = false;
        int i = 0;
        while (i < text.Length && text[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r')
        {
            i++;
        }

        bool negative = false;
        if (i < text.Length && text[i] is (byte)'+' or (byte)'-')
        {
            negative = text[i] == '-';
            i++;
        }

        int numberBase = 10;
        if (i < text.Length && text[i] == '0')
        {
            if (i + 2 < text.Length && (text[i + 1] | 0x20) == 'x' && DigitValue(text[i + 2]) < 16)
            {
                numberBase = 16;
                i += 2;
            }
            else
            {
                numberBase = 8;
            }
        }

        // Accumulate the magnitude as unsigned, as glibc does, and check it against the bound of the sign.
        ulong limit = negative ? 1UL + long.MaxValue : long.MaxValue;
        ulong magnitude = 0;
        int digits = i;
        while (i < text.Length)
        {
            int digit = DigitValue(text[i]);
            if (digit >= numberBase)
            {
                break;
            }

            if (!overflow)
            {
                if (magnitude > (limit - (ulong)digit) / (ulong)numberBase)
                {
                    overflow = true;
                }
                else
                {
                    magnitude = magnitude * (ulong)numberBase + (ulong)digit;
                }
            }

            i++;
        }

        if (i == digits)
        {
            used = 0; // no digit: C's end pointer is the start of the text
            return 0;
        }

        used = i;
        if (overflow)
        {
            return negative ? long.MinValue : long.MaxValue;
        }

        return negative ? (long)(0UL - magnitude) : (long)magnitude;
    }

    private static int DigitValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'Z' => c - 'A' + 10,
        _ => 99,
    };
}
