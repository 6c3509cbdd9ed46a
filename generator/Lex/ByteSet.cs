using System;
using System.Text;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// A set of input bytes (0..255): what one regex position can match. Scanners read
/// UTF-8 bytes, as flex's 8-bit scanners read chars, so every set lives in this range.
/// </summary>
internal readonly struct ByteSet : IEquatable<ByteSet>
{
    private readonly ulong _w0, _w1, _w2, _w3;

    private ByteSet(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        _w0 = w0;
        _w1 = w1;
        _w2 = w2;
        _w3 = w3;
    }

    public static ByteSet Empty => default;

    public static ByteSet All => new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    /// <summary>flex's <c>.</c>: every byte but the newline.</summary>
    public static ByteSet AnyButNewline => All.Without((byte)'\n');

    public static ByteSet Of(byte b) => Empty.With(b);

    public static ByteSet Range(int from, int to)
    {
        ByteSet set = Empty;
        for (int b = Math.Max(0, from); b <= Math.Min(255, to); b++)
        {
            set = set.With((byte)b);
        }

        return set;
    }

    public bool IsEmpty => (_w0 | _w1 | _w2 | _w3) == 0;

    public bool Contains(byte b) => (Word(b >> 6) & (1UL << (b & 63))) != 0;

    public ByteSet With(byte b) => Set(b, true);

    public ByteSet Without(byte b) => Set(b, false);

    public ByteSet Union(ByteSet other) => new(_w0 | other._w0, _w1 | other._w1, _w2 | other._w2, _w3 | other._w3);

    public ByteSet Complement() => new(~_w0, ~_w1, ~_w2, ~_w3);

    /// <summary>The bytes of this set that are not in <paramref name="other"/> (flex's <c>{-}</c>).</summary>
    public ByteSet Except(ByteSet other) => new(_w0 & ~other._w0, _w1 & ~other._w1, _w2 & ~other._w2, _w3 & ~other._w3);

    /// <summary>Adds the other case of every ASCII letter in the set (flex's caseless scanning).</summary>
    public ByteSet CaseFolded()
    {
        ByteSet set = this;
        for (int c = 'a'; c <= 'z'; c++)
        {
            if (Contains((byte)c) || Contains((byte)(c - 32)))
            {
                set = set.With((byte)c).With((byte)(c - 32));
            }
        }

        return set;
    }

    public int Count
    {
        get
        {
            int n = 0;
            for (int b = 0; b < 256; b++)
            {
                if (Contains((byte)b))
                {
                    n++;
                }
            }

            return n;
        }
    }

    public bool Equals(ByteSet other) => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

    public override bool Equals(object? obj) => obj is ByteSet other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            ulong h = _w0 * 31 + _w1;
            h = h * 31 + _w2;
            h = h * 31 + _w3;
            return (int)h ^ (int)(h >> 32);
        }
    }

    /// <summary>A readable form for test output: <c>[a-z\n]</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("[");
        int b = 0;
        while (b < 256)
        {
            if (!Contains((byte)b))
            {
                b++;
                continue;
            }

            int end = b;
            while (end + 1 < 256 && Contains((byte)(end + 1)))
            {
                end++;
            }

            Append(sb, b);
            if (end > b)
            {
                sb.Append('-');
                Append(sb, end);
            }

            b = end + 1;
        }

        return sb.Append(']').ToString();
    }

    private static void Append(StringBuilder sb, int b)
    {
        if (b > 32 && b < 127 && b != '\\' && b != ']' && b != '-')
        {
            sb.Append((char)b);
        }
        else
        {
            sb.Append("\\x").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private ulong Word(int i) => i switch { 0 => _w0, 1 => _w1, 2 => _w2, _ => _w3 };

    private ByteSet Set(byte b, bool on)
    {
        ulong bit = 1UL << (b & 63);
        ulong w0 = _w0, w1 = _w1, w2 = _w2, w3 = _w3;
        switch (b >> 6)
        {
            case 0: w0 = on ? w0 | bit : w0 & ~bit; break;
            case 1: w1 = on ? w1 | bit : w1 & ~bit; break;
            case 2: w2 = on ? w2 | bit : w2 & ~bit; break;
            default: w3 = on ? w3 | bit : w3 & ~bit; break;
        }

        return new ByteSet(w0, w1, w2, w3);
    }
}
