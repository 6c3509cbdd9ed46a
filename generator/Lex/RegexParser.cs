using System;
using System.Collections.Generic;
using System.Text;

namespace Colo.Gen.Generator.Lex;

/// <summary>Why a pattern could not be read, and where in the pattern (0-based char offset).</summary>
internal sealed class RegexError : Exception
{
    public RegexError(int offset, string message, bool unknownDefinition = false)
        : base(message)
    {
        Offset = offset;
        IsUnknownDefinition = unknownDefinition;
    }

    public int Offset { get; }

    public bool IsUnknownDefinition { get; }
}

/// <summary>
/// Reads flex's pattern language into a <see cref="RegexNode"/> tree: literals and escapes,
/// <c>"quoted"</c> text, <c>.</c>, classes (negated ones include the newline, as in flex),
/// POSIX class names, <c>* + ? {n} {n,} {n,m}</c>, <c>{NAME}</c>, <c>|</c>, groups, and at the
/// top level <c>^</c>, <c>$</c> and one trailing-context <c>/</c>.
/// Precedence follows flex: postfix operators bind tighter than concatenation, which binds
/// tighter than <c>|</c>; a quoted string is one operand (<c>"ab"*</c> repeats "ab").
/// </summary>
internal sealed partial class RegexParser
{
    private const int MaxRepeat = 1000;

    private readonly string _text;
    private readonly Func<string, string?> _definitions;
    private readonly bool _caseless;
    private readonly HashSet<string> _expanding;
    private int _pos;

    private RegexParser(string text, Func<string, string?> definitions, bool caseless, HashSet<string> expanding)
    {
        _text = text;
        _definitions = definitions;
        _caseless = caseless;
        _expanding = expanding;
    }

    /// <summary>Parses a rule's pattern. Throws <see cref="RegexError"/> (caught by the caller) on a bad pattern.</summary>
    public static RulePattern ParseRule(string pattern, Func<string, string?> definitions, bool caseless)
    {
        var parser = new RegexParser(pattern, definitions, caseless, new HashSet<string>(StringComparer.Ordinal));
        bool bol = false;
        if (parser.Peek('^'))
        {
            bol = true;
            parser._pos++;
        }

        RegexNode head = parser.ParseAlternation(topLevel: true);
        RegexNode? trail = null;
        if (parser.Peek('/'))
        {
            parser._pos++;
            trail = parser.ParseAlternation(topLevel: true);
            if (parser.Peek('/'))
            {
                throw new RegexError(parser._pos, "trailing context '/' used twice in one pattern");
            }
        }

        if (parser.Peek('$'))
        {
            if (trail is not null)
            {
                throw new RegexError(parser._pos, "'$' cannot follow a trailing context; write the newline into the context instead");
            }

            parser._pos++;
            trail = new SetNode(ByteSet.Of((byte)'\n'));
        }

        if (parser._pos < pattern.Length)
        {
            throw new RegexError(parser._pos, parser.Peek(')') ? "unbalanced ')'" : "unexpected '" + pattern[parser._pos] + "'");
        }

        return new RulePattern(head, trail, bol, IsEndOfFile: false);
    }

    private static RegexNode ParseDefinition(string name, string text, Func<string, string?> definitions, bool caseless, HashSet<string> expanding)
    {
        var parser = new RegexParser(text, definitions, caseless, expanding);
        RegexNode node = parser.ParseAlternation(topLevel: false);
        if (parser._pos < text.Length)
        {
            throw new RegexError(0, "definition '" + name + "' is not a complete pattern (unexpected '" + text[parser._pos] + "')");
        }

        return node;
    }

    private bool Peek(char c) => _pos < _text.Length && _text[_pos] == c;

    private bool AtEnd => _pos >= _text.Length;

    /// <summary>At the top level, a '$' that ends the pattern and a '/' end the expression.</summary>
    private bool AtStop(bool topLevel) =>
        AtEnd || Peek('|') || Peek(')') || (topLevel && (Peek('/') || (Peek('$') && _pos == _text.Length - 1)));

    private RegexNode ParseAlternation(bool topLevel)
    {
        var items = new List<RegexNode> { ParseConcatenation(topLevel) };
        while (Peek('|'))
        {
            _pos++;
            items.Add(ParseConcatenation(topLevel));
        }

        return RegexNodes.Alt(items.ToArray());
    }

    private RegexNode ParseConcatenation(bool topLevel)
    {
        var items = new List<RegexNode>();
        while (!AtStop(topLevel))
        {
            items.Add(ParsePostfix(ParseAtom()));
        }

        return RegexNodes.Concat(items.ToArray());
    }

    private RegexNode ParsePostfix(RegexNode operand)
    {
        while (!AtEnd)
        {
            char c = _text[_pos];
            if (c == '*')
            {
                operand = new RepeatNode(operand, 0, -1);
            }
            else if (c == '+')
            {
                operand = new RepeatNode(operand, 1, -1);
            }
            else if (c == '?')
            {
                operand = new RepeatNode(operand, 0, 1);
            }
            else if (c == '{' && _pos + 1 < _text.Length && char.IsDigit(_text[_pos + 1]))
            {
                operand = ParseCount(operand);
                continue;
            }
            else
            {
                break;
            }

            _pos++;
        }

        return operand;
    }

    private RegexNode ParseCount(RegexNode operand)
    {
        int open = _pos;
        int close = _text.IndexOf('}', open);
        if (close < 0)
        {
            throw new RegexError(open, "missing '}' after a repeat count");
        }

        string body = _text.Substring(open + 1, close - open - 1);
        int comma = body.IndexOf(',');
        int min, max;
        if (comma < 0)
        {
            min = max = ParseCountNumber(body, open);
        }
        else
        {
            min = ParseCountNumber(body.Substring(0, comma), open);
            string upper = body.Substring(comma + 1);
            max = upper.Length == 0 ? -1 : ParseCountNumber(upper, open);
        }

        if (max >= 0 && max < min)
        {
            throw new RegexError(open, "bad repeat count {" + body + "}: the upper bound is below the lower bound");
        }

        _pos = close + 1;
        return new RepeatNode(operand, min, max);
    }

    private static int ParseCountNumber(string text, int offset)
    {
        int value = 0;
        if (text.Length == 0)
        {
            throw new RegexError(offset, "bad repeat count: a number is missing");
        }

        foreach (char c in text)
        {
            if (c < '0' || c > '9')
            {
                throw new RegexError(offset, "bad repeat count: '" + text + "' is not a number");
            }

            value = value * 10 + (c - '0');
            if (value > MaxRepeat)
            {
                throw new RegexError(offset, "repeat count above " + MaxRepeat + " (the automaton would be too large)");
            }
        }

        return value;
    }

    private RegexNode ParseAtom()
    {
        int start = _pos;
        char c = _text[_pos];
        switch (c)
        {
            case '(':
            {
                _pos++;
                RegexNode inner = ParseAlternation(topLevel: false);
                if (!Peek(')'))
                {
                    throw new RegexError(start, "missing ')' for the '(' here");
                }

                _pos++;
                return inner;
            }

            case '[':
                return new SetNode(Fold(ParseClass()));
            case '"':
                return ParseQuoted();
            case '.':
                _pos++;
                return new SetNode(ByteSet.AnyButNewline);
            case '{':
                return ParseDefinitionReference();
            case '*':
            case '+':
            case '?':
                throw new RegexError(start, "'" + c + "' has nothing before it to repeat");
            case '\\':
                return Bytes(ReadEscape());
            default:
                _pos++;
                return Char(c, start);
        }
    }

    private RegexNode ParseDefinitionReference()
    {
        int start = _pos;
        int close = _text.IndexOf('}', start);
        if (close < 0)
        {
            throw new RegexError(start, "missing '}' after '{'");
        }

        string name = _text.Substring(start + 1, close - start - 1);
        string? body = _definitions(name);
        if (body is null)
        {
            throw new RegexError(start, "undefined definition {" + name + "}", unknownDefinition: true);
        }

        if (!_expanding.Add(name))
        {
            throw new RegexError(start, "definition {" + name + "} refers to itself");
        }

        try
        {
            RegexNode node = ParseDefinition(name, body, _definitions, _caseless, _expanding);
            _pos = close + 1;
            return node;
        }
        catch (RegexError inner) when (!inner.IsUnknownDefinition)
        {
            throw new RegexError(start, "in definition {" + name + "}: " + inner.Message);
        }
        catch (RegexError inner)
        {
            throw new RegexError(start, inner.Message, unknownDefinition: true);
        }
        finally
        {
            _expanding.Remove(name);
        }
    }

    private RegexNode ParseQuoted()
    {
        int start = _pos++;
        var items = new List<RegexNode>();
        while (!Peek('"'))
        {
            if (AtEnd)
            {
                throw new RegexError(start, "missing closing '\"'");
            }

            if (Peek('\\'))
            {
                items.Add(Bytes(ReadEscape()));
            }
            else
            {
                int at = _pos++;
                items.Add(Char(_text[at], at));
            }
        }

        _pos++;
        return RegexNodes.Concat(items.ToArray());
    }

    private RegexNode Char(char c, int offset)
    {
        if (char.IsSurrogate(c))
        {
            if (char.IsHighSurrogate(c) && offset + 1 < _text.Length && char.IsLowSurrogate(_text[offset + 1]))
            {
                _pos = offset + 2;
                return Bytes(Encoding.UTF8.GetBytes(_text.Substring(offset, 2)));
            }

            throw new RegexError(offset, "a lone UTF-16 surrogate is not a character");
        }

        return Bytes(Encoding.UTF8.GetBytes(c.ToString()));
    }

    private RegexNode Bytes(byte[] bytes)
    {
        if (bytes.Length == 1)
        {
            return new SetNode(Fold(ByteSet.Of(bytes[0])));
        }

        return RegexNodes.Literal(bytes);
    }

    private ByteSet Fold(ByteSet set) => _caseless ? set.CaseFolded() : set;
}
