using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Colo.Gen.Cli;
using Xunit;

namespace Colo.Gen.Tests.Cli;

/// <summary>The batch modes' line reader: lines as the bytes between newlines, however the stream hands them over.</summary>
public sealed class DiskLinesTests
{
    /// <summary>A stream that gives at most one byte a read, as a pipe may.</summary>
    private sealed class Trickle(byte[] data) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));
    }

    private static List<string> ReadAll(Stream input, int capacity)
    {
        var reader = new DiskLines(input, capacity);
        var lines = new List<string>();
        while (reader.TryRead(out ReadOnlySpan<byte> line))
        {
            lines.Add(Encoding.UTF8.GetString(line));
        }

        return lines;
    }

    [Fact]
    public void Lines_SplitAcrossReadsAndLongerThanTheBuffer_ComeBackWhole()
    {
        string longLine = new('x', 1000);
        byte[] input = Encoding.UTF8.GetBytes("a\x1f" + "b\n\n" + longLine + "\nlast");

        Assert.Equal(new[] { "a\x1f" + "b", "", longLine, "last" }, ReadAll(new Trickle(input), capacity: 4));
        Assert.Equal(new[] { "a\x1f" + "b", "", longLine, "last" }, ReadAll(new MemoryStream(input), capacity: 4));
    }

    [Fact]
    public void FinalNewline_EndsTheLastLine_WithoutAnEmptyOneAfterIt()
    {
        Assert.Equal(new[] { "a", "b" }, ReadAll(new MemoryStream("a\nb\n"u8.ToArray()), capacity: 16));
        Assert.Empty(ReadAll(new MemoryStream(), capacity: 16));
    }
}
