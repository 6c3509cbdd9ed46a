using System;

namespace Colo.Gen.Generator.Idl;

/// <summary>
/// Integers as the IDL and its init values write them: Python literals in the file, and C
/// integer expressions in init_val strings ("-1", "0x20", "~0U", "1UL").
/// </summary>
internal static class CInteger
{
    /// <summary>Parses digits in a radix into a 64-bit magnitude.</summary>
    public static bool TryParseDigits(string digits, int radix, out ulong value, out bool overflow)
    {
        value = 0;
        overflow = false;
        if (digits.Length == 0)
        {
            return false;
        }

        foreach (char c in digits)
        {
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
            if (d >= radix)
            {
                return false;
            }

            ulong next = unchecked((value * (ulong)radix) + (ulong)d);
            if (value > (ulong.MaxValue - (ulong)d) / (ulong)radix)
            {
                overflow = true;
                return false;
            }

            value = next;
        }

        return true;
    }

    /// <summary>
    /// Evaluates a C integer constant with an optional leading '-' or '~' and U/L suffixes.
    /// The result is the 64-bit two's complement pattern; '~' on a constant without an L
    /// suffix works on 32 bits, as C's unsigned int does.
    /// </summary>
    public static bool TryEvaluate(string text, out long value)
    {
        value = 0;
        string s = text.Trim();
        if (s.Length >= 2 && s[0] == '(' && s[s.Length - 1] == ')')
        {
            s = s.Substring(1, s.Length - 2).Trim();
        }

        char op = s.Length > 0 && (s[0] == '-' || s[0] == '~') ? s[0] : '\0';
        if (op != '\0')
        {
            s = s.Substring(1).Trim();
        }

        int end = s.Length;
        bool isLong = false;
        while (end > 0 && "uUlL".IndexOf(s[end - 1]) >= 0)
        {
            isLong |= s[end - 1] == 'l' || s[end - 1] == 'L';
            end--;
        }

        string digits = s.Substring(0, end);
        int radix = 10;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            radix = 16;
            digits = digits.Substring(2);
        }
        else if (digits.Length > 1 && digits[0] == '0')
        {
            radix = 8;
        }

        if (!TryParseDigits(digits, radix, out ulong magnitude, out _))
        {
            return false;
        }

        value = op switch
        {
            '-' => unchecked(-(long)magnitude),
            '~' => isLong || magnitude > uint.MaxValue ? unchecked((long)~magnitude) : (long)(~(uint)magnitude),
            _ => unchecked((long)magnitude),
        };
        return true;
    }
}
