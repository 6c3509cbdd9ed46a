using System;
using System.Collections.Generic;
using System.Threading;
using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Idl;

/// <summary>
/// Recursive-descent parser for the statements libxl's IDL is made of:
/// <c>name = expr</c> and bare expressions, where an expression is a name, a string,
/// an integer (optionally negative), a call with positional and keyword arguments,
/// a tuple, a list or a dict; trailing commas are allowed everywhere Python allows them.
/// A syntax error is reported and the parser resumes at the next statement.
/// </summary>
internal sealed class IdlParser
{
    private readonly List<IdlToken> _tokens;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly bool _bracketsBroken;
    private int _pos;
    private int _depth;
    private int _statementLine;
    private readonly HashSet<int> _linesWithTokenErrors = new();

    private const int MaxDepth = 100;

    private IdlParser(List<IdlToken> tokens, List<DiagnosticInfo> diagnostics)
    {
        _tokens = tokens;
        _diagnostics = diagnostics;
        _bracketsBroken = diagnostics.Exists(d => d.Descriptor == IdlDiagnostics.MissingBracket);
        foreach (DiagnosticInfo d in diagnostics)
        {
            _linesWithTokenErrors.Add(d.Location?.LineSpan.Start.Line ?? 0);
        }
    }

    /// <summary>Tokenizes and parses one file. Never throws for any input.</summary>
    public static IdlSyntaxFile Parse(string path, string text, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken = default)
    {
        List<IdlToken> tokens = IdlTokenizer.Tokenize(path, text, diagnostics, cancellationToken);
        var parser = new IdlParser(tokens, diagnostics);
        var statements = new List<IdlStatement>();
        while (parser.Current.Kind != IdlTokenKind.EndOfFile)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (parser.Current.Kind == IdlTokenKind.NewLine || parser.Current.Is(";"))
            {
                parser._pos++;
                continue;
            }

            try
            {
                statements.Add(parser.ParseStatement());
            }
            catch (SyntaxError)
            {
                parser.SkipStatement();
            }
        }

        return new IdlSyntaxFile(path, statements.ToEquatableArray());
    }

    private IdlToken Current => _tokens[_pos];

    private IdlStatement ParseStatement()
    {
        IdlToken first = Current;
        _statementLine = first.Location.LineSpan.Start.Line;
        string? target = null;
        if (first.Kind == IdlTokenKind.Name && _tokens[_pos + 1].Is("="))
        {
            target = first.Text;
            _pos += 2;
        }

        IdlExpr value = ParseExpression();
        if (Current.Kind != IdlTokenKind.NewLine && !Current.Is(";") && Current.Kind != IdlTokenKind.EndOfFile)
        {
            Fail("end of statement");
        }

        return new IdlStatement(target, value, first.Location);
    }

    private IdlExpr ParseExpression()
    {
        if (_depth >= MaxDepth)
        {
            // Deeper nesting than any IDL needs: stop before the stack does.
            Fail("at most " + MaxDepth + " levels of nesting");
        }

        _depth++;
        try
        {
            return ParsePostfix();
        }
        finally
        {
            _depth--;
        }
    }

    private IdlExpr ParsePostfix()
    {
        IdlExpr expr = ParsePrimary();
        while (Current.Is("(") || Current.Is("."))
        {
            if (Current.Is("."))
            {
                // Attribute access (idl.Struct) names the attribute; the IDL's scope is flat.
                _pos++;
                IdlToken name = Expect(IdlTokenKind.Name, "a name after '.'");
                expr = new IdlNameExpr(name.Text, name.Location);
                continue;
            }

            expr = ParseCall(expr);
        }

        return expr;
    }

    private IdlExpr ParseCall(IdlExpr callee)
    {
        IdlToken open = Current;
        _pos++;
        var args = new List<IdlExpr>();
        var keywords = new List<IdlKeywordArgument>();
        while (!Current.Is(")"))
        {
            if (Current.Kind == IdlTokenKind.Name && _tokens[_pos + 1].Is("="))
            {
                IdlToken name = Current;
                _pos += 2;
                keywords.Add(new IdlKeywordArgument(name.Text, ParseExpression(), name.Location));
            }
            else
            {
                if (keywords.Count > 0)
                {
                    Fail("a keyword argument (positional arguments come first)");
                }

                args.Add(ParseExpression());
            }

            if (!Current.Is(","))
            {
                break;
            }

            _pos++;
        }

        ExpectPunctuation(")");
        return new IdlCallExpr(callee, args.ToEquatableArray(), keywords.ToEquatableArray(), open.Location);
    }

    private IdlExpr ParsePrimary()
    {
        IdlToken token = Current;
        switch (token.Kind)
        {
            case IdlTokenKind.Name:
                _pos++;
                return new IdlNameExpr(token.Text, token.Location);
            case IdlTokenKind.String:
                var text = new System.Text.StringBuilder();
                while (Current.Kind == IdlTokenKind.String)
                {
                    text.Append(Current.Text);
                    _pos++;
                }

                return new IdlStringExpr(text.ToString(), token.Location);
            case IdlTokenKind.Integer:
                _pos++;
                return new IdlIntegerExpr(unchecked((long)token.Integer), token.Text, token.Location);
        }

        if (token.Is("-"))
        {
            _pos++;
            IdlToken number = Expect(IdlTokenKind.Integer, "an integer after '-'");
            return new IdlIntegerExpr(unchecked(-(long)number.Integer), "-" + number.Text, token.Location);
        }

        if (token.Is("("))
        {
            _pos++;
            List<IdlExpr> items = ParseItems(")", out bool sawComma);
            return items.Count == 1 && !sawComma ? items[0] : new IdlTupleExpr(items.ToEquatableArray(), token.Location);
        }

        if (token.Is("["))
        {
            _pos++;
            return new IdlListExpr(ParseItems("]", out _).ToEquatableArray(), token.Location);
        }

        if (token.Is("{"))
        {
            _pos++;
            var entries = new List<IdlDictEntry>();
            while (!Current.Is("}"))
            {
                IdlExpr key = ParseExpression();
                ExpectPunctuation(":");
                entries.Add(new IdlDictEntry(key, ParseExpression()));
                if (!Current.Is(","))
                {
                    break;
                }

                _pos++;
            }

            ExpectPunctuation("}");
            return new IdlDictExpr(entries.ToEquatableArray(), token.Location);
        }

        Fail("an expression");
        return null!;
    }

    private List<IdlExpr> ParseItems(string close, out bool sawComma)
    {
        var items = new List<IdlExpr>();
        sawComma = false;
        while (!Current.Is(close))
        {
            items.Add(ParseExpression());
            if (!Current.Is(","))
            {
                break;
            }

            sawComma = true;
            _pos++;
        }

        ExpectPunctuation(close);
        return items;
    }

    private IdlToken Expect(IdlTokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            Fail(what);
        }

        return _tokens[_pos++];
    }

    private void ExpectPunctuation(string punctuation)
    {
        if (!Current.Is(punctuation))
        {
            Fail("'" + punctuation + "'");
        }

        _pos++;
    }

    private void Fail(string expected)
    {
        IdlToken found = Current;
        bool lexicalErrorInStatement = false;
        for (int line = _statementLine; line <= found.Location.LineSpan.Start.Line; line++)
        {
            lexicalErrorInStatement |= _linesWithTokenErrors.Contains(line);
        }

        if (!_bracketsBroken && !lexicalErrorInStatement)
        {
            // A bracket error or a bad character already explains why the tokens that follow make no sense.
            _diagnostics.Add(DiagnosticInfo.Create(IdlDiagnostics.UnexpectedToken, found.Location, expected, found.Describe()));
        }

        throw new SyntaxError();
    }

    private void SkipStatement()
    {
        while (Current.Kind != IdlTokenKind.NewLine && Current.Kind != IdlTokenKind.EndOfFile)
        {
            _pos++;
        }
    }

    /// <summary>Unwinds the descent to the statement loop; never escapes <see cref="Parse"/>.</summary>
    private sealed class SyntaxError : Exception
    {
    }
}
