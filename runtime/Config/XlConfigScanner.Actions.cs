using System;
using System.Text;

namespace Colo.Gen.Config;

/// <summary>
/// The hand-written half of the configuration-file scanner generated from grammar/xl_cfg.l: the
/// token's value and line (flex's yylval and yylloc as libxlutil fills them), the line count, the
/// "likely Python" flag, and libxlutil's string dequoting.
/// </summary>
internal sealed partial class XlConfigScanner
{
    private XlConfigReport report = null!;
    private bool atEnd;

    /// <summary>The line libxlutil gives the last token returned (its <c>yylloc->first_line</c>).</summary>
    public int TokenLine { get; private set; }

    /// <summary>
    /// The last token's value: an IDENT's name (a string: names are ASCII), a NUMBER's or a decoded
    /// STRING's bytes; null for other tokens, and once the read has failed (libxlutil stops copying then).
    /// </summary>
    public object? TokenValue { get; private set; }

    /// <summary>True once a character of Python syntax (<c>+ - . ( ) :</c>, and ',' inside the class) started a lexical error.</summary>
    public bool LikelyPython { get; private set; }

    /// <summary>
    /// True once a '#' was found with no newline after it: the rest of the input is its last line,
    /// scanned in the condition lastline (grammar/xl_cfg.l says why).
    /// </summary>
    private bool InLastLine { get; set; }

    /// <summary>Starts scanning a whole file; errors go to <paramref name="errors"/>.</summary>
    public void Start(ReadOnlySpan<byte> content, XlConfigReport errors)
    {
        SetInput(content);
        report = errors;
        TokenLine = 1;
        TokenValue = null;
        LikelyPython = false;
        InLastLine = false;
        atEnd = false;
    }

    /// <summary>Lets go of the read's report and last value, so a scanner kept for reuse holds nothing of it.</summary>
    public void Release()
    {
        report = null!;
        TokenValue = null;
    }

    /// <summary>
    /// The scanner's current text (flex's yytext), which libxlutil's error messages quote. At the end
    /// of the input flex's yytext is the text kept by yymore, if any, followed by the NUL that marks
    /// the end of its buffer, so a message there quotes it as <c>`'</c> (or <c>`$'</c> after a stray <c>$</c>).
    /// </summary>
    public ReadOnlySpan<byte> CurrentText => atEnd ? (byte[])[.. TextSpan, 0] : TextSpan;

    /// <summary>The next token (0 at the end of the input), as <see cref="Lex"/>, remembering whether the end was reached.</summary>
    public int NextToken()
    {
        int token = Lex();
        atEnd = token <= 0;
        return token;
    }

    private int Token(XlConfigToken token)
    {
        TokenValue = report.Failed ? null
            : token == XlConfigToken.Ident ? Encoding.ASCII.GetString(TextSpan)
            : token == XlConfigToken.Number ? TextSpan.ToArray()
            : null;
        TokenLine = LineNumber;
        return (int)token;
    }

    private int NewlineToken(int line)
    {
        TokenValue = null;
        TokenLine = line;
        return (int)XlConfigToken.Newline;
    }

    private int QuotedString()
    {
        TokenValue = report.Failed ? null : Dequote(TextSpan);
        TokenLine = LineNumber;
        return (int)XlConfigToken.String;
    }

    private void LexicalError(string message) => report.LexicalError(LineNumber, TextSpan, message);

    /// <summary>
    /// libxlutil's xlu__cfgl_dequote: the text between the quotes with <c>\" \' \\ \a \b \f \n \r \t \v</c>
    /// decoded. Its other escapes are broken and kept broken, because files that work with xl rely on
    /// what it does: <c>\x</c> is always an error (it skips the character after the x and then demands
    /// more than two hex digits of the next two); <c>\</c> and an octal digit reads the next three
    /// characters as a decimal number (blanks and a sign allowed), needs at least two of them used,
    /// skips them and writes nothing. Any other escape is an error ("backlash" is libxlutil's word).
    /// An error is a lexical error at the token and fails the read.
    /// </summary>
    private byte[]? Dequote(ReadOnlySpan<byte> quoted)
    {
        if (quoted.IndexOf((byte)0) >= 0)
        {
            // libxlutil measures the token with strlen, so a NUL inside the quotes makes it fail an
            // assertion and abort the whole program; this reader reports it instead.
            LexicalError("NUL byte in quoted string");
            return null;
        }

        ReadOnlySpan<byte> body = quoted[1..^1];
        if (body.IndexOf((byte)'\\') < 0)
        {
            return body.ToArray(); // no escapes: the bytes as they are
        }

        byte[] result = new byte[body.Length];
        int written = 0;
        int p = 0;
        while (p < body.Length)
        {
            byte c = body[p++];
            if (c != '\\')
            {
                result[written++] = c;
                continue;
            }

            byte escaped = body[p++]; // the token's pattern puts a character after every backslash
            byte? decoded = escaped switch
            {
                (byte)'"' or (byte)'\'' or (byte)'\\' => escaped,
                (byte)'a' => 7,
                (byte)'b' => 8,
                (byte)'f' => 12,
                (byte)'n' => 10,
                (byte)'r' => 13,
                (byte)'t' => 9,
                (byte)'v' => 11,
                _ => null,
            };
            if (decoded is byte value)
            {
                result[written++] = value;
            }
            else if (escaped == 'x')
            {
                LexicalError("invalid digit after backslash hexnumerical character escape in quoted string");
                return null;
            }
            else if (escaped is >= (byte)'0' and <= (byte)'7')
            {
                // strtoul(base 10) over the next three characters of the token (the closing quote
                // among them, if it is that close); the number itself is thrown away.
                ReadOnlySpan<byte> window = quoted[(1 + p)..];
                int used = DecimalPrefixLength(window[..Math.Min(3, window.Length)]);
                if (used <= 1)
                {
                    LexicalError("invalid digit after backslash octalnumerical character escape in quoted string");
                    return null;
                }

                p += used;
            }
            else
            {
                LexicalError("invalid character after backlash in quoted string");
                return null;
            }
        }

        return result.AsSpan(0, written).ToArray();
    }

    /// <summary>How many bytes C's strtoul(base 10) reads from <paramref name="text"/>: 0 when it finds no digit.</summary>
    private static int DecimalPrefixLength(ReadOnlySpan<byte> text)
    {
        int i = 0;
        while (i < text.Length && text[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r')
        {
            i++;
        }

        if (i < text.Length && text[i] is (byte)'+' or (byte)'-')
        {
            i++;
        }

        int digits = i;
        while (i < text.Length && text[i] is >= (byte)'0' and <= (byte)'9')
        {
            i++;
        }

        return i == digits ? 0 : i;
    }
}
