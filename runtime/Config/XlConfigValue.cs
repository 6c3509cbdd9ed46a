using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Unicode;

namespace Colo.Gen.Config;

/// <summary>
/// A value in an xl configuration file: a string (quoted text or a number, both kept as the bytes
/// libxlutil keeps) or a list of values, which may nest.
/// </summary>
public sealed class XlConfigValue
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly bool isList;
    private readonly int length;
    private byte[]? bytes;
    private byte[]? ownBytes;
    private XlConfigValue? earlier;
    private List<XlConfigValue>? items;
    private string? text;

    private XlConfigValue(byte[] bytes, int line)
    {
        this.bytes = bytes;
        length = bytes.Length;
        Line = line;
    }

    private XlConfigValue(List<XlConfigValue> items, int line)
    {
        isList = true;
        this.items = items;
        Line = line;
    }

    /// <summary>A string joined by <c>+=</c>: the earlier value's bytes, then <paramref name="own"/>, put together when first read.</summary>
    private XlConfigValue(XlConfigValue earlier, byte[] own, int line)
    {
        this.earlier = earlier;
        ownBytes = own;
        length = earlier.length + own.Length;
        Line = line;
    }

    /// <summary>Whether this is a string or a list.</summary>
    public XlConfigValueKind Kind => isList ? XlConfigValueKind.List : XlConfigValueKind.String;

    /// <summary>
    /// The line libxlutil records for the value: a string's own line; a list's is its first item's
    /// (for a nested list, the line of that list's '['), and an empty list's is the line of its ']'.
    /// </summary>
    public int Line { get; }

    /// <summary>
    /// A string's bytes, exactly as the file gave them after its escapes were decoded (libxlutil keeps
    /// bytes; they need not be UTF-8). Throws for a list.
    /// </summary>
    public ReadOnlyMemory<byte> Bytes => isList ? throw new InvalidOperationException("A list has no bytes; check Kind first.") : Joined();

    /// <summary>True for a string whose bytes are valid UTF-8, so <see cref="Text"/> holds them unchanged.</summary>
    public bool IsText => !isList && Utf8.IsValid(Joined());

    /// <summary>
    /// A string's text. Throws for a list, and for bytes that are not valid UTF-8 (never silently
    /// replaced by U+FFFD): check <see cref="IsText"/>, or read <see cref="Bytes"/>.
    /// </summary>
    public string Text
    {
        get
        {
            if (isList)
            {
                throw new InvalidOperationException("A list has no text; check Kind first.");
            }

            if (text is null)
            {
                try
                {
                    text = StrictUtf8.GetString(Joined());
                }
                catch (DecoderFallbackException e)
                {
                    throw new InvalidOperationException("The string is not valid UTF-8; read Bytes instead.", e);
                }
            }

            return text;
        }
    }

    /// <summary>A list's items, in order (empty for a string).</summary>
    public IReadOnlyList<XlConfigValue> Items => (IReadOnlyList<XlConfigValue>?)items ?? Array.Empty<XlConfigValue>();

    /// <summary>
    /// The item at <paramref name="index"/> when it is a string, else null: libxlutil's
    /// <c>xlu_cfg_get_listitem</c>, which gives null past the end and for a nested list (so xl's
    /// loops over a list stop at the first item that is not a string).
    /// </summary>
    public XlConfigValue? StringItem(int index) =>
        items is not null && index >= 0 && index < items.Count && items[index].Kind == XlConfigValueKind.String ? items[index] : null;

    /// <inheritdoc/>
    public override string ToString() => XlConfigText.Json(this);

    /// <summary>A string value.</summary>
    internal static XlConfigValue String(byte[] bytes, int line) => new(bytes, line);

    /// <summary>A list value holding <paramref name="first"/>, or an empty list.</summary>
    internal static XlConfigValue List(XlConfigValue? first, int line) => new(first is null ? [] : [first], line);

    /// <summary>Appends an item to this list (the parser's <c>xlu__cfg_list_append</c>).</summary>
    internal void Append(XlConfigValue item) => items!.Add(item);

    /// <summary>
    /// <c>+=</c>: a string becomes the earlier string followed by this one; a list gets the earlier
    /// list's items in front of its own, and the earlier list is left empty (libxlutil moves the
    /// items, so the earlier setting is empty from then on). Both take time for this value's part
    /// only: libxlutil copies everything each time, so a file of many <c>+=</c> costs it quadratic
    /// time (and, for strings, memory); here a joined string is put together when it is first read,
    /// and the earlier list's storage is taken over.
    /// </summary>
    internal XlConfigValue Concatenate(XlConfigValue earlier)
    {
        if (!isList)
        {
            return new XlConfigValue(earlier, bytes!, Line);
        }

        List<XlConfigValue> joined = earlier.items!;
        joined.AddRange(items!);
        earlier.items = [];
        items = joined;
        return this;
    }

    /// <summary>A string's bytes, putting a joined string together (without recursion) the first time.</summary>
    private byte[] Joined()
    {
        if (bytes is not null)
        {
            return bytes;
        }

        byte[] all = new byte[length];
        int end = length;
        XlConfigValue part = this;
        while (part.bytes is null)
        {
            byte[] own = part.ownBytes!;
            own.CopyTo(all, end - own.Length);
            end -= own.Length;
            part = part.earlier!;
        }

        part.bytes.AsSpan(0, end).CopyTo(all);
        bytes = all; // the parts stay: another thread may be walking them
        return all;
    }
}

/// <summary>The two kinds of configuration values.</summary>
public enum XlConfigValueKind
{
    /// <summary>A string: quoted text, or a number kept as its text.</summary>
    String,

    /// <summary>A list of values in brackets.</summary>
    List,
}
