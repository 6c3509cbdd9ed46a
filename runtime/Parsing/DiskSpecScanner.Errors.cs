using System;

namespace Colo.Gen;

/// <content>
/// How the disk-spec scanner reports errors: as <see cref="DiskSpecError"/> values that point into
/// the spec (its UTF-8 byte offsets mapped to characters), up to <see cref="DiskSpecParser.MaxErrorsKept"/>
/// of them, the rest only counted.
/// </content>
partial class DiskSpecScanner
{
    /// <summary>
    /// Reports a spec that is not valid Unicode (a lone surrogate at <paramref name="at"/>): it has
    /// no UTF-8 form, so it is not scanned at all rather than scanned with U+FFFD in its place.
    /// </summary>
    internal void ReportLoneSurrogate(string text, int index, int at)
    {
        spec = text;
        specInInput = false;
        specIndex = index;
        Add("not valid Unicode (an unpaired UTF-16 surrogate)", at, 1, 0, 0, Utf8Text.ShowSurrogate(text[at]));
    }

    /// <summary>Reports a spec whose UTF-8 form would not fit the scanner's buffer (more than <paramref name="limit"/> bytes).</summary>
    internal void ReportTooLong(string text, int index, long limit)
    {
        spec = text;
        specInInput = false;
        specIndex = index;
        Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"spec too long (more than {limit} bytes of UTF-8)"), -1, 0, 0, 0, null);
    }

    /// <summary>
    /// Reports libxlutil's error line: <c>SOURCE: config parsing error in disk
    /// specification: MESSAGE[: near `TEXT'] in `SPEC'</c>. A spec of null prints as
    /// glibc prints a null <c>%s</c>.
    /// </summary>
    internal void Error(string message) => Add(message, -1, 0, 0, 0, null);

    /// <inheritdoc cref="Error(string)"/>
    internal void Error(ReadOnlySpan<byte> erroneous, string message)
    {
        HasError = true;
        if (errors is not null && !errors.HasRoom)
        {
            errors.CountOmitted(); // past the cap an error is only counted: no mapping, no text
            return;
        }

        if (!Input.Overlaps(erroneous, out int start))
        {
            // Text the helpers made (block-NAME from a script prefix), or an empty value: shown
            // as it is, located at the token that gave rise to it.
            (int tokenChar, int tokenLength, _, _) = CharRange(TokenStart, TokenStart + Length);
            Add(message, tokenChar, tokenLength, 0, 0, Decode(erroneous));
            return;
        }

        (int offset, int length, int partialLead, int partialTail) = CharRange(start, start + erroneous.Length);
        Add(message, offset, length, partialLead, partialTail, null);
    }

    /// <summary>"OPTION respecified", with the message made only when the error is kept.</summary>
    private void Respecified(ReadOnlySpan<byte> value, string option)
    {
        if (errors is not null && !errors.HasRoom)
        {
            HasError = true;
            errors.CountOmitted();
            return;
        }

        Error(value, option + " respecified");
    }

    private void Add(string message, int offset, int length, int partialLead, int partialTail, string? nearText)
    {
        HasError = true;
        errors ??= new DiskSpecErrors(source);
        if (!errors.HasRoom)
        {
            errors.CountOmitted();
            return;
        }

        if (spec is null && specInInput)
        {
            spec = System.Text.Encoding.UTF8.GetString(Input); // valid UTF-8, so the same characters the line spelled
        }

        errors.Add(new DiskSpecError(source, message, specIndex, spec, offset, length, partialLead, partialTail, nearText));
    }

    /// <summary>
    /// The characters of the spec that bytes [<paramref name="from"/>, <paramref name="to"/>) of its
    /// UTF-8 form fall in, widened to whole characters, and how many bytes of the first and last of
    /// them lie outside the range (libxlutil's byte-wise rules can cut a character in two).
    /// </summary>
    private (int Offset, int Length, int PartialLead, int PartialTail) CharRange(int from, int to)
    {
        if (asciiSpec)
        {
            return (from, to - from, 0, 0);
        }

        int first = CharAt(from, out int lead);
        int last = CharAt(to, out int into);
        int tail = 0;
        if (into > 0)
        {
            int size = SequenceLength(Input[to - into]);
            tail = size - into;
            last += size == 4 ? 2 : 1;
        }

        return (first, last - first, lead, tail);
    }

    /// <summary>
    /// The index of the character holding byte <paramref name="at"/> of the input, and how many of
    /// its bytes come before <paramref name="at"/>. Errors come mostly in input order, so the walk
    /// goes on from the last answer and a disk's mapping costs one pass over its spec.
    /// </summary>
    private int CharAt(int at, out int into)
    {
        if (at < mappedByte)
        {
            mappedByte = 0;
            mappedChar = 0;
        }

        ReadOnlySpan<byte> input = Input;
        while (mappedByte < at)
        {
            int size = SequenceLength(input[mappedByte]);
            if (mappedByte + size > at)
            {
                into = at - mappedByte;
                return mappedChar;
            }

            mappedByte += size;
            mappedChar += size == 4 ? 2 : 1; // a character beyond U+FFFF is a surrogate pair
        }

        into = 0;
        return mappedChar;
    }

    /// <summary>The length of the UTF-8 sequence <paramref name="lead"/> starts (the input is valid UTF-8).</summary>
    private static int SequenceLength(byte lead) => lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;

    /// <summary>
    /// A newline after a stray '=' (or ',') reaches no rule in the LEXERR condition; flex's
    /// scanner would print "flex scanner jammed" and end the whole process with status 2.
    /// This scanner reports it as the "bad disk syntax" the LEXERR rule gives everywhere else,
    /// quoting the input from the pending LEXERR text (the stray character) to the end.
    /// </summary>
    internal void ReportJam()
    {
        ReadOnlySpan<byte> input = Input;
        int at = Math.Clamp(Math.Min(TokenStart, JamPosition), 0, input.Length);
        Error(input[at..], "bad disk syntax");
    }
}
