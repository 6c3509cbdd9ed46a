using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text;

namespace Colo.Gen;

/// <summary>
/// How text that is not valid Unicode is found and shown, so that no user byte or character is
/// ever replaced silently by U+FFFD: a byte that is not part of a whole UTF-8 character is shown as
/// <c>\xNN</c>, a lone UTF-16 surrogate as <c>\uXXXX</c> (upper-case hex, as yajl writes its escapes).
/// </summary>
internal static class Utf8Text
{
    /// <summary>The index of the first lone surrogate in <paramref name="text"/>, or -1 when it is valid UTF-16.</summary>
    public static int LoneSurrogateIndex(ReadOnlySpan<char> text)
    {
        // Nearly every spec has no surrogate at all: one vectorized search answers for it.
        int i = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0)
        {
            return -1;
        }

        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++; // a pair is one character
                continue;
            }

            return i;
        }

        return -1;
    }

    /// <summary>The escape a lone surrogate is shown as: <c>\uD800</c>.</summary>
    public static string ShowSurrogate(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>
    /// The text of <paramref name="utf8"/> with every byte that does not belong to a whole, valid
    /// UTF-8 character shown as <c>\xNN</c> (the bytes of one broken sequence each get their own escape).
    /// </summary>
    public static string Show(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var text = new StringBuilder(utf8.Length + 16);
        AppendShown(text, utf8);
        return text.ToString();
    }

    /// <summary>
    /// The broken sequence that starts at <paramref name="invalidAt"/> (<see cref="InvalidUtf8Index"/>),
    /// shown as <see cref="Show"/> shows it: the text an error puts after <c>near</c>.
    /// </summary>
    public static string ShowBrokenAt(ReadOnlySpan<byte> utf8, int invalidAt)
    {
        Rune.DecodeFromUtf8(utf8[invalidAt..], out _, out int broken);
        return Show(utf8.Slice(invalidAt, Math.Max(broken, 1)));
    }

    /// <summary>Appends <paramref name="utf8"/> to <paramref name="text"/> as <see cref="Show"/> gives it.</summary>
    public static void AppendShown(StringBuilder text, ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = stackalloc char[2];
        while (!utf8.IsEmpty)
        {
            OperationStatus status = Rune.DecodeFromUtf8(utf8, out Rune rune, out int consumed);
            if (status == OperationStatus.Done)
            {
                text.Append(chars[..rune.EncodeToUtf16(chars)]);
            }
            else
            {
                foreach (byte b in utf8[..consumed])
                {
                    text.Append("\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }

            utf8 = utf8[consumed..];
        }
    }

    /// <summary>
    /// The index of the first byte of <paramref name="utf8"/> that is not part of a valid UTF-8
    /// character, or -1 when all of it is valid.
    /// </summary>
    public static int InvalidUtf8Index(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return -1;
        }

        int at = 0;
        while (at < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[at..], out _, out int consumed) != OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return -1;
    }

    /// <summary>
    /// Writes <paramref name="text"/> with each lone surrogate as <c>\uXXXX</c> (a UTF-8 writer
    /// would otherwise put U+FFFD in its place), as plain text or JSON-escaped.
    /// </summary>
    public static void WriteShowingLoneSurrogates(TextWriter writer, string text, bool json)
    {
        ReadOnlySpan<char> rest = text;
        while (true)
        {
            int bad = LoneSurrogateIndex(rest);
            ReadOnlySpan<char> run = bad < 0 ? rest : rest[..bad];
            if (json)
            {
                JsonLine.WriteEscaped(writer, run);
            }
            else
            {
                writer.Write(run);
            }

            if (bad < 0)
            {
                return;
            }

            string shown = ShowSurrogate(rest[bad]);
            if (json)
            {
                JsonLine.WriteEscaped(writer, shown);
            }
            else
            {
                writer.Write(shown);
            }

            rest = rest[(bad + 1)..];
        }
    }
}
