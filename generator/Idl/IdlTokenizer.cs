using System.Collections.Generic;
using System.Threading;
using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Idl;

/// <summary>
/// Splits an IDL file into tokens the way Python does for the subset libxl uses: '#'
/// comments, strings in either quote with backslash escapes, integers, names and
/// punctuation. A newline ends a statement only outside brackets (and not after a
/// backslash), as in Python; an unclosed bracket is reported where it was opened.
/// </summary>
internal sealed class IdlTokenizer
{
    private readonly string _path;
    private readonly string _text;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly List<IdlToken> _tokens = new();
    private readonly Stack<IdlToken> _open = new();
    private int _pos;
    private int _line;
    private int _lineStart;

    private IdlTokenizer(string path, string text, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _text = text;
        _diagnostics = diagnostics;
    }

    /// <summary>The tokens of <paramref name="text"/>, always ending in <see cref="IdlTokenKind.EndOfFile"/>.</summary>
    public static List<IdlToken> Tokenize(string path, string text, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken = default)
    {
        var tokenizer = new IdlTokenizer(path, text, diagnostics);
        if (!tokenizer.CheckIsText())
        {
            tokenizer.Add(IdlTokenKind.EndOfFile, "", 0, 0, 0);
            return tokenizer._tokens;
        }

        tokenizer.Run(cancellationToken);
        return tokenizer._tokens;
    }

    /// <summary>True when a character is one no text file of this language holds.</summary>
    public static bool IsBinary(char c) =>
        (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == '\u007f' || c == '\ufffd';

    private bool CheckIsText()
    {
        int line = 0, lineStart = 0;
        for (int i = 0; i < _text.Length; i++)
        {
            char c = _text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (IsBinary(c))
            {
                string what = c == '\ufffd' ? "a byte that is not UTF-8" : "the control character U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
                _diagnostics.Add(DiagnosticInfo.Create(IdlDiagnostics.BinaryFile, LocationInfo.At(_path, i, line, i - lineStart, 1), what));
                return false;
            }
        }

        return true;
    }

    private void Run(CancellationToken cancellationToken)
    {
        while (_pos < _text.Length)
        {
            if ((_pos & 0xfff) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            char c = _text[_pos];
            switch (c)
            {
                case ' ' or '\t' or '\f' or '\r':
                    _pos++;
                    break;
                case '\n':
                    if (_open.Count == 0 && _tokens.Count > 0 && _tokens[_tokens.Count - 1].Kind != IdlTokenKind.NewLine)
                    {
                        Add(IdlTokenKind.NewLine, "\n", 0, _pos, 1);
                    }

                    NewLine(_pos + 1);
                    _pos++;
                    break;
                case '#':
                    while (_pos < _text.Length && _text[_pos] != '\n')
                    {
                        _pos++;
                    }

                    break;
                case '\\' when _pos + 1 < _text.Length && (_text[_pos + 1] == '\n' || (_text[_pos + 1] == '\r' && _pos + 2 < _text.Length && _text[_pos + 2] == '\n')):
                    // Explicit line joining: the newline after a backslash is not a token.
                    _pos = _text.IndexOf('\n', _pos) + 1;
                    NewLine(_pos);
                    break;
                case '"' or '\'':
                    ReadString(c);
                    break;
                case '(' or '[' or '{':
                    _open.Push(Add(IdlTokenKind.Punctuation, c.ToString(), 0, _pos, 1));
                    _pos++;
                    break;
                case ')' or ']' or '}':
                    Close(c);
                    break;
                case ',' or ':' or '=' or ';' or '-' or '~' or '.':
                    Add(IdlTokenKind.Punctuation, c.ToString(), 0, _pos, 1);
                    _pos++;
                    break;
                default:
                    if (c >= '0' && c <= '9')
                    {
                        ReadInteger();
                    }
                    else if (c == '_' || char.IsLetter(c))
                    {
                        int start = _pos;
                        while (_pos < _text.Length && (_text[_pos] == '_' || char.IsLetterOrDigit(_text[_pos])))
                        {
                            _pos++;
                        }

                        Add(IdlTokenKind.Name, _text.Substring(start, _pos - start), 0, start, _pos - start);
                    }
                    else
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(IdlDiagnostics.UnexpectedCharacter, At(_pos, 1), c.ToString()));
                        _pos++;
                    }

                    break;
            }
        }

        // An unterminated string has usually swallowed the closing brackets; it is the one error to report.
        bool stringSwallowedClosers = _diagnostics.Exists(d => d.Descriptor == IdlDiagnostics.UnterminatedString);
        if (_open.Count > 0 && !stringSwallowedClosers)
        {
            // The innermost bracket is the first that should have been closed; the outer ones follow from it.
            IdlToken bracket = _open.Peek();
            _diagnostics.Add(DiagnosticInfo.Create(IdlDiagnostics.MissingBracket, bracket.Location, bracket.Text, Closer(bracket.Text[0]).ToString()));
        }

        if (_tokens.Count > 0 && _tokens[_tokens.Count - 1].Kind != IdlTokenKind.NewLine)
        {
            Add(IdlTokenKind.NewLine, "", 0, _pos, 0);
        }

        Add(IdlTokenKind.EndOfFile, "", 0, _pos, 0);
    }

    private bool HasOpener(char closer)
    {
        foreach (IdlToken open in _open)
        {
            if (Closer(open.Text[0]) == closer)
            {
                return true;
            }
        }

        return false;
    }

    private static char Closer(char open) => open switch { '(' => ')', '[' => ']', _ => '}' };

    private void Close(char c)
    {
        if (_open.Count > 0 && Closer(_open.Peek().Text[0]) == c)
        {
            _open.Pop();
        }
        else if (HasOpener(c))
        {
            // The closer matches an outer bracket: the inner ones were never closed.
            while (Closer(_open.Peek().Text[0]) != c)
            {
                IdlToken inner = _open.Pop();
                _diagnostics.Add(DiagnosticInfo.Create(IdlDiagnostics.MissingBracket, inner.Location, inner.Text, Closer(inner.Text[0]).ToString()));
            }

            _open.Pop();
        }
        else
        {
            // A closer with no opener at all: report it here and keep it out of the stream.
            IdlToken found = new(IdlTokenKind.Punctuation, c.ToString(), 0, At(_pos, 1));
            _diagnostics.Add(DiagnosticInfo.Create(IdlDiagnostics.UnexpectedToken, found.Location, "a statement", found.Describe()));
            _pos++;
            return;
        }

        Add(IdlTokenKind.Punctuation, c.ToString(), 0, _pos, 1);
        _pos++;
    }

    private void ReadString(char quote)
    {
        int start = _pos;
        LocationInfo startLocation = At(start, 1);
        bool triple = _pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote;
        _pos += triple ? 3 : 1;
        var value = new System.Text.StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length || (!triple && _text[_pos] == '\n'))
            {
                _diagnostics.Add(DiagnosticInfo.Create(IdlDiagnostics.UnterminatedString, startLocation));
                _tokens.Add(new IdlToken(IdlTokenKind.String, value.ToString(), 0, startLocation));
                return;
            }

            char c = _text[_pos];
            if (c == quote && (!triple || (_pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote)))
            {
                _pos += triple ? 3 : 1;
                _tokens.Add(new IdlToken(IdlTokenKind.String, value.ToString(), 0, startLocation));
                return;
            }

            if (c == '\n')
            {
                NewLine(_pos + 1);
            }

            if (c == '\\' && _pos + 1 < _text.Length)
            {
                _pos++;
                char e = _text[_pos];
                switch (e)
                {
                    case 'n': value.Append('\n'); break;
                    case 't': value.Append('\t'); break;
                    case 'r': value.Append('\r'); break;
                    case '0': value.Append('\0'); break;
                    case '\n': NewLine(_pos + 1); break;
                    case '\\' or '\'' or '"': value.Append(e); break;
                    default: value.Append('\\').Append(e); break;
                }

                _pos++;
                continue;
            }

            value.Append(c);
            _pos++;
        }
    }

    private void ReadInteger()
    {
        int start = _pos;
        int radix = 10;
        if (_text[_pos] == '0' && _pos + 1 < _text.Length && "xXoObB".IndexOf(_text[_pos + 1]) >= 0)
        {
            char r = char.ToLowerInvariant(_text[_pos + 1]);
            radix = r == 'x' ? 16 : r == 'o' ? 8 : 2;
            _pos += 2;
        }

        int digitsStart = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }

        string text = _text.Substring(start, _pos - start);
        if (!CInteger.TryParseDigits(_text.Substring(digitsStart, _pos - digitsStart).Replace("_", ""), radix, out ulong magnitude, out bool overflow))
        {
            var descriptor = overflow ? IdlDiagnostics.IntegerTooLarge : IdlDiagnostics.UnexpectedCharacter;
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, At(start, text.Length), text));
        }

        Add(IdlTokenKind.Integer, text, magnitude, start, _pos - start);
    }

    private void NewLine(int nextLineStart)
    {
        _line++;
        _lineStart = nextLineStart;
    }

    private LocationInfo At(int offset, int length) => LocationInfo.At(_path, offset, _line, offset - _lineStart, length);

    private IdlToken Add(IdlTokenKind kind, string text, ulong integer, int offset, int length)
    {
        var token = new IdlToken(kind, text, integer, LocationInfo.At(_path, offset, _line, offset - _lineStart, length));
        _tokens.Add(token);
        return token;
    }
}
