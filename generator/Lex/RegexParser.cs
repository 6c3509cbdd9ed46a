using System;
using System.Collections.Generic;
using System.Text;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// Reads flex's pattern language into a <see cref="RegexNode"/> tree: literals and escapes,
/// <c>"quoted"</c> text, <c>.</c>, classes (negated ones include the newline, as in flex) with
/// POSIX class names and the set operations <c>{-}</c> and <c>{+}</c>, <c>* + ? {n} {n,} {n,m}</c>,
/// <c>{NAME}</c>, <c>|</c>, groups, the pattern options <c>(?i:...)</c>, <c>(?s:...)</c>,
/// <c>(?x:...)</c> (and their <c>-</c> forms), comments <c>(?#...)</c>, and at the top level
/// <c>^</c>, <c>$</c> and one trailing-context <c>/</c>.
/// Precedence follows flex: postfix operators bind tighter than concatenation, which binds
/// tighter than <c>|</c>; a quoted string is one operand (<c>"ab"*</c> repeats "ab").
/// </summary>
internal sealed partial class RegexParser
{
    private readonly PatternDefinitions _definitions;
    private readonly HashSet<string> _expanding;
    private readonly bool _isRule;
    private readonly int _nesting;
    private string _text;
    private int _pos;
    private PatternFlags _flags;
    private int _depth;
    private bool _atLineStart;
    private bool _ruleBegun;

    private RegexParser(string text, PatternDefinitions definitions, PatternFlags flags, HashSet<string> expanding, bool isRule, int nesting)
    {
        _text = text;
        _definitions = definitions;
        _flags = flags;
        _expanding = expanding;
        _isRule = isRule;
        _nesting = nesting;
    }

    /// <summary>Parses a rule's pattern. Throws <see cref="RegexError"/> (caught by the caller) on a bad pattern.</summary>
    public static RulePattern ParseRule(string pattern, PatternDefinitions definitions, PatternFlags flags)
    {
        var parser = new RegexParser(pattern, definitions, flags, new HashSet<string>(StringComparer.Ordinal), isRule: true, nesting: 0);
        try
        {
            return parser.ParseWholeRule();
        }
        catch (RegexError error)
        {
            throw new RegexError(parser.OriginalOffset(error.Offset), error.Message, error.Kind);
        }
        catch (PatternTooLargeException tooLarge)
        {
            throw new RegexError(0, tooLarge.Message, RegexErrorKind.TooLarge);
        }
    }

    private RulePattern ParseWholeRule()
    {
        // A definition that begins with '^' anchors the rule when its reference begins the pattern.
        SkipIgnored();
        if (!_atLineStart && Peek('^'))
        {
            _atLineStart = true;
            _pos++;
        }

        _ruleBegun = true;

        RegexNode head = ParseAlternation(topLevel: true);
        RegexNode? trail = null;
        if (Peek('/'))
        {
            _pos++;
            trail = ParseAlternation(topLevel: true);
            if (Peek('/'))
            {
                throw new RegexError(_pos, "trailing context '/' used twice in one pattern");
            }
        }

        if (Peek('$'))
        {
            if (trail is not null)
            {
                throw new RegexError(_pos, "'$' cannot follow a trailing context; write the newline into the context instead");
            }

            _pos++;
            trail = new SetNode(ByteSet.Of((byte)'\n'));
        }

        if (_pos < _text.Length)
        {
            throw new RegexError(_pos, Peek(')') ? "unbalanced ')'" : "unexpected '" + _text[_pos] + "'");
        }

        return new RulePattern(head, trail, _atLineStart, IsEndOfFile: false);
    }

    private bool Peek(char c) => _pos < _text.Length && _text[_pos] == c;

    private bool PeekAt(int offset, char c) => _pos + offset < _text.Length && _text[_pos + offset] == c;

    private bool AtEnd => _pos >= _text.Length;

    private bool SkipsWhitespace => (_flags & PatternFlags.SkipWhitespace) != 0;

    /// <summary>At the top level, a '$' that ends the pattern and a '/' end the expression.</summary>
    private bool AtStop(bool topLevel)
    {
        SkipIgnored();
        return AtEnd || Peek('|') || Peek(')') || (topLevel && (Peek('/') || (Peek('$') && _pos == _text.Length - 1)));
    }

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
        while (true)
        {
            SkipIgnored();
            if (AtEnd)
            {
                return operand;
            }

            char c = _text[_pos];
            if (c == '*')
            {
                operand = RegexNodes.Repeat(operand, 0, -1);
            }
            else if (c == '+')
            {
                operand = RegexNodes.Repeat(operand, 1, -1);
            }
            else if (c == '?')
            {
                operand = RegexNodes.Repeat(operand, 0, 1);
            }
            else if (c == '{' && _pos + 1 < _text.Length && char.IsDigit(_text[_pos + 1]))
            {
                operand = ParseCount(operand);
                continue;
            }
            else
            {
                return operand;
            }

            _pos++;
        }
    }

    /// <summary>
    /// <c>{n}</c>, <c>{n,}</c>, <c>{n,m}</c>. As in flex a count must be positive (<c>{0}</c> and
    /// <c>{0,}</c> are errors; <c>{0,m}</c> is <c>{1,m}</c> made optional). Counts have no upper
    /// limit of their own: the automaton's size decides (CG2007).
    /// </summary>
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

        if (min == 0 && max <= 0)
        {
            throw new RegexError(open, "bad repeat count {" + body + "}: a count must be positive");
        }

        _pos = close + 1;
        return RegexNodes.Repeat(operand, min, max);
    }

    /// <summary>A decimal count; a number beyond int's range saturates, so it is refused by size, not misread.</summary>
    private static int ParseCountNumber(string text, int offset)
    {
        long value = 0;
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

            value = Math.Min(int.MaxValue, value * 10 + (c - '0'));
        }

        return (int)value;
    }

    private RegexNode ParseAtom()
    {
        int start = _pos;
        char c = _text[_pos];
        switch (c)
        {
            case '(':
                return ParseGroup();
            case '[':
                return new SetNode(ParseClassExpression());
            case '"':
                return ParseQuoted();
            case '.':
                _pos++;
                return new SetNode((_flags & PatternFlags.DotAll) != 0 ? ByteSet.All : ByteSet.AnyButNewline);
            case '{':
                return ParseDefinitionReference();
            case '*':
            case '+':
            case '?':
                throw new RegexError(start, "'" + c + "' has nothing before it to repeat");
            case '/':
                throw new RegexError(start, "trailing context '/' can only be used outside groups and definitions");
            case '\\':
                return Bytes(ReadEscape());
            default:
                if (char.IsWhiteSpace(c))
                {
                    // Only a definition can bring it here: flex would end the rule's pattern at it.
                    throw new RegexError(start, "whitespace ends a pattern; quote it or escape it (or use (?x:...))");
                }

                _pos++;
                return Char(c, start);
        }
    }

    private RegexNode ParseQuoted()
    {
        int start = _pos++;
        var items = new List<RegexNode>();
        while (!Peek('"'))
        {
            if (AtEnd || Peek('\n'))
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
            return new SetNode(WithOtherCase(ByteSet.Of(bytes[0]), bytes[0]));
        }

        return RegexNodes.Literal(bytes);
    }
}
