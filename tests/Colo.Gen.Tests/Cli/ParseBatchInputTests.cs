using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Colo.Gen.Cli;
using Xunit;

namespace Colo.Gen.Tests.Cli;

/// <summary>
/// <c>parse --jsonl</c> and <c>--count</c> read their input as bytes: a disk that is all errors
/// does not cost the disks after it, and a line that is not valid UTF-8 is reported as such,
/// never parsed with U+FFFD in place of the user's bytes.
/// </summary>
public sealed class ParseBatchInputTests
{
    private const string Prefix = "command line: config parsing error in disk specification: ";

    private static (int Status, string[] Lines, string Error) Run(byte[] input, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int status = Program.Run(args, new MemoryStream(input), stdout, stderr);
        return (status, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), stderr.ToString());
    }

    private static byte[] Lines(params byte[][] lines) => lines.SelectMany(l => l.Concat(new[] { (byte)'\n' })).ToArray();

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Repeat(string item, int bytes) => string.Concat(Enumerable.Repeat(item, bytes / item.Length));

    [Fact]
    public void Jsonl_AfterADiskMadeOfErrors_StillPrintsEveryLaterDisk()
    {
        string bad = Repeat("x=y,", 64 * 1024); // the case: 16,384 errors, each quoting 64 KB

        (int status, string[] lines, string error) = Run(Lines(Utf8(bad), Utf8("vdev=hda,target=/a"), Utf8("vdev=xvdb,target=/b")), "parse", "--jsonl");

        Assert.Equal(0, status);
        Assert.Equal("", error);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("{\"errors\": [\"" + Prefix + "unknown parameter: near `x=y,' in `x=y,x=y,", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",\"" + Prefix + (16 * 1024 - DiskSpecParser.MaxErrorsKept) + " more errors\"]}", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("{\"disk\": ", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"pdev_path\":\"/a\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"pdev_path\":\"/b\"", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Count_AfterADiskMadeOfErrors_CountsEveryLaterDisk()
    {
        string bad = Repeat("vdev=a,", 64 * 1024);

        (int status, string[] lines, _) = Run(Lines(Utf8(bad), Utf8("vdev=hda,target=/a"), Utf8("vdev=hdb,target=/b")), "parse", "--count");

        Assert.Equal(0, status);
        Assert.StartsWith("2 parsed, 1 rejected, ", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_ALineThatIsNotUtf8_IsReportedWithItsBytesShown_AndTheNextLineIsParsed()
    {
        byte[] broken = [.. Utf8("vdev=hda,target=/a"), 0xC3, (byte)'b'];

        (int status, string[] lines, _) = Run(Lines(broken, Utf8("vdev=hda,target=/c")), "parse", "--jsonl");

        Assert.Equal(0, status);
        Assert.Equal(2, lines.Length);
        Assert.Equal("{\"errors\": [\"" + Prefix + "not valid UTF-8: near `\\\\xC3' in `vdev=hda,target=/a\\\\xC3b'\"]}", lines[0]);
        Assert.DoesNotContain("\uFFFD", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"pdev_path\":\"/c\"", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })] // never a UTF-8 byte
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a surrogate encoded as UTF-8 (CESU-style)
    [InlineData(new byte[] { 0xC0, 0xAF })] // an overlong '/'
    [InlineData(new byte[] { 0xE6, 0x97 })] // a character cut short
    public void Jsonl_InvalidUtf8InAnySpecOfTheLine_RejectsTheDiskInsteadOfChangingIt(byte[] invalid)
    {
        byte[] line = [.. Utf8("vdev=hda"), DiskLinesSeparator, .. Utf8("target=/x"), .. invalid];

        (_, string[] lines, _) = Run(Lines(line), "parse", "--jsonl");

        string only = Assert.Single(lines);
        Assert.StartsWith("{\"errors\": [\"" + Prefix + "not valid UTF-8: near `\\\\x", only, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", only, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_ALineThatIsNotUtf8_IsRejected()
    {
        byte[] broken = [.. Utf8("vdev=hda,target=/a"), 0xFF];

        (_, string[] lines, _) = Run(Lines(broken, Utf8("vdev=hda,target=/c")), "parse", "--count");

        Assert.StartsWith("1 parsed, 1 rejected, ", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_ValidNonAsciiBytes_ReachTheDiskExactly()
    {
        string target = "/srv/é/日本/😀.img";

        (_, string[] lines, _) = Run(Lines(Utf8("vdev=hda,target=" + target)), "parse", "--jsonl");

        Assert.Contains("\"pdev_path\":\"" + target + "\"", Assert.Single(lines), StringComparison.Ordinal);
    }

    private const byte DiskLinesSeparator = 0x1F;

    /// <summary>An input of many disk lines made as it is read; it notes the managed heap now and then.</summary>
    internal sealed class GeneratedDisks(int lines) : Stream
    {
        private readonly byte[] line = "format=raw,vdev=xvda,access=rw,target=/dev/vg/guest-volume\n"u8.ToArray();
        private long position;

        public List<long> HeapSamples { get; } = new();

        /// <summary>Where to ask how much output there is, noted when half the input has been read.</summary>
        public Func<long>? WrittenSoFar { get; init; }

        /// <summary>The output there was when half the input had been read.</summary>
        public long WrittenAtHalf { get; private set; } = -1;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => (long)lines * line.Length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (WrittenSoFar is null && position / (1 << 20) != (position + count) / (1 << 20))
            {
                HeapSamples.Add(GC.GetTotalMemory(forceFullCollection: true)); // once a megabyte
            }

            if (WrittenSoFar is not null && position < Length / 2 && position + count >= Length / 2)
            {
                WrittenAtHalf = WrittenSoFar();
            }

            int n = (int)Math.Min(count, Length - position);
            for (int i = 0; i < n; i++)
            {
                buffer[offset + i] = line[(int)((position + i) % line.Length)];
            }

            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A stream that only counts what is written to it.</summary>
    internal sealed class CountingSink : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Written += count;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    [Fact]
    public void Jsonl_WritesItsFirstLinesBeforeItHasReadTheWholeInput()
    {
        // 200,000 disks, 12 MB: the output buffer (64 KB) goes out long before the input ends.
        var sink = new CountingSink();
        var input = new GeneratedDisks(200_000) { WrittenSoFar = () => sink.Written };
        using var stdout = new StreamWriter(sink, new UTF8Encoding(false)) { NewLine = "\n" };

        Assert.Equal(0, Program.Run(["parse", "--jsonl"], input, stdout, new StringWriter()));
        Assert.True(input.WrittenAtHalf > 0, "nothing was written by the time half the input was read");
        Assert.True(sink.Written > 200_000 * 60, $"{sink.Written} bytes written");
    }

    [Fact]
    public void Jsonl_ToTheProcessStdoutStream_WritesTheSameBytesAsToAWriter()
    {
        byte[] input = Lines(Utf8("vdev=hda,target=/a\u00e9\"b"), Utf8("bogus"), [0xff], Utf8(",,hdc:cdrom,r"));
        var sink = new MemoryStream();
        using (var stdout = new StreamWriter(sink, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" })
        {
            Assert.Equal(0, Program.Run(["parse", "--jsonl"], new MemoryStream(input), stdout, new StringWriter()));
        }

        (_, string[] lines, _) = Run(input, "parse", "--jsonl");
        Assert.Equal(string.Join("\n", lines) + "\n", Encoding.UTF8.GetString(sink.ToArray()));
    }

    [Fact]
    public void Count_StreamedOnce_AndKeptForRounds_CountTheSame()
    {
        byte[] input = Lines(Utf8("vdev=hda,target=/a"), Utf8("bogus"), [0xff], Utf8(",,hdc:cdrom,r"));

        (_, string[] once, _) = Run(input, "parse", "--count");
        (_, string[] rounds, _) = Run(input, "parse", "--count", "--rounds", "3");

        Assert.StartsWith("2 parsed, 2 rejected, ", Assert.Single(once), StringComparison.Ordinal);
        Assert.StartsWith("2 parsed, 2 rejected, ", Assert.Single(rounds), StringComparison.Ordinal);
    }

    /// <summary>Gives its lines one read at a time; at each later read notes what has been written so far, and can take a while.</summary>
    private sealed class LineAtATime(byte[][] lines, Func<long> written, TimeSpan eachRead) : Stream
    {
        private int _next;

        public List<long> WrittenBeforeRead { get; } = [];

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_next > 0)
            {
                WrittenBeforeRead.Add(written());
            }

            if (_next == lines.Length)
            {
                return 0;
            }

            // A slow producer: the time goes by in the read, as a pipe's wait would.
            System.Threading.Thread.Sleep(eachRead);
            byte[] line = lines[_next++];
            line.CopyTo(buffer, offset);
            return line.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void Jsonl_AnswersEachLineBeforeItWaitsForTheNext()
    {
        // A program that sends one line and waits for its answer must get it: the answer to every line
        // read so far is out before the next read, which may wait.
        var sink = new MemoryStream();
        var input = new LineAtATime([Utf8("vdev=hda,target=/a\n"), Utf8("bogus\n")], () => sink.Length, TimeSpan.Zero);
        using var stdout = new StreamWriter(sink, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };

        Assert.Equal(0, Program.Run(["parse", "--jsonl"], input, stdout, new StringWriter()));

        string output = Encoding.UTF8.GetString(sink.ToArray());
        int firstLine = output.IndexOf('\n', StringComparison.Ordinal) + 1;
        Assert.Equal([firstLine, output.Length], input.WrittenBeforeRead);
    }

    [Fact]
    public void Count_OfOneRound_TimesTheParsingNotTheWaitForInput()
    {
        // Each read of a line waits 400 ms; parsing three lines takes far less. T used to include the
        // waits; a T that counted even one of them would be over the bound.
        var input = new LineAtATime([Utf8("vdev=hda,target=/a\n"), Utf8("bogus\n"), Utf8("vdev=hdb,target=/b\n")], () => 0, TimeSpan.FromMilliseconds(400));
        var stdout = new StringWriter { NewLine = "\n" };

        Assert.Equal(0, Program.Run(["parse", "--count"], input, stdout, new StringWriter()));

        string[] fields = stdout.ToString().Trim().Split(' ');
        Assert.Equal("2 parsed, 1 rejected,", string.Join(' ', fields[..4]));
        Assert.True(double.Parse(fields[4], System.Globalization.CultureInfo.InvariantCulture) < 0.3, stdout.ToString());
    }

    [Fact]
    public void Jsonl_ToAWriterOfAnotherEncoding_IsWrittenInThatEncoding()
    {
        byte[] input = Lines(Utf8("vdev=hda,target=/caf\u00e9"));
        (_, string[] expected, _) = Run(input, "parse", "--jsonl");
        var sink = new MemoryStream();
        using (var stdout = new StreamWriter(sink, Encoding.Unicode, leaveOpen: true) { NewLine = "\n" })
        {
            Assert.Equal(0, Program.Run(["parse", "--jsonl"], new MemoryStream(input), stdout, new StringWriter()));
        }

        Assert.Equal(Encoding.Unicode.GetBytes(expected[0] + "\n"), sink.ToArray().AsSpan(Encoding.Unicode.Preamble.Length).ToArray());
    }
}
