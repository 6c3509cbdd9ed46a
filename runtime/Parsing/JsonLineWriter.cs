using System;
using System.IO;
using System.Text;

namespace Colo.Gen;

/// <summary>
/// Writes <see cref="JsonLine"/>'s lines to a stream as UTF-8, one a parse result, through one
/// reusable buffer: a disk's JSON is written by the generated writer's compact form straight into
/// UTF-8 bytes (no pretty string, no compacting pass, no string a line), error lines are encoded
/// as they are written. Memory stays at the buffer and the longest line's pieces, whatever the
/// number of lines; the bytes are exactly those <see cref="DiskParseResult.ToJsonLine"/> spells.
/// </summary>
internal sealed class JsonLineWriter : IDisposable
{
    private static ReadOnlySpan<byte> DiskStart => "{\"disk\": "u8;

    private readonly Stream _output;
    private readonly ColoGenJson.Writer _json = new(512);
    private readonly ErrorText _text;
    private byte[] _buffer = new byte[1 << 16];
    private int _length;

    /// <summary>A writer of lines to <paramref name="output"/>; nothing reaches it before <see cref="Flush"/> or a full buffer.</summary>
    public JsonLineWriter(Stream output)
    {
        _output = output;
        _text = new ErrorText(this);
    }

    /// <summary>Writes the line of <paramref name="result"/> and a newline.</summary>
    public void WriteLine(DiskParseResult result)
    {
        if (result.Succeeded)
        {
            _json.Reset();
            result.Disk.WriteJson(_json);
            ReadOnlySpan<byte> disk = _json.Utf8;
            Reserve(DiskStart.Length + disk.Length + 2);
            DiskStart.CopyTo(_buffer.AsSpan(_length));
            _length += DiskStart.Length;
            disk.CopyTo(_buffer.AsSpan(_length));
            _length += disk.Length;
            _buffer[_length++] = (byte)'}';
        }
        else
        {
            // Error lines quote their specs: written piece by piece, never whole.
            JsonLine.Write(_text, result);
            _text.Flush();
        }

        Reserve(1);
        _buffer[_length++] = (byte)'\n';
    }

    /// <summary>Sends what is buffered to the stream and flushes it.</summary>
    public void Flush()
    {
        Drain();
        _output.Flush();
    }

    /// <summary>Lets go of the error-line writer (it holds nothing that needs closing; the stream is the caller's).</summary>
    public void Dispose() => _text.Dispose();

    private void Reserve(int bytes)
    {
        if (_buffer.Length - _length >= bytes)
        {
            return;
        }

        Drain();
        if (_buffer.Length < bytes)
        {
            _buffer = new byte[Math.Max(bytes, 2 * _buffer.Length)];
        }
    }

    private void Drain()
    {
        _output.Write(_buffer, 0, _length);
        _length = 0;
    }

    /// <summary>The error lines' writer: characters encoded into the line buffer as they come.</summary>
    private sealed class ErrorText : TextWriter
    {
        private readonly JsonLineWriter _lines;
        private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();

        public ErrorText(JsonLineWriter lines) => _lines = lines;

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(ReadOnlySpan<char> buffer)
        {
            // In slices, so a huge spec never needs a buffer its size.
            while (!buffer.IsEmpty)
            {
                ReadOnlySpan<char> part = buffer[..Math.Min(buffer.Length, 4096)];
                _lines.Reserve(3 * part.Length + 4);
                _encoder.Convert(part, _lines._buffer.AsSpan(_lines._length), flush: false, out int used, out int written, out _);
                _lines._length += written;
                buffer = buffer[used..];
            }
        }

        public override void Flush()
        {
            // A surrogate pair split between two writes has been held back; a lone half ends here.
            _lines.Reserve(4);
            _encoder.Convert(ReadOnlySpan<char>.Empty, _lines._buffer.AsSpan(_lines._length), flush: true, out _, out int written, out _);
            _lines._length += written;
        }
    }
}
