using System;
using System.IO;
using System.Linq;
using System.Text;
using Colo.Gen.Cli;
using CsCheck;
using Xunit;

namespace Colo.Gen.Tests.Fuzz;

/// <summary>
/// Random and byte-mutated specs through the parser and through <c>parse --jsonl</c>: no
/// exception, allocation bounded per input byte, no character of the user's changed, and no disk
/// of a batch lost.
/// </summary>
public sealed class ParserFuzzTests
{
    private const string Prefix = "command line: config parsing error in disk specification: ";

    /// <summary>
    /// Bytes a parse may allocate per byte of UTF-8 input (plus a constant): the disk, its strings,
    /// at most 100 errors and the scanner's buffer are a few bytes a byte; a Debug build's scanner
    /// also allocates its small tables on every token (144 B, and a token can be one byte). An error
    /// line quoting the spec once per error, as before, is hundreds of thousands of bytes a byte.
    /// </summary>
    private const long BytesPerInputByte = 256;

    private const long ConstantBytes = 16 * 1024;

    [Fact]
    public void Mutated_realistic_specs_parse_without_exception_in_bounded_memory_keeping_every_character()
    {
        SpecMutations.MutatedSpec.Sample(CheckParse, iter: 1500, threads: 1);
    }

    [Fact]
    public void Random_text_of_any_utf16_parses_without_exception_in_bounded_memory()
    {
        SpecMutations.RandomText.Sample(CheckParse, iter: 3000, threads: 1);
    }

    private static void CheckParse(string spec)
    {
        DiskSpecParser.Parse("vdev=hda,target=/warm"); // the thread's scanner exists before measuring
        long before = GC.GetAllocatedBytesForCurrentThread();
        DiskParseResult result = DiskSpecParser.Parse([spec, "vdev=hdb"]);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        long utf8 = Encoding.UTF8.GetByteCount(spec) + 8;
        Assert.InRange(allocated, 0, ConstantBytes + (BytesPerInputByte * utf8));
        Assert.Equal(result.Succeeded, result.Errors.Count == 0);
        Assert.True(result.ErrorDetails.Count <= DiskSpecParser.MaxErrorsKept);

        bool loneSurrogate = HasLoneSurrogate(spec);
        foreach (DiskSpecError error in result.ErrorDetails)
        {
            Assert.StartsWith(Prefix, error.ToString(), StringComparison.Ordinal);
            Assert.InRange(error.Offset, -1, error.Spec?.Length ?? 0);
            Assert.InRange(error.Offset + error.Length, -1, error.Spec?.Length ?? 0);
            if (!spec.Contains('\uFFFD', StringComparison.Ordinal))
            {
                Assert.DoesNotContain('\uFFFD', error.ToString());
            }

            // Every error line is text a strict UTF-8 writer takes: no lone surrogate, no half character.
            Assert.Equal(-1, Utf8Text.LoneSurrogateIndex(error.ToString()));
        }

        if (loneSurrogate)
        {
            Assert.False(result.Succeeded);
            Assert.StartsWith("not valid Unicode", result.ErrorDetails[^1].Message, StringComparison.Ordinal);
        }

        // What was stored is the user's text: each value is a piece of one of the specs.
        DiskDevice disk = result.Disk!; // a parse always has a disk, also a failed one
        foreach (string? value in new[] { disk.PdevPath, disk.Vdev, disk.BackendDomname, disk.ColoParams, disk.ColoHost, disk.ColoExport, disk.ActiveDisk, disk.HiddenDisk })
        {
            if (value is not null)
            {
                Assert.True(spec.Contains(value, StringComparison.Ordinal) || "vdev=hdb".Contains(value, StringComparison.Ordinal), $"stored {value} is not in the spec");
            }
        }

        Assert.NotNull(result.ToJsonLine());
    }

    [Fact]
    public void A_batch_of_mutated_lines_through_parse_jsonl_gives_one_line_for_each_and_never_a_changed_spec()
    {
        SpecMutations.MutatedSpecBytes.Array[1, 12].Sample(lines =>
        {
            // One disk a line: a '\n' inside a mutated spec would start another disk.
            byte[][] disks = lines.Select(l => l.Select(b => b == (byte)'\n' ? (byte)' ' : b).ToArray()).ToArray();
            var input = new MemoryStream(disks.SelectMany(d => d.Append((byte)'\n')).ToArray());
            var stdout = new StringWriter { NewLine = "\n" };

            int status = Program.Run(["parse", "--jsonl"], input, stdout, new StringWriter());

            Assert.Equal(0, status);
            string[] output = stdout.ToString().Split('\n');
            Assert.Equal(disks.Length + 1, output.Length); // each line ends in '\n'
            for (int i = 0; i < disks.Length; i++)
            {
                if (System.Text.Unicode.Utf8.IsValid(disks[i]))
                {
                    string[] specs = Encoding.UTF8.GetString(disks[i]).Split('\u001f');
                    Assert.Equal(DiskSpecParser.Parse(specs).ToJsonLine(), output[i]);
                }
                else
                {
                    Assert.StartsWith("{\"errors\": [\"" + Prefix + "not valid UTF-8: near `", output[i], StringComparison.Ordinal);
                    Assert.DoesNotContain('\uFFFD', output[i]);
                }
            }
        }, iter: 150, threads: 1);
    }

    private static bool HasLoneSurrogate(string text) => Utf8Text.LoneSurrogateIndex(text) >= 0;
}
