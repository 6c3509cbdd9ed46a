using System;
using System.Text;
using Xunit;

namespace Colo.Gen.Tests.Parsing;

/// <summary>
/// A spec made of errors costs memory in proportion to its length, not to its length times its
/// number of errors: the errors share the spec, a disk keeps the first 100 and counts the rest,
/// and the parse never throws, whatever the size.
/// </summary>
public sealed class ManyErrorsTests
{
    private const string Prefix = "command line: config parsing error in disk specification: ";

    private static string Repeat(string item, int bytes)
    {
        var spec = new StringBuilder(bytes + item.Length);
        while (spec.Length < bytes)
        {
            spec.Append(item);
        }

        return spec.ToString();
    }

    private static (DiskParseResult Result, long Allocated) ParseMeasured(string spec)
    {
        DiskSpecParser.Parse("vdev=hda,target=/warm-up"); // the thread's scanner exists before measuring
        long before = GC.GetAllocatedBytesForCurrentThread();
        DiskParseResult result = DiskSpecParser.Parse(spec);
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void AOneMegabyteSpecOfUnknownParameters_ParsesWithoutThrowing_InMemoryBoundedByItsLength()
    {
        string spec = Repeat("x=y,", 1 << 20); // 262,144 errors; libxlutil would print the spec that many times

        (DiskParseResult result, long allocated) = ParseMeasured(spec);

        Assert.False(result.Succeeded);
        Assert.Equal(DiskSpecParser.MaxErrorsKept, result.ErrorDetails.Count);
        Assert.Equal((1 << 20) / 4 - DiskSpecParser.MaxErrorsKept, result.OmittedErrorCount);
        Assert.All(result.ErrorDetails, e => Assert.Same(spec, e.Spec));

        // The scanner's UTF-8 copy of the spec (one byte a character), the disk and 100 small error
        // values; nothing quotes the spec. A Release build allocates about 10 KB here; a Debug build's
        // scanner also allocates its small tables (144 B) for every token, 36 B a byte for these
        // 4-byte tokens. Quoting the spec once per error would be over 500,000 B a byte.
        Assert.InRange(allocated, 0, 48L * spec.Length + 64 * 1024);
    }

    [Fact]
    public void ManyErrors_EndWithOneLineCountingTheOnesNotKept()
    {
        string spec = Repeat("vdev=a,", 64 * 1024);
        int total = (spec.Length / 7) - 1; // the first vdev= sets it; every later one is "respecified"

        DiskParseResult result = DiskSpecParser.Parse(spec);

        Assert.Equal(DiskSpecParser.MaxErrorsKept + 1, result.Errors.Count);
        Assert.Equal(Prefix + "vdev respecified: near `a' in `" + spec + "'", result.Errors[0]);
        Assert.Equal(Prefix + (total - DiskSpecParser.MaxErrorsKept) + " more errors", result.Errors[^1]);
        Assert.Equal(total - DiskSpecParser.MaxErrorsKept, result.OmittedErrorCount);
        Assert.Equal((3 * 7) + 5, result.ErrorDetails[2].Offset); // the value of the fourth vdev=
    }

    [Fact]
    public void OneErrorPastTheCap_IsOneMoreError()
    {
        string spec = Repeat("x=y,", 4 * (DiskSpecParser.MaxErrorsKept + 1));

        DiskParseResult result = DiskSpecParser.Parse(spec);

        Assert.Equal(Prefix + "1 more error", result.Errors[^1]);
        Assert.Equal(1, result.OmittedErrorCount);
    }

    [Fact]
    public void ErrorsUpToTheCap_AreAllKept_WithNoCountingLine()
    {
        string spec = Repeat("x=y,", 4 * DiskSpecParser.MaxErrorsKept);

        DiskParseResult result = DiskSpecParser.Parse(spec);

        Assert.Equal(DiskSpecParser.MaxErrorsKept, result.Errors.Count);
        Assert.Equal(0, result.OmittedErrorCount);
        Assert.DoesNotContain(result.Errors, e => e.EndsWith("more errors", StringComparison.Ordinal));
    }

    [Fact]
    public void ASixteenMegabyteSpecOfNonAsciiErrors_ParsesWithoutThrowing()
    {
        string spec = Repeat("x=ü,y=日,", 16 << 20);

        DiskParseResult result = DiskSpecParser.Parse(spec);

        Assert.False(result.Succeeded);
        Assert.Equal(DiskSpecParser.MaxErrorsKept, result.ErrorDetails.Count);
        Assert.True(result.OmittedErrorCount > 1_000_000);
        Assert.Equal("y=\\xE6", result.ErrorDetails[^1].Near);
    }
}
