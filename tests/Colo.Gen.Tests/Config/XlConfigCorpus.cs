using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Colo.Gen.Tests.Config;

/// <summary>
/// Inputs for the differential tests: Xen's example configs (TestData/xl-examples, copied from
/// Xen 4.17's tools/examples), configs made at random from the grammar of libxlu_cfg_y.y (mostly
/// valid, with libxlutil's corner cases in strings and numbers), and byte-level mutations of them.
/// Every input stays far below the 16 KB at which flex's buffers would matter.
/// </summary>
public static class XlConfigCorpus
{
    private static readonly string[] Names = ["a", "b", "disk", "name", "type", "builder", "memory", "x.y", "v_1", "vif9"];

    private static readonly string[] Numbers =
    [
        "0", "1", "42", "0x1f", "0X1F", "010", "08", "1x", "0xg", "0x", "00", "123abc", "9223372036854775807",
        "9223372036854775808", "99999999999999999999", "0xffffffffffffffff", "100", "101", "5",
    ];

    private static readonly string[] StringPieces =
    [
        "abc", "format=raw,vdev=hda,target=/dev/vg/guest", "vdev=xvda,target=/images/d.img", " ", "  12", "-5", "+7",
        "0x10", "-0x10", "\\n", "\\t", "\\\\", "\\'", "\\\"", "\\a", "\\b", "\\f", "\\r", "\\v", "é", "\U0001F600",
        "hvm", "pv", "pvh", "generic", "h", "", "#", "[", "]", ",", "=", "+=", ";", "1", "x y",
    ];

    private static readonly string[] RareStringPieces =
    [
        "\\x41", "\\q", "\\0", "\\12", "\\123", "\\1234", "\\7 9", "\\1+2", "\\1-", "\\8", "\\ ", "\\1\t3",
    ];

    private static readonly string[] Troubles =
    [
        "$", "1.5", "(", ")", "\r", "=", "]", "[", "'open", "\"open", "+", "-", ":", "@", "A", "\u00e9", ",", "+=", ";;", "\t",
    ];

    private static readonly byte[] MutationBytes =
    [
        (byte)'\'', (byte)'"', (byte)'[', (byte)']', (byte)'\\', (byte)'\r', (byte)'\t', (byte)'#', (byte)'+', (byte)'=',
        (byte)',', (byte)';', (byte)'\n', (byte)' ', 0xC3, 0xA9, 0xFF, 0x80, (byte)'x', (byte)'0', (byte)'.', (byte)'a', 0x00,
    ];

    /// <summary>Xen's example configs: (file name, path).</summary>
    public static IEnumerable<(string Name, string Path)> XenExamples()
    {
        string folder = System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "xl-examples");
        foreach (string path in Directory.GetFiles(folder, "xlexample.*"))
        {
            yield return (System.IO.Path.GetFileName(path), path);
        }
    }

    /// <summary>A random config from the grammar; about one in eight holds a deliberate error.</summary>
    public static byte[] RandomConfig(Random random)
    {
        var text = new StringBuilder();
        int statements = random.Next(1, 9);
        for (int i = 0; i < statements; i++)
        {
            switch (random.Next(12))
            {
                case 0:
                    text.Append('\n');
                    break;
                case 1:
                    text.Append("# ").Append(Pick(random, StringPieces)).Append('\n');
                    break;
                case 2:
                    text.Append(';');
                    break;
                default:
                    Assignment(random, text);
                    bool last = i == statements - 1;
                    text.Append(random.Next(10) switch
                    {
                        0 => ";",
                        1 => ";\n",
                        2 => " # " + Pick(random, StringPieces) + "\n",
                        3 when last => "",
                        4 when last => " # " + Pick(random, StringPieces) + " #", // a last comment with no newline
                        _ => "\n",
                    });
                    break;
            }

            if (random.Next(16) == 0)
            {
                text.Insert(random.Next(text.Length + 1), Pick(random, Troubles));
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>1 to 4 byte-level changes to <paramref name="valid"/>: inserted, replaced and deleted bytes, a repeated run.</summary>
    public static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = new List<byte>(valid);
        int changes = random.Next(1, 5);
        for (int i = 0; i < changes; i++)
        {
            int at = random.Next(bytes.Count + 1);
            switch (random.Next(4))
            {
                case 0:
                    bytes.Insert(at, Pick(random, MutationBytes));
                    break;
                case 1 when at < bytes.Count:
                    bytes[at] = Pick(random, MutationBytes);
                    break;
                case 2 when at < bytes.Count:
                    bytes.RemoveAt(at);
                    break;
                default:
                    int length = Math.Min(random.Next(1, 12), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
            }
        }

        return bytes.ToArray();
    }

    private static void Assignment(Random random, StringBuilder text)
    {
        Blanks(random, text);
        text.Append(random.Next(8) == 0 ? RandomName(random) : Pick(random, Names));
        Blanks(random, text);
        text.Append(random.Next(5) == 0 ? "+=" : "=");
        Blanks(random, text);
        Value(random, text, depth: 0);
        Blanks(random, text);
    }

    private static void Value(Random random, StringBuilder text, int depth)
    {
        int kind = random.Next(10);
        if (kind < 3 || depth > 2 && kind < 9)
        {
            text.Append(Pick(random, Numbers));
        }
        else if (kind < 7 || depth > 2)
        {
            QuotedString(random, text);
        }
        else
        {
            text.Append('[');
            OptionalNewlines(random, text);
            int items = random.Next(0, 5);
            for (int i = 0; i < items; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                    OptionalNewlines(random, text);
                }

                Blanks(random, text);
                Value(random, text, depth + 1);
                OptionalNewlines(random, text);
            }

            if (items > 0 && random.Next(3) == 0)
            {
                text.Append(',');
                OptionalNewlines(random, text);
            }

            text.Append(']');
        }
    }

    private static void QuotedString(Random random, StringBuilder text)
    {
        char quote = random.Next(2) == 0 ? '\'' : '"';
        text.Append(quote);
        int pieces = random.Next(0, 4);
        for (int i = 0; i < pieces; i++)
        {
            string piece = random.Next(12) == 0 ? Pick(random, RareStringPieces) : Pick(random, StringPieces);
            if (piece.Contains(quote, StringComparison.Ordinal) && !piece.StartsWith('\\'))
            {
                piece = "q";
            }

            text.Append(piece);
        }

        text.Append(quote);
    }

    private static void OptionalNewlines(Random random, StringBuilder text)
    {
        while (random.Next(4) == 0)
        {
            text.Append(random.Next(3) == 0 ? " # in a list\n" : "\n");
        }

        Blanks(random, text);
    }

    private static void Blanks(Random random, StringBuilder text)
    {
        while (random.Next(3) == 0)
        {
            text.Append(random.Next(3) == 0 ? '\t' : ' ');
        }
    }

    private static string RandomName(Random random)
    {
        const string First = "abcdefghijklmnopqrstuvwxyz";
        const string Rest = "abcdefghijklmnopqrstuvwxyz0123456789._";
        var name = new StringBuilder().Append(First[random.Next(First.Length)]);
        int length = random.Next(0, 6);
        for (int i = 0; i < length; i++)
        {
            name.Append(Rest[random.Next(Rest.Length)]);
        }

        return name.ToString();
    }

    private static T Pick<T>(Random random, T[] choices) => choices[random.Next(choices.Length)];
}
