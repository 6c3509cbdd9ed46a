using System;
using System.Text;

namespace Colo.Gen.Config;

/// <summary>
/// How the bytes of a configuration file are shown as text in messages (a value's JSON form is
/// <see cref="XlConfigValue.WriteJson"/>). libxlutil works on bytes and prints them raw; a .NET string cannot hold bytes that are
/// not UTF-8, and replacing them with U+FFFD would change the user's data silently, so they are
/// written out visibly instead. tests/native/xlcfg-oracle shows libxlutil's output the same way.
/// </summary>
public static class XlConfigText
{
    /// <summary>
    /// <paramref name="bytes"/> as text for a message: each valid UTF-8 sequence as its character,
    /// each byte that does not start one as <c>\xNN</c> (upper-case hex).
    /// </summary>
    public static string Render(ReadOnlySpan<byte> bytes) => Utf8Text.Show(bytes);

    /// <summary>Appends <paramref name="bytes"/> rendered as <see cref="Render"/> does.</summary>
    public static void AppendRendered(StringBuilder text, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        Utf8Text.AppendShown(text, bytes);
    }
}
