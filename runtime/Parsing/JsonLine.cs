using System.Text;

namespace Colo.Gen;

/// <summary>
/// The line contract between the libxlutil oracle and <c>colo-disk parse --jsonl</c>: a disk
/// as libxl's JSON with the whitespace between tokens removed, or the error lines as a JSON
/// array of strings escaped the way yajl escapes them.
/// </summary>
internal static class JsonLine
{
    /// <summary>The line for one parse result, without a newline.</summary>
    public static string Format(DiskParseResult result)
    {
        var line = new StringBuilder(256);
        if (result.Succeeded)
        {
            line.Append("{\"disk\": ");
            AppendCompact(line, result.Disk.ToJson());
            line.Append('}');
            return line.ToString();
        }

        line.Append("{\"errors\": [");
        for (int i = 0; i < result.Errors.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            AppendString(line, result.Errors[i]);
        }

        line.Append("]}");
        return line.ToString();
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
        const string Hex = "0123456789ABCDEF";
        line.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': line.Append("\\\""); break;
                case '\\': line.Append("\\\\"); break;
                case '\b': line.Append("\\b"); break;
                case '\f': line.Append("\\f"); break;
                case '\n': line.Append("\\n"); break;
                case '\r': line.Append("\\r"); break;
                case '\t': line.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        line.Append("\\u00").Append(Hex[c >> 4]).Append(Hex[c & 15]);
                    }
                    else
                    {
                        line.Append(c);
                    }

                    break;
            }
        }

        line.Append('"');
    }
}
