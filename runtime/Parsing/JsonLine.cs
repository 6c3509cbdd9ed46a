using System;
using System.Buffers;
using System.IO;
using System.Text;

namespace Colo.Gen;

/// <summary>
/// The line contract between the libxlutil oracle and <c>colo-disk parse --jsonl</c>: a disk
/// as libxl's JSON with the whitespace between tokens removed, or the error lines as a JSON
/// array of strings escaped the way yajl escapes them.
/// </summary>
internal static class JsonLine
{
    private static readonly SearchValues<char> NeedEscape = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    /// <summary>The line for one parse result, without a newline.</summary>
    public static string Format(DiskParseResult result)
    {
        var line = new StringWriter(new StringBuilder(256));
        Write(line, result);
        return line.ToString();
    }

    /// <summary>
    /// Writes the line for one parse result, without a newline. Error lines go out piece by piece
    /// from their <see cref="DiskSpecError"/> values, so no line (each quotes its whole spec) is built in memory.
    /// </summary>
    public static void Write(TextWriter writer, DiskParseResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (result.Succeeded)
        {
            var compact = new StringBuilder(256);
            compact.Append("{\"disk\": ");
            AppendCompact(compact, result.Disk.ToJson());
            compact.Append('}');
            writer.Write(compact);
            return;
        }

        writer.Write("{\"errors\": [");
        if (result.ErrorList is not DiskSpecErrors errors)
        {
            // default(DiskParseResult): no parse happened, so there is no disk and nothing to report.
            writer.Write("]}");
            return;
        }

        for (int i = 0; i < errors.Kept.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write('"');
            errors.Kept[i].Write(writer, json: true);
            writer.Write('"');
        }

        if (errors.Omitted > 0)
        {
            if (errors.Kept.Count > 0)
            {
                writer.Write(',');
            }

            writer.Write('"');
            WriteEscaped(writer, errors.OmittedLine());
            writer.Write('"');
        }

        writer.Write("]}");
    }

    /// <summary>Appends <paramref name="json"/> without the spaces, tabs and newlines outside its strings.</summary>
    public static void AppendCompact(StringBuilder line, string json)
    {
        bool inString = false, escaped = false;
        foreach (char c in json)
        {
            if (inString)
            {
                line.Append(c);
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                line.Append(c);
            }
            else if (c is not (' ' or '\n' or '\t' or '\r'))
            {
                line.Append(c);
            }
        }
    }

    /// <summary>Appends a JSON string as yajl writes it: \" \\ \b \f \n \r \t, other controls as \u00XX.</summary>
    public static void AppendString(StringBuilder line, string text)
    {
        var writer = new StringWriter(line);
        writer.Write('"');
        WriteEscaped(writer, text);
        writer.Write('"');
    }

    /// <summary>
    /// Writes the inside of a JSON string as yajl escapes it: \" \\ \b \f \n \r \t, other characters
    /// below U+0020 as \u00XX (upper-case hex), everything else as it is. Runs that need no escape go
    /// out in one write.
    /// </summary>
    public static void WriteEscaped(TextWriter writer, ReadOnlySpan<char> text)
    {
        const string Hex = "0123456789ABCDEF";
        while (!text.IsEmpty)
        {
            int at = text.IndexOfAny(NeedEscape);
            if (at < 0)
            {
                writer.Write(text);
                return;
            }

            writer.Write(text[..at]);
            char c = text[at];
            switch (c)
            {
                case '"': writer.Write("\\\""); break;
                case '\\': writer.Write("\\\\"); break;
                case '\b': writer.Write("\\b"); break;
                case '\f': writer.Write("\\f"); break;
                case '\n': writer.Write("\\n"); break;
                case '\r': writer.Write("\\r"); break;
                case '\t': writer.Write("\\t"); break;
                default:
                    writer.Write("\\u00");
                    writer.Write(Hex[c >> 4]);
                    writer.Write(Hex[c & 15]);
                    break;
            }

            text = text[(at + 1)..];
        }
    }
}
