using System;
using System.Text;

namespace Colo.Gen.Generator.Lex;

/// <summary>Character classes, POSIX class names and backslash escapes.</summary>
internal sealed partial class RegexParser
{
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
            if (AtEnd)
            {
                throw new RegexError(start, "missing ']' for the character class here");
            }

            if (Peek(']') && !first)
            {
                _pos++;
                break;
            }

            first = false;
            if (Peek('[') && _pos + 1 < _text.Length && _text[_pos + 1] == ':')
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
            }
            else
            {
                set = set.With(low);
            }
        }

        if (negated)
        {
            // flex: a negated class matches every byte not listed, the newline included.
            return Fold(set).Complement();
        }

        return set;
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

        ByteSet set = PosixClass(name, _caseless) ?? throw new RegexError(start, "unknown character class [:" + name + ":]");
        _pos = end + 2;
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

                return Encoding.UTF8.GetBytes(c.ToString());
        }
    }
}
