using System;
using System.Text;

namespace Colo.Gen.Generator.Lex;

/// <summary>Character classes, their set operations, POSIX class names and backslash escapes.</summary>
internal sealed partial class RegexParser
{
    private bool CaseInsensitive => (_flags & PatternFlags.CaseInsensitive) != 0;

    /// <summary>
    /// A class, or classes combined left to right with flex's <c>{-}</c> (difference) and
    /// <c>{+}</c> (union). The union is the true union of the two sets, a negated class
    /// included; flex 2.6.4 unions only the characters the two classes list, ignoring a
    /// <c>^</c> (docs/scanner.md).
    /// </summary>
    private ByteSet ParseClassExpression()
    {
        ByteSet set = ParseClass();
        while (true)
        {
            SkipIgnored();
            bool difference = Peek('{') && PeekAt(1, '-') && PeekAt(2, '}');
            bool union = Peek('{') && PeekAt(1, '+') && PeekAt(2, '}');
            if (!difference && !union)
            {
                return set;
            }

            int at = _pos;
            _pos += 3;
            SkipIgnored();
            if (!Peek('['))
            {
                throw new RegexError(at, "'{" + (difference ? "-" : "+") + "}' must be followed by a character class");
            }

            ByteSet other = ParseClass();
            set = difference ? set.Except(other) : set.Union(other);
        }
    }

    /// <summary>
    /// One bracketed class. Under case-insensitivity flex adds the other case of each letter
    /// listed, of each range whose two ends are letters (the range between their other cases),
    /// and of <c>[:lower:]</c>/<c>[:upper:]</c>; <c>[:^lower:]</c> and <c>[:^upper:]</c> then add
    /// nothing (flex warns that they are ambiguous). A negated class is then complemented.
    /// </summary>
    private ByteSet ParseClass()
    {
        int start = _pos++;
        bool negated = false;
        if (Peek('^'))
        {
            negated = true;
            _pos++;
        }

        ByteSet set = ByteSet.Empty;
        bool first = true;
        while (true)
        {
            if (AtEnd || Peek('\n'))
            {
                throw new RegexError(start, "missing ']' for the character class here");
            }

            if (Peek(']') && !first)
            {
                _pos++;
                break;
            }

            first = false;
            if (Peek('[') && PeekAt(1, ':'))
            {
                set = set.Union(ParsePosixClass());
                continue;
            }

            int lowOffset = _pos;
            byte low = ClassMember();
            if (Peek('-') && _pos + 1 < _text.Length && _text[_pos + 1] != ']')
            {
                _pos++;
                byte high = ClassMember();
                if (high < low)
                {
                    throw new RegexError(lowOffset, "negative range in character class");
                }

                set = set.Union(ByteSet.Range(low, high));
                if (CaseInsensitive && HasCase(low) && HasCase(high) && OtherCase(low) <= OtherCase(high))
                {
                    set = set.Union(ByteSet.Range(OtherCase(low), OtherCase(high)));
                }
            }
            else
            {
                set = WithOtherCase(set.With(low), low);
            }
        }

        // flex: a negated class matches every byte not listed, the newline included.
        return negated ? set.Complement() : set;
    }

    private ByteSet ParsePosixClass()
    {
        int start = _pos;
        int end = _text.IndexOf(":]", start + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new RegexError(start, "missing ':]' after '[:'");
        }

        string name = _text.Substring(start + 2, end - start - 2);
        bool negate = name.StartsWith("^", StringComparison.Ordinal);
        if (negate)
        {
            name = name.Substring(1);
        }

        ByteSet set = PosixClass(name, CaseInsensitive) ?? throw new RegexError(start, "unknown character class [:" + name + ":]");
        _pos = end + 2;
        if (negate && CaseInsensitive && name is "lower" or "upper")
        {
            return ByteSet.Empty;
        }

        return negate ? set.Complement() : set;
    }

    private static ByteSet? PosixClass(string name, bool caseless)
    {
        ByteSet Where(Func<char, bool> test)
        {
            ByteSet s = ByteSet.Empty;
            for (int b = 0; b < 128; b++)
            {
                if (test((char)b))
                {
                    s = s.With((byte)b);
                }
            }

            return s;
        }

        bool IsUpper(char c) => c >= 'A' && c <= 'Z';
        bool IsLower(char c) => c >= 'a' && c <= 'z';
        bool IsDigit(char c) => c >= '0' && c <= '9';
        bool IsPrint(char c) => c >= 0x20 && c < 0x7f;
        return name switch
        {
            "alnum" => Where(c => IsUpper(c) || IsLower(c) || IsDigit(c)),
            "alpha" => Where(c => IsUpper(c) || IsLower(c)),
            "blank" => Where(c => c == ' ' || c == '\t'),
            "cntrl" => Where(c => c < 0x20 || c == 0x7f),
            "digit" => Where(IsDigit),
            "graph" => Where(c => IsPrint(c) && c != ' '),
            "lower" => Where(c => IsLower(c) || (caseless && IsUpper(c))),
            "print" => Where(IsPrint),
            "punct" => Where(c => IsPrint(c) && c != ' ' && !IsUpper(c) && !IsLower(c) && !IsDigit(c)),
            "space" => Where(c => c == ' ' || (c >= '\t' && c <= '\r')),
            "upper" => Where(c => IsUpper(c) || (caseless && IsLower(c))),
            "xdigit" => Where(c => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')),
            _ => null,
        };
    }

    /// <summary>Adds the other case of <paramref name="b"/> when the pattern is case-insensitive and it is an ASCII letter (flex's has_case).</summary>
    private ByteSet WithOtherCase(ByteSet set, byte b) => CaseInsensitive && HasCase(b) ? set.With(OtherCase(b)) : set;

    private static bool HasCase(byte b) => (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');

    private static byte OtherCase(byte b) => b >= 'a' && b <= 'z' ? (byte)(b - 32) : b >= 'A' && b <= 'Z' ? (byte)(b + 32) : b;

    private byte ClassMember()
    {
        int at = _pos;
        if (Peek('\\'))
        {
            byte[] bytes = ReadEscape();
            return bytes[0];
        }

        char c = _text[_pos++];
        if (c > 0x7f)
        {
            throw new RegexError(at, "'" + c + "' is more than one byte in UTF-8 and cannot be one member of a class; list its bytes as \\xNN");
        }

        return (byte)c;
    }

    /// <summary>Reads a backslash escape: <c>\n \t \r \f \v \a \b</c>, octal <c>\NNN</c>, hex <c>\xNN</c>, else the char itself.</summary>
    private byte[] ReadEscape()
    {
        int start = _pos++;
        if (AtEnd)
        {
            throw new RegexError(start, "the pattern ends in a lone '\\'");
        }

        char c = _text[_pos++];
        switch (c)
        {
            case 'n': return new[] { (byte)'\n' };
            case 't': return new[] { (byte)'\t' };
            case 'r': return new[] { (byte)'\r' };
            case 'f': return new[] { (byte)'\f' };
            case 'v': return new[] { (byte)'\v' };
            case 'a': return new[] { (byte)7 };
            case 'b': return new[] { (byte)8 };
            case 'x':
            {
                int value = 0, digits = 0;
                while (digits < 2 && !AtEnd && Uri.IsHexDigit(_text[_pos]))
                {
                    value = value * 16 + Convert.ToInt32(_text[_pos].ToString(), 16);
                    _pos++;
                    digits++;
                }

                if (digits == 0)
                {
                    throw new RegexError(start, "'\\x' needs a hexadecimal digit after it");
                }

                return new[] { (byte)value };
            }

            default:
                if (c >= '0' && c <= '7')
                {
                    int value = c - '0', digits = 1;
                    while (digits < 3 && !AtEnd && _text[_pos] >= '0' && _text[_pos] <= '7')
                    {
                        value = value * 8 + (_text[_pos++] - '0');
                        digits++;
                    }

                    if (value > 255)
                    {
                        throw new RegexError(start, "octal escape above \\377");
                    }

                    return new[] { (byte)value };
                }

                if (char.IsSurrogate(c))
                {
                    throw new RegexError(start, "'\\' before a character outside the BMP: write its bytes as \\xNN");
                }

                return Encoding.UTF8.GetBytes(c.ToString());
        }
    }
}
