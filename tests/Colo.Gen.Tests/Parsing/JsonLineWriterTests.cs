using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using Xunit;
using CsGen = CsCheck.Gen;

namespace Colo.Gen.Tests.Parsing;

/// <summary>The batch output's UTF-8 lines spell exactly what <see cref="DiskParseResult.ToJsonLine"/> does.</summary>
public sealed class JsonLineWriterTests
{
    private static string Utf8Line(DiskParseResult result)
    {
        var output = new MemoryStream();
        using var writer = new JsonLineWriter(output);
        writer.WriteLine(result);
        writer.Flush();
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Theory]
    [InlineData("vdev=hda,target=/plain")]
    [InlineData("vdev=hda,target=/quote\"back\\slash\ttab\u0001ctl\u007fdel")]
    [InlineData("vdev=hda,target=/caf\u00e9/\u65e5\u672c/\U0001F600")]
    [InlineData("vdev=hda,bogus=1")]
    public void Line_IsTheStringLineInUtf8(string spec)
    {
        DiskParseResult result = DiskSpecParser.Parse(spec);
        Assert.Equal(result.ToJsonLine() + "\n", Utf8Line(result));
    }

    [Fact]
    public void LongValue_WithAPairAcrossTheWritersSlices_IsWrittenWhole()
    {
        // The compact writer encodes strings 4,096 characters at a time: the pair is characters 4,095 and 4,096 of the path.
        string spec = "vdev=hda,target=/" + new string('a', 4094) + "\U0001F600" + new string('b', 5000) + "\u00e9";
        DiskParseResult result = DiskSpecParser.Parse(spec);
        Assert.True(result.Succeeded);
        Assert.Equal(result.ToJsonLine() + "\n", Utf8Line(result));
    }

    [Fact]
    public void Any_value_of_any_length_is_written_as_the_string_line_says()
    {
        // Printable ASCII (the writer's short-string loop), the characters JSON escapes, DEL, Latin-1, CJK and a
        // surrogate pair, at any place in values of 0 to 150 characters (the loop takes up to 64, the general path the rest).
        string[] special = ["\"", "\\", "\t", "\u0001", "\u001f", "\u007f", "\u00e9", "\u65e5", "\U0001F600", " "];
        Gen<string> piece = CsGen.OneOf(
            CsGen.Char['!', '~'].Select(c => c == ',' ? "." : c.ToString()),
            CsGen.Int[0, special.Length - 1].Select(i => special[i]));
        Gen<string> value = piece.Array[0, 150].Select(string.Concat);
        CsGen.Select(value, value).Sample((vdev, target) =>
        {
            DiskParseResult result = DiskSpecParser.Parse(["vdev=x" + vdev + ",target=/" + target]);
            Assert.Equal(result.ToJsonLine() + "\n", Utf8Line(result));
        }, iter: 3000, threads: 1);
    }
}
