using System;
using System.Collections.Generic;
using System.Text;

namespace Colo.Gen.Generator.Lex;

/// <summary>What kind of problem a <see cref="RegexError"/> is, which decides its diagnostic.</summary>
internal enum RegexErrorKind
{
    /// <summary>Not a pattern flex accepts (CG2001).</summary>
    Syntax,

    /// <summary>A <c>{NAME}</c> with no definition (CG2002).</summary>
    UnknownDefinition,

    /// <summary>Beyond <see cref="AutomatonLimits"/> (CG2007).</summary>
    TooLarge,
}

/// <summary>Why a pattern could not be read, and where in the pattern (0-based char offset).</summary>
internal sealed class RegexError : Exception
{
    public RegexError(int offset, string message, RegexErrorKind kind = RegexErrorKind.Syntax)
        : base(message)
    {
        Offset = offset;
        Kind = kind;
    }

    public int Offset { get; }

    public RegexErrorKind Kind { get; }
}

/// <summary>
/// The flags flex's <c>(?isx-isx:...)</c> groups set for the text they enclose (and
/// <c>%option caseless</c> for all patterns): letters match both cases, <c>.</c> matches every
/// byte, whitespace and <c>/* */</c> comments are skipped.
/// </summary>
[Flags]
internal enum PatternFlags
{
    None = 0,
    CaseInsensitive = 1,
    DotAll = 2,
    SkipWhitespace = 4,
}

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

    /// <summary>
    /// Steps over what flex's pattern scanner discards between tokens: <c>(?#...)</c> comments
    /// always (they end at the first ')'), and inside <c>(?x:...)</c> whitespace, newlines and
    /// <c>/* */</c> comments. References to definitions flex pastes without parentheses are
    /// pasted here, before the next token is looked at.
    /// </summary>
    private void SkipIgnored()
    {
        while (!AtEnd)
        {
            if (Peek('(') && PeekAt(1, '?') && PeekAt(2, '#'))
            {
                int close = _text.IndexOf(')', _pos + 3);
                if (close < 0)
                {
                    throw new RegexError(_pos, "the comment '(?#' has no closing ')'");
                }

                _pos = close + 1;
            }
            else if (SkipsWhitespace && char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }
            else if (SkipsWhitespace && Peek('/') && PeekAt(1, '*'))
            {
                int close = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    throw new RegexError(_pos, "the comment '/*' has no closing '*/'");
                }

                _pos = close + 2;
            }
            else if (!TrySplice())
            {
                return;
            }
        }
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

    /// <summary>A group: <c>( )</c>, or <c>(?flags:...)</c> / <c>(?-flags:...)</c> whose flags hold up to its ')'.</summary>
    private RegexNode ParseGroup()
    {
        int start = _pos++;
        PatternFlags outer = _flags;
        if (Peek('?'))
        {
            _pos++;
            bool clear = false;
            while (!Peek(':'))
            {
                if (AtEnd)
                {
                    throw new RegexError(start, "missing ':' after the options of '(?'");
                }

                char option = _text[_pos];
                PatternFlags flag = option switch
                {
                    'i' => PatternFlags.CaseInsensitive,
                    's' => PatternFlags.DotAll,
                    'x' => PatternFlags.SkipWhitespace,
                    _ => PatternFlags.None,
                };
                if (option == '-' && !clear)
                {
                    clear = true;
                }
                else if (flag == PatternFlags.None)
                {
                    throw new RegexError(_pos, "'" + option + "' is not a pattern option: '(?' takes i, s, x, then '-' and i, s, x, then ':'");
                }
                else
                {
                    _flags = clear ? _flags & ~flag : _flags | flag;
                }

                _pos++;
            }

            _pos++;
        }

        Nest(start);
        RegexNode inner = ParseAlternation(topLevel: false);
        _depth--;
        _flags = outer;
        if (!Peek(')'))
        {
            throw new RegexError(start, "missing ')' for the '(' here");
        }

        _pos++;
        return inner;
    }

    /// <summary>One level deeper (a group or a definition); refused beyond <see cref="AutomatonLimits.MaxNesting"/>, which bounds every recursion over the pattern.</summary>
    private void Nest(int offset)
    {
        if (++_depth + _nesting > AutomatonLimits.MaxNesting)
        {
            throw new RegexError(offset, "groups and definitions nest more than " + AutomatonLimits.MaxNesting + " deep", RegexErrorKind.TooLarge);
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
