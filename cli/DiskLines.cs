using System;
using System.IO;

namespace Colo.Gen.Cli;

/// <summary>
/// The line format of <c>--jsonl</c> and <c>--count</c> input: one disk a line, the spec strings of
/// one disk separated by U+001F (<see cref="DiskSpecParser.SpecSeparator"/>), read as bytes: a line
/// that is valid UTF-8 is parsed as exactly those characters, and a line that is not is reported as
/// such (<see cref="DiskSpecParser.ParseUtf8Line"/>), never parsed with U+FFFD standing in for the
/// bytes the user wrote. Lines are read from the stream one at a time through one buffer, which grows
/// only to hold the longest line: memory does not grow with the number of lines.
/// </summary>
internal sealed class DiskLines
{
    private readonly Stream _input;
    private readonly Action? _beforeRead;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _searched;
    private bool _ended;

    /// <summary>A reader of the lines of <paramref name="input"/>, starting with a buffer of <paramref name="capacity"/> bytes.</summary>
    /// <param name="input">Where the lines come from.</param>
    /// <param name="capacity">The buffer's first size (it grows for a longer line).</param>
    /// <param name="beforeRead">
    /// Called before each read of <paramref name="input"/>, which may wait for more input: a caller that
    /// answers each line flushes its answers there, so a producer that waits for an answer before it
    /// sends the next line gets it.
    /// </param>
    public DiskLines(Stream input, int capacity = 1 << 16, Action? beforeRead = null)
    {
        _input = input;
        _buffer = new byte[capacity];
        _beforeRead = beforeRead;
    }

    /// <summary>
    /// The next line without its '\n' (a final line without '\n' counts too); false at the end of the
    /// input. The line's bytes stay valid until the next call.
    /// </summary>
    public bool TryRead(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_searched, _end - _searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = _buffer.AsSpan(_start, _searched + newline - _start);
                _start = _searched = _searched + newline + 1;
                return true;
            }

            _searched = _end; // what is buffered has no newline: search only what comes next
            if (_ended)
            {
                line = _buffer.AsSpan(_start, _end - _start);
                bool any = _end > _start;
                _start = _searched = _end;
                return any;
            }

            Fill();
        }
    }

    /// <summary>Makes room after the unfinished line (moving it to the front, or growing for a long one) and reads more.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _searched -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length == Array.MaxLength)
            {
                throw new IOException("an input line is longer than the largest byte array .NET allows");
            }

            Array.Resize(ref _buffer, _buffer.Length > Array.MaxLength / 2 ? Array.MaxLength : 2 * _buffer.Length);
        }

        _beforeRead?.Invoke();
        int read = _input.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _ended = true;
        }

        _end += read;
    }
}
