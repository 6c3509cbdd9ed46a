using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Unicode;

namespace Colo.Gen.Config;

/// <summary>
/// Writes a configuration value as the one-line JSON <c>colo-disk config</c> prints and
/// tests/native/xlcfg-oracle prints for libxlutil (<see cref="XlConfigValue.WriteJson"/> says the form).
/// Everything goes straight to the writer in small pieces: a value's bytes are decoded a chunk at a
/// time, never into one string, because the values of a <c>+=</c> chain together can be far longer
/// than the file (each is the whole string joined so far), and printing all of them must not
/// allocate in proportion to that.
/// </summary>
internal static class XlConfigJson
{
    /// <summary>Bytes decoded (or hex-encoded) per piece: small enough for the stack.</summary>
    private const int ChunkBytes = 256;

    /// <summary>Writes <paramref name="value"/>'s JSON; lists nest without recursion.</summary>
    public static void Write(TextWriter writer, XlConfigValue value)
    {
        if (value.Kind == XlConfigValueKind.String)
        {
            WriteString(writer, value.Bytes.Span);
            return;
        }

        var open = new Stack<(XlConfigValue List, int Next)>();
        writer.Write('[');
        open.Push((value, 0));
        while (open.TryPop(out (XlConfigValue List, int Next) top))
        {
            (XlConfigValue list, int next) = top;
            if (next == list.Items.Count)
            {
                writer.Write(']');
                continue;
            }

            if (next > 0)
            {
                writer.Write(", ");
            }

            open.Push((list, next + 1));
            XlConfigValue item = list.Items[next];
            if (item.Kind == XlConfigValueKind.String)
            {
                WriteString(writer, item.Bytes.Span);
            }
            else
            {
                writer.Write('[');
                open.Push((item, 0));
            }
        }
    }

    /// <summary>A string: a JSON string when its bytes are UTF-8 (escaped as yajl escapes), else <c>{"hex": "..."}</c>.</summary>
    private static void WriteString(TextWriter writer, ReadOnlySpan<byte> bytes)
    {
        if (!Utf8.IsValid(bytes))
        {
            writer.Write("{\"hex\": \"");
            Span<char> hex = stackalloc char[2 * ChunkBytes];
            while (!bytes.IsEmpty)
            {
                ReadOnlySpan<byte> piece = bytes[..Math.Min(ChunkBytes, bytes.Length)];
                Convert.TryToHexStringLower(piece, hex, out int written);
                writer.Write(hex[..written]);
                bytes = bytes[piece.Length..];
            }

            writer.Write("\"}");
            return;
        }

        writer.Write('"');
        Span<char> chars = stackalloc char[ChunkBytes];
        while (!bytes.IsEmpty)
        {
            // Valid UTF-8 (checked above), so this stops only where the chunk is full, and never inside a
            // character: the next round starts at a character's first byte.
            Utf8.ToUtf16(bytes, chars, out int read, out int written, replaceInvalidSequences: false);
            JsonLine.WriteEscaped(writer, chars[..written]);
            bytes = bytes[read..];
        }

        writer.Write('"');
    }
}
