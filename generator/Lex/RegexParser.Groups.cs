using System;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// Groups and the pattern options they carry (<c>(?isx-isx:...)</c>), what flex's pattern scanner
/// steps over between tokens (comments, and whitespace under <c>x</c>), and the nesting bound.
/// </summary>
internal sealed partial class RegexParser
{
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
}
