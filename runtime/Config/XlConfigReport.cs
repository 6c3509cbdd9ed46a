using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Colo.Gen.Config;

/// <summary>
/// What libxlutil's parse context keeps about errors while a file is read (<c>ctx->err</c>,
/// <c>ctx->lexerrlineno</c>) and the lines its <c>xlu__cfg_yyerror</c> writes to the report.
/// </summary>
internal sealed class XlConfigReport
{
    private readonly string source;
    private readonly List<string> messages;
    private int lexicalErrorLine = -1;

    public XlConfigReport(string source, List<string> messages)
    {
        this.source = source;
        this.messages = messages;
    }

    /// <summary>True once any error was reported: from then on nothing more is stored (libxlutil's <c>ctx->err</c>).</summary>
    public bool Failed { get; private set; }

    /// <summary>Marks the read as failed without a message (an error whose message was already suppressed).</summary>
    public void Fail() => Failed = true;

    /// <summary>
    /// libxlutil's yyerror: <c>SOURCE:LINE: config parsing error near `TEXT': MESSAGE</c>, where TEXT
    /// is the scanner's current token. A token ending in a newline counts on the line before and
    /// loses the newline (a bare newline prints as <c>&lt;newline&gt;</c> with no quotes); trailing
    /// blanks are dropped; C's <c>%.*s</c> stops at a NUL byte. Nothing is written for a line at
    /// or before the last lexical error's line, so one bad line gives one message.
    /// </summary>
    public void Error(int line, ReadOnlySpan<byte> text, string message)
    {
        if (line <= lexicalErrorLine)
        {
            return;
        }

        int length = text.Length;
        string newline = "";
        if (length > 0 && text[length - 1] == '\n')
        {
            length--;
            line--;
            if (length == 0)
            {
                newline = "<newline>";
            }
        }

        while (length > 0 && (text[length - 1] == '\t' || text[length - 1] == ' '))
        {
            length--;
        }

        ReadOnlySpan<byte> shown = text[..length];
        int nul = shown.IndexOf((byte)0);
        if (nul >= 0)
        {
            shown = shown[..nul];
        }

        var entry = new StringBuilder(source.Length + shown.Length + message.Length + 48);
        entry.Append(source).Append(':').Append(line.ToString(CultureInfo.InvariantCulture)).Append(": config parsing error near ");
        if (length > 0)
        {
            entry.Append('`');
            XlConfigText.AppendRendered(entry, shown);
            entry.Append('\'');
        }

        entry.Append(newline).Append(": ").Append(message);
        messages.Add(entry.ToString());
        Failed = true;
    }

    /// <summary>libxlutil's lexical error: reported as <see cref="Error"/> does, then later errors up to this line are quiet.</summary>
    public void LexicalError(int line, ReadOnlySpan<byte> text, string message)
    {
        Error(line, text, message);
        lexicalErrorLine = line;
        Failed = true;
    }

    /// <summary>The three warning lines libxlutil adds when a file that failed held Python's characters.</summary>
    public void LikelyPython()
    {
        messages.Add("warning: Config file looks like it contains Python code.");
        messages.Add("warning:  Arbitrary Python is no longer supported.");
        messages.Add("warning:  See https://wiki.xen.org/wiki/PythonInXlConfig");
    }
}
