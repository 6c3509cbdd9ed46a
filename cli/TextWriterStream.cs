using System;
using System.IO;
using System.Text;

namespace Colo.Gen.Cli;

/// <summary>
/// A write-only stream that decodes the UTF-8 written to it into a <see cref="TextWriter"/>: the batch
/// modes write UTF-8 bytes, and a caller of <see cref="Program.Run"/> may give a writer with no stream
/// under it (tests give a <see cref="StringWriter"/>).
/// </summary>
internal sealed class TextWriterStream : Stream
{
    private readonly TextWriter _writer;
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private char[] _chars = new char[4096];

    public TextWriterStream(TextWriter writer) => _writer = writer;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        int needed = _decoder.GetCharCount(buffer, flush: false);
        if (_chars.Length < needed)
        {
            _chars = new char[needed];
        }

        int written = _decoder.GetChars(buffer, _chars, flush: false);
        _writer.Write(_chars.AsSpan(0, written));
    }

    public override void Flush() => _writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
