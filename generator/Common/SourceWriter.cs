using System;
using System.Globalization;
using System.Text;

namespace Colo.Gen.Generator.Common;

/// <summary>
/// An indented writer for generated C#: lines end in '\n' whatever the host, and
/// numbers go through the invariant culture, so output is the same on every machine.
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _sb = new();
    private int _indent;

    public int Indent
    {
        get => _indent;
        set => _indent = Math.Max(0, value);
    }

    /// <summary>Writes one line at the current indentation (an empty line carries no spaces).</summary>
    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _sb.Append(' ', _indent * 4);
            _sb.Append(text);
        }

        _sb.Append('\n');
        return this;
    }

    /// <summary>Writes text verbatim, without indentation or a line end.</summary>
    public SourceWriter Raw(string text)
    {
        _sb.Append(text);
        return this;
    }

    /// <summary>Writes "{" and indents; dispose the result to write "}" and dedent.</summary>
    public Block OpenBlock(string? header = null, string close = "}")
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        _indent++;
        return new Block(this, close);
    }

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => _sb.ToString();

    /// <summary>Closes a block opened by <see cref="OpenBlock"/>.</summary>
    public readonly struct Block : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string _close;

        public Block(SourceWriter writer, string close)
        {
            _writer = writer;
            _close = close;
        }

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line(_close);
        }
    }
}
