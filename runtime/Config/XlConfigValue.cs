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

    private readonly byte[]? bytes;
    private List<XlConfigValue>? items;
    private string? text;

    private XlConfigValue(byte[]? bytes, List<XlConfigValue>? items, int line)
    {
        this.bytes = bytes;
        this.items = items;
        Line = line;
    }

    /// <summary>Whether this is a string or a list.</summary>
    public XlConfigValueKind Kind => bytes is null ? XlConfigValueKind.List : XlConfigValueKind.String;

    /// <summary>
    /// The line libxlutil records for the value: a string's own line; a list's is its first item's
    /// (for a nested list, the line of that list's '['), and an empty list's is the line of its ']'.
    /// </summary>
    public int Line { get; }

    /// <summary>
    /// A string's bytes, exactly as the file gave them after its escapes were decoded (libxlutil keeps
    /// bytes; they need not be UTF-8). Throws for a list.
    /// </summary>
    public ReadOnlyMemory<byte> Bytes => bytes ?? throw new InvalidOperationException("A list has no bytes; check Kind first.");

    /// <summary>True for a string whose bytes are valid UTF-8, so <see cref="Text"/> holds them unchanged.</summary>
    public bool IsText => bytes is not null && Utf8.IsValid(bytes);

    /// <summary>
    /// A string's text. Throws for a list, and for bytes that are not valid UTF-8 (never silently
    /// replaced by U+FFFD): check <see cref="IsText"/>, or read <see cref="Bytes"/>.
    /// </summary>
    public string Text
    {
        get
        {
            if (bytes is null)
            {
                throw new InvalidOperationException("A list has no text; check Kind first.");
            }

            if (text is null)
            {
                try
                {
                    text = StrictUtf8.GetString(bytes);
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
    internal static XlConfigValue String(byte[] bytes, int line) => new(bytes, null, line);

    /// <summary>A list value holding <paramref name="first"/>, or an empty list.</summary>
    internal static XlConfigValue List(XlConfigValue? first, int line) => new(null, first is null ? [] : [first], line);

    /// <summary>Appends an item to this list (the parser's <c>xlu__cfg_list_append</c>).</summary>
    internal void Append(XlConfigValue item) => items!.Add(item);

    /// <summary>
    /// <c>+=</c>: a string becomes the earlier string followed by this one; a list gets the earlier
    /// list's items in front of its own, and the earlier list is left empty (libxlutil moves the
    /// items, so the earlier setting is empty from then on).
    /// </summary>
    internal XlConfigValue Concatenate(XlConfigValue earlier)
    {
        if (bytes is not null)
        {
            byte[] joined = new byte[earlier.bytes!.Length + bytes.Length];
            earlier.bytes.CopyTo(joined, 0);
            bytes.CopyTo(joined, earlier.bytes.Length);
            return new XlConfigValue(joined, null, Line);
        }

        var joinedItems = new List<XlConfigValue>(earlier.items!.Count + items!.Count);
        joinedItems.AddRange(earlier.items);
        joinedItems.AddRange(items);
        earlier.items = [];
        items = joinedItems;
        return this;
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
