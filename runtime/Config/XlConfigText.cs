using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Unicode;

namespace Colo.Gen.Config;

/// <summary>
/// How the bytes of a configuration file are shown as text, in messages and in the JSON form of
/// values. libxlutil works on bytes and prints them raw; a .NET string cannot hold bytes that are
/// not UTF-8, and replacing them with U+FFFD would change the user's data silently, so they are
/// written out visibly instead. tests/native/xlcfg-oracle shows libxlutil's output the same way.
/// </summary>
public static class XlConfigText
{
    private const string Hex = "0123456789ABCDEF";

    /// <summary>
    /// <paramref name="bytes"/> as text for a message: each valid UTF-8 sequence as its character,
    /// each byte that does not start one as <c>\xNN</c> (upper-case hex).
    /// </summary>
    public static string Render(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var text = new StringBuilder(bytes.Length + 16);
        AppendRendered(text, bytes);
        return text.ToString();
    }

    /// <summary>Appends <paramref name="bytes"/> rendered as <see cref="Render"/> does.</summary>
    public static void AppendRendered(StringBuilder text, ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out Rune rune, out int consumed) == OperationStatus.Done)
            {
                text.Append(rune.ToString());
            }
            else
            {
                consumed = 1;
                text.Append("\\x").Append(Hex[bytes[0] >> 4]).Append(Hex[bytes[0] & 15]);
            }

            bytes = bytes[consumed..];
        }
    }

    /// <summary>
    /// The value as one line of JSON: a string as a JSON string escaped as yajl escapes (<c>\" \\ \b
    /// \f \n \r \t</c>, other bytes below 0x20 as <c>\u00XX</c>, everything else as it is); a string
    /// that is not valid UTF-8 as <c>{"hex": "6162ff"}</c> (its bytes, lower-case hex); a list as
    /// <c>[ITEM, ITEM]</c> (a comma and a space between items).
    /// </summary>
    public static string Json(XlConfigValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var json = new StringBuilder();
        AppendJson(json, value);
        return json.ToString();
    }

    /// <summary>Appends the JSON form of <paramref name="value"/> (see <see cref="Json"/>); lists nest without recursion.</summary>
    public static void AppendJson(StringBuilder json, XlConfigValue value)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(value);
        var open = new Stack<(XlConfigValue List, int Next)>();
        XlConfigValue? current = value;
        while (true)
        {
            if (current is not null)
            {
                if (current.Kind == XlConfigValueKind.String)
                {
                    AppendJsonString(json, current.Bytes.Span);
                }
                else
                {
                    json.Append('[');
                    open.Push((current, 0));
                }

                current = null;
            }

            if (open.Count == 0)
            {
                return;
            }

            (XlConfigValue list, int next) = open.Pop();
            if (next == list.Items.Count)
            {
                json.Append(']');
                continue;
            }

            if (next > 0)
            {
                json.Append(", ");
            }

            open.Push((list, next + 1));
            current = list.Items[next];
        }
    }

    private static void AppendJsonString(StringBuilder json, ReadOnlySpan<byte> bytes)
    {
        if (!Utf8.IsValid(bytes))
        {
            json.Append("{\"hex\": \"").Append(Convert.ToHexStringLower(bytes)).Append("\"}");
            return;
        }

        json.Append('"');
        foreach (char c in Encoding.UTF8.GetString(bytes))
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        json.Append("\\u00").Append(Hex[c >> 4]).Append(Hex[c & 15]);
                    }
                    else
                    {
                        json.Append(c);
                    }

                    break;
            }
        }

        json.Append('"');
    }
}
