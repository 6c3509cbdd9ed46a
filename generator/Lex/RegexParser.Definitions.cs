using System;
using System.Collections.Generic;
using System.Globalization;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// <c>{NAME}</c> references. flex pastes a definition's text into the pattern: in parentheses,
/// except when the text begins with <c>^</c> or ends with <c>$</c> (flex manual, "Lex and POSIX").
/// A parenthesized definition means the same wherever it is used under the same pattern
/// options, so it is parsed once per options and the node shared (a definition used twice at
/// each of 40 levels stays 40 parses, and its size is known without expanding it). The others
/// are spliced into the text as flex does: a leading <c>^</c> anchors the rule when the reference
/// begins it (elsewhere it is an error, as in flex), and a trailing <c>$</c> is the end-of-line
/// anchor only when it ends the rule (elsewhere it is a literal '$', as in flex).
/// </summary>
internal sealed partial class RegexParser
{
    /// <summary>The spliced stretches of <see cref="_text"/>, to find self-reference and map error offsets back.</summary>
    private readonly List<Splice> _splices = new();

    /// <summary>A reference to a parenthesized definition: its node, shared by every use under the same options.</summary>
    private RegexNode ParseDefinitionReference()
    {
        int start = _pos;
        int close = _text.IndexOf('}', start);
        if (close < 0)
        {
            throw new RegexError(start, "missing '}' after '{'");
        }

        string name = _text.Substring(start + 1, close - start - 1);
        if (name is "-" or "+")
        {
            throw new RegexError(start, "'{" + name + "}' combines two character classes: write a class before and after it");
        }

        string? body = _definitions.Body(name);
        if (body is null)
        {
            throw new RegexError(start, "undefined definition {" + name + "}", RegexErrorKind.UnknownDefinition);
        }

        _pos = close + 1;
        return _definitions.Parsed(name, _flags, start, () => ParseParenthesized(start, name, body));
    }

    /// <summary>
    /// When a reference to a definition that flex pastes without parentheses is at the position,
    /// pastes it (the scan then goes on over its text) and returns true. Runs wherever the parser
    /// looks for its next token, so the text acts exactly as if written in place.
    /// </summary>
    private bool TrySplice()
    {
        if (!Peek('{') || _pos + 1 >= _text.Length || !(char.IsLetter(_text[_pos + 1]) || _text[_pos + 1] == '_'))
        {
            return false;
        }

        int close = _text.IndexOf('}', _pos);
        string? body = close < 0 ? null : _definitions.Body(_text.Substring(_pos + 1, close - _pos - 1));
        if (body is null || !(body.StartsWith("^", StringComparison.Ordinal) || body.EndsWith("$", StringComparison.Ordinal)))
        {
            return false;
        }

        SpliceDefinition(_pos, close + 1, _text.Substring(_pos + 1, close - _pos - 1), body);
        return true;
    }

    /// <summary>Parses a definition as flex's "(body)" at a reference, under the current options.</summary>
    private RegexNode ParseParenthesized(int start, string name, string body)
    {
        if (!_expanding.Add(name))
        {
            throw new RegexError(start, "definition {" + name + "} refers to itself");
        }

        Nest(start);
        try
        {
            var parser = new RegexParser(body, _definitions, _flags, _expanding, isRule: false, _nesting + _depth);
            RegexNode node = parser.ParseAlternation(topLevel: false);
            if (parser._pos < parser._text.Length)
            {
                throw new RegexError(
                    parser.OriginalOffset(parser._pos),
                    parser._text[parser._pos] == ')' ? "unbalanced ')'" : "unexpected '" + parser._text[parser._pos] + "'");
            }

            return node;
        }
        catch (RegexError inner) when (inner.Kind != RegexErrorKind.UnknownDefinition)
        {
            throw new RegexError(start, "in definition {" + name + "}: " + inner.Message, inner.Kind);
        }
        catch (PatternTooLargeException tooLarge)
        {
            throw new RegexError(start, "in definition {" + name + "}: " + tooLarge.Message, RegexErrorKind.TooLarge);
        }
        catch (RegexError inner)
        {
            throw new RegexError(start, inner.Message, inner.Kind);
        }
        finally
        {
            _depth--;
            _expanding.Remove(name);
        }
    }

    /// <summary>
    /// Replaces the reference [from, to) by the definition's text. A leading '^' there is the
    /// line-start anchor of the rule when the reference is where the rule begins.
    /// </summary>
    private void SpliceDefinition(int from, int to, string name, string body)
    {
        foreach (Splice splice in _splices)
        {
            if (splice.Name == name && splice.Start <= from && from < splice.End)
            {
                throw new RegexError(from, "definition {" + name + "} refers to itself");
            }
        }

        if (_splices.Count >= AutomatonLimits.MaxSplices)
        {
            throw new RegexError(from, "definitions are pasted into this pattern more than " + AutomatonLimits.MaxSplices.ToString(CultureInfo.InvariantCulture) + " times", RegexErrorKind.TooLarge);
        }

        if (body.StartsWith("^", StringComparison.Ordinal))
        {
            if (!_isRule || _ruleBegun || _depth != 0 || _atLineStart)
            {
                throw new RegexError(from, "definition {" + name + "} begins with '^', which anchors a rule: it can only begin a rule's pattern");
            }

            _atLineStart = true;
            body = body.Substring(1);
        }

        if (_text.Length - (to - from) + body.Length > AutomatonLimits.MaxExpandedPatternLength)
        {
            throw new RegexError(from, "definitions expand this pattern beyond " + AutomatonLimits.MaxExpandedPatternLength.ToString(CultureInfo.InvariantCulture) + " characters", RegexErrorKind.TooLarge);
        }

        int delta = body.Length - (to - from);
        bool outermost = true;
        for (int i = 0; i < _splices.Count; i++)
        {
            Splice s = _splices[i];
            outermost &= !(s.Start <= from && from < s.End);
            _splices[i] = s with { Start = s.Start > from ? s.Start + delta : s.Start, End = s.End > from ? s.End + delta : s.End };
        }

        _splices.Add(new Splice(from, from + body.Length, name, outermost ? OriginalOffset(from) : -1, to - from, outermost));
        _text = _text.Substring(0, from) + body + _text.Substring(to);
        _pos = from;
    }

    /// <summary>Where an offset of the (spliced) text was in the pattern as written: inside a spliced definition, its reference.</summary>
    private int OriginalOffset(int offset)
    {
        int original = offset;
        foreach (Splice s in _splices)
        {
            if (!s.Outermost)
            {
                continue;
            }

            if (s.Start <= offset && offset < s.End)
            {
                return s.ReferenceOffset;
            }

            if (s.End <= offset)
            {
                original -= (s.End - s.Start) - s.ReferenceLength;
            }
        }

        return original;
    }

    /// <summary>A definition's text pasted at [Start, End) in place of a reference that was ReferenceLength long (at ReferenceOffset as written, when outermost).</summary>
    private sealed record Splice(int Start, int End, string Name, int ReferenceOffset, int ReferenceLength, bool Outermost);
}
