using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
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

    // A string is the first `length` bytes of `bytes`. The strings of one `+=` chain share a buffer
    // (`chain`): each value of the chain is a prefix of the next, so the later ones grow one buffer
    // in place and every value of the chain reads its bytes without a copy of its own.
    private readonly byte[]? bytes;
    private readonly int length;
    private readonly JoinedString? chain;
    private List<XlConfigValue>? items;

    private XlConfigValue(byte[] bytes, int length, JoinedString? chain, int line)
    {
        this.bytes = bytes;
        this.length = length;
        this.chain = chain;
        Line = line;
    }

    private XlConfigValue(List<XlConfigValue> items, int line)
    {
        isList = true;
        this.items = items;
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
    /// bytes; they need not be UTF-8). Reading them copies nothing. Throws for a list.
    /// </summary>
    public ReadOnlyMemory<byte> Bytes => isList ? throw new InvalidOperationException("A list has no bytes; check Kind first.") : bytes.AsMemory(0, length);

    /// <summary>True for a string whose bytes are valid UTF-8, so <see cref="Text"/> holds them unchanged.</summary>
    public bool IsText => !isList && Utf8.IsValid(bytes.AsSpan(0, length));

    /// <summary>
    /// A string's text, decoded each time it is read (the value keeps only its bytes, so reading the
    /// text of every setting never makes the configuration hold more than its file). Throws for a list,
    /// and for bytes that are not valid UTF-8 (never silently replaced by U+FFFD): check
    /// <see cref="IsText"/>, or read <see cref="Bytes"/>.
    /// </summary>
    public string Text
    {
        get
        {
            if (isList)
            {
                throw new InvalidOperationException("A list has no text; check Kind first.");
            }

            try
            {
                return StrictUtf8.GetString(bytes!, 0, length);
            }
            catch (DecoderFallbackException e)
            {
                throw new InvalidOperationException("The string is not valid UTF-8; read Bytes instead.", e);
            }
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

    /// <summary>
    /// Writes the value as one line of JSON (no newline), as <c>colo-disk config</c> prints it: a
    /// string as a JSON string escaped as yajl escapes (<c>\" \\ \b \f \n \r \t</c>, other characters
    /// below U+0020 as <c>\u00XX</c>, everything else as it is); a string that is not valid UTF-8 as
    /// <c>{"hex": "6162ff"}</c> (its bytes, lower-case hex), so no byte is replaced by U+FFFD; a list
    /// as <c>[ITEM, ITEM]</c> (a comma and a space between items). The text goes out piece by piece:
    /// writing a value allocates nothing that grows with it.
    /// </summary>
    /// <param name="writer">Where the JSON goes.</param>
    public void WriteJson(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        XlConfigJson.Write(writer, this);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var json = new StringWriter(CultureInfo.InvariantCulture);
        WriteJson(json);
        return json.ToString();
    }

    /// <summary>A string value.</summary>
    internal static XlConfigValue String(byte[] bytes, int line) => new(bytes, bytes.Length, null, line);

    /// <summary>A list value holding <paramref name="first"/>, or an empty list.</summary>
    internal static XlConfigValue List(XlConfigValue? first, int line) => new(first is null ? [] : [first], line);

    /// <summary>Appends an item to this list (the parser's <c>xlu__cfg_list_append</c>).</summary>
    internal void Append(XlConfigValue item) => items!.Add(item);

    /// <summary>
    /// <c>+=</c>: a string becomes the earlier string followed by this one; a list gets the earlier
    /// list's items in front of its own, and the earlier list is left empty (libxlutil moves the
    /// items, so the earlier setting is empty from then on). Both take time for this value's part
    /// only: libxlutil copies everything each time, so a file of many <c>+=</c> costs it quadratic
    /// time and memory. Here a joined string is written into its chain's buffer after the earlier
    /// one (which is a prefix of it and stays as it was), and the earlier list's storage is taken over.
    /// </summary>
    internal XlConfigValue Concatenate(XlConfigValue earlier)
    {
        if (!isList)
        {
            return JoinedString.Join(earlier, bytes.AsSpan(0, length), Line);
        }

        List<XlConfigValue> joined = earlier.items!;
        joined.AddRange(items!);
        earlier.items = [];
        items = joined;
        return this;
    }

    /// <summary>
    /// The buffer a chain of <c>+=</c> strings shares. It only grows: each value of the chain reads the
    /// prefix it had when it was made, and a value is joined to at most once (the store joins to the
    /// latest setting of a name, and the join becomes the latest), so appending in place never changes a
    /// byte an earlier value reads. Growth doubles, so a chain costs memory in proportion to its last
    /// value, and all of it is written while the file is read: afterwards nothing changes.
    /// </summary>
    private sealed class JoinedString
    {
        private byte[] buffer;
        private XlConfigValue? last;

        private JoinedString(byte[] buffer) => this.buffer = buffer;

        public static XlConfigValue Join(XlConfigValue earlier, ReadOnlySpan<byte> own, int line)
        {
            int total = checked(earlier.length + own.Length);
            JoinedString? chain = earlier.chain;
            if (chain is null || chain.last != earlier || chain.buffer.Length < total)
            {
                // A new buffer (the first join, or the chain's buffer is full); an earlier value that is not
                // its chain's last (which the store never joins) gets its own, so nothing it reads is changed.
                int capacity = (int)Math.Min(Array.MaxLength, Math.Max(total, 2L * total));
                var grown = new byte[capacity];
                earlier.bytes.AsSpan(0, earlier.length).CopyTo(grown);
                if (chain is null || chain.last != earlier)
                {
                    chain = new JoinedString(grown);
                }
                else
                {
                    chain.buffer = grown;
                }
            }

            own.CopyTo(chain.buffer.AsSpan(earlier.length));
            var joined = new XlConfigValue(chain.buffer, total, chain, line);
            chain.last = joined;
            return joined;
        }
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
