using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Colo.Gen.Cli;
using Colo.Gen.Config;
using Colo.Gen.TestSupport;
using CsCheck;
using Xunit;
using CsGen = CsCheck.Gen;

namespace Colo.Gen.Tests.Config;

/// <summary>
/// Hostile config text: any bytes are read without an exception, in time and memory that grow with
/// the input's length and no faster, and the bytes of a value are never changed on the way.
/// </summary>
public sealed class XlConfigHostileInputTests
{
    private static readonly string[] Tokens =
    [
        "a", "disk", "type", " ", "\t", "\n", "\r", "=", "+=", "+", "[", "]", ",", ";", "#", "'", "\"", "\\", "\\x", "\\1",
        "\\n", "0x", "1", "99999999999999999999", "é", "\0", "$", ".", "(", ":", "'vdev=xvda,target=/x'", "\"hvm\"",
    ];

    /// <summary>Config-like bytes: tokens of the grammar mixed with arbitrary bytes.</summary>
    private static readonly CsCheck.Gen<byte[]> ConfigBytes =
        CsGen.OneOf(CsGen.Byte.Array[1, 3], CsGen.OneOf(Tokens).Select(t => Encoding.UTF8.GetBytes(t)))
            .Array[0, 120]
            .Select(parts => parts.SelectMany(p => p).ToArray());

    [Fact]
    public void Any_bytes_read_without_an_exception_and_every_getter_answers()
    {
        ConfigBytes.Sample(bytes =>
        {
            XlConfig config = XlConfig.Parse(bytes, "fuzz.cfg");
            Assert.Equal(config.Succeeded, config.Messages.Count == 0 || config.Messages.All(m => m.StartsWith("warning", StringComparison.Ordinal)) && config.Succeeded);
            foreach (XlConfigSetting setting in config.Settings)
            {
                Assert.StartsWith($"{setting.Line}: {setting.Name} ", setting.ToString(), StringComparison.Ordinal);
                _ = config.GetString(setting.Name);
                _ = config.GetBytes(setting.Name);
                _ = config.GetBoundedLong(setting.Name, -1, 1);
                _ = config.GetDefbool(setting.Name);
                _ = config.GetList(setting.Name);
                _ = config.ValueAsString(setting.Value);
                _ = config.ValueAsList(setting.Value);
            }

            XlConfigDisks disks = XlConfigDisks.Read(config);
            Assert.All(disks.Disks.Take(disks.Disks.Count - 1), d => Assert.True(d.Succeeded));
            _ = XlDomainTypeResult.Of(config);
        }, iter: 4000, threads: 1);
    }

    [Fact]
    public void Any_text_reads_without_an_exception_as_its_utf8_or_as_one_error_when_it_is_not_unicode()
    {
        // Any UTF-16 code units, surrogates (lone, paired, reversed) often among them, mixed with the grammar's tokens.
        CsCheck.Gen<char> unit = CsGen.Frequency((2, CsGen.Char), (1, CsGen.Char['\uD800', '\uDFFF']));
        CsCheck.Gen<string> text = CsGen.OneOf(unit.Array[1, 3].Select(c => new string(c)), CsGen.OneOf(Tokens))
            .Array[0, 60]
            .Select(string.Concat);
        text.Sample(t =>
        {
            XlConfig config = XlConfig.Parse(t, "fuzz.cfg");

            if (IsValidUtf16(t))
            {
                XlConfig bytes = XlConfig.Parse(Encoding.UTF8.GetBytes(t), "fuzz.cfg");
                Assert.Equal(bytes.Messages, config.Messages);
                Assert.Equal(bytes.Settings.Select(s => s.ToString()), config.Settings.Select(s => s.ToString()));
            }
            else
            {
                Assert.False(config.Succeeded);
                Assert.Empty(config.Settings);
                Assert.EndsWith("not valid Unicode (an unpaired UTF-16 surrogate)", Assert.Single(config.Messages), StringComparison.Ordinal);
            }
        }, iter: 4000, threads: 1);
    }

    /// <summary>Whether the text has a UTF-8 form (no lone surrogate), as .NET's strict encoder decides.</summary>
    private static bool IsValidUtf16(string text)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    [Fact]
    public void A_quoted_value_keeps_every_byte_it_was_given()
    {
        // Any bytes but the quote, the backslash, the newline and NUL stand for themselves in a quoted string.
        CsCheck.Gen<byte[]> content = CsGen.Byte.Where(b => b is not ((byte)'\'' or (byte)'\\' or (byte)'\n' or 0)).Array[0, 64];
        content.Sample(bytes =>
        {
            XlConfig config = XlConfig.Parse([.. "v = '"u8, .. bytes, .. "'\n"u8], "fuzz.cfg");

            Assert.True(config.Succeeded);
            XlConfigValue value = config.Settings.Single().Value;
            Assert.Equal(bytes, value.Bytes.ToArray());
            if (value.IsText)
            {
                Assert.Equal(bytes, Encoding.UTF8.GetBytes(value.Text));
            }
            else
            {
                string json = value.ToString();
                Assert.Equal(bytes, Convert.FromHexString(json["{\"hex\": \"".Length..^2]));
                Assert.Equal(XlConfigLookupStatus.NotText, config.GetString("v").Status);
            }
        }, iter: 4000, threads: 1);
    }

    [Theory]
    [InlineData("", "# ")]             // every '#' would rescan the line (flex's quadratic case)
    [InlineData("", "'x ")]            // unclosed quotes
    [InlineData("", "$ ")]             // lexical errors
    [InlineData("", "a = 1\n")]        // settings
    [InlineData("", "a += [ 'x' ]\n")] // lists joined by += (libxlutil copies the whole list each time)
    [InlineData("", "a += 'x'\n")]     // strings joined by += (libxlutil copies the whole string each time)
    [InlineData("", "a += \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n")] // ... with longer parts
    [InlineData("", "\"\\\\\" ")]      // escapes
    [InlineData("", "[ ")]             // a syntax error, then error recovery dropping every token
    [InlineData("a = ", "[ ")]         // nesting, up to bison's stack
    [InlineData("", "x = [ 1,\n")]     // list items
    public void Time_and_memory_grow_no_faster_than_the_input(string prefix, string unit)
    {
        // Eight times the input may take about eight times as long; a cost that grows with the square
        // of the length takes 64 times as long. The ratio of the thread's CPU time (the faster of three
        // reads at each size; CPU time, so that waiting for a core on a loaded machine does not count)
        // must stay well below that. Allocation is exact, so it has an
        // absolute bound: a Release build allocates 1 to 60 bytes a byte (the input buffer, settings,
        // messages); in a Debug build the generated scanner adds about 144 bytes a match.
        const int Small = 128 << 10, Large = 1 << 20;
        (TimeSpan small, _) = Read(prefix, unit, Small);
        (TimeSpan large, long allocated) = Read(prefix, unit, Large);

        double ratio = large.TotalSeconds / Math.Max(small.TotalSeconds, 1e-4);
        Assert.True(ratio < 32, $"reading 8 times as much \"{unit}\" took {ratio:F1} times as long ({small.TotalMilliseconds:F1} ms, {large.TotalMilliseconds:F1} ms)");
        Assert.True(allocated < AllocationBound(Large), $"{allocated} bytes allocated for {Large} bytes of \"{unit}\"");

        // Reading every setting's value, and printing them all as `colo-disk config` does, stays within
        // the same bound. The printed text itself may grow faster than the input (each `a += 'x'`
        // setting prints the whole string joined so far), so this is done at the small size, and the
        // text is counted, not kept: what is bounded is what the reader and the printer allocate.
        byte[] input = Input(prefix, unit, Small);
        (long reading, long valueBytes) = AllocatedReadingEveryValue(input);
        Assert.True(reading < AllocationBound(Small), $"{reading} bytes allocated to read every value ({valueBytes} bytes in all) of {Small} bytes of \"{unit}\"");
        (long printing, long printed) = AllocatedPrintingEverySetting(input);
        Assert.True(printing < AllocationBound(Small), $"{printing} bytes allocated by colo-disk config to print {printed} characters for {Small} bytes of \"{unit}\"");
    }

    /// <summary>A Release build allocates 1 to 60 bytes a byte of input, a Debug build up to about 200 (see above).</summary>
    private static long AllocationBound(int inputBytes) => 256L * inputBytes + (1 << 20);

    private static byte[] Input(string prefix, string unit, int bytes) =>
        Encoding.UTF8.GetBytes(prefix + string.Concat(Enumerable.Repeat(unit, bytes / unit.Length)));

    /// <summary>
    /// What one read of <paramref name="input"/> allocates when every setting's value is then read whole
    /// (bytes, text check, list items), and how many value bytes were read.
    /// </summary>
    private static (long Allocated, long ValueBytes) AllocatedReadingEveryValue(byte[] input)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        XlConfig config = XlConfig.Parse(input, "big.cfg");
        long bytes = 0;
        var values = new Stack<XlConfigValue>();
        foreach (XlConfigSetting setting in config.Settings)
        {
            values.Push(setting.Value);
            while (values.TryPop(out XlConfigValue? value))
            {
                if (value.Kind == XlConfigValueKind.String)
                {
                    bytes += value.Bytes.Length;
                    _ = value.IsText;
                }
                else
                {
                    foreach (XlConfigValue item in value.Items)
                    {
                        values.Push(item);
                    }
                }
            }
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before, bytes);
    }

    /// <summary>What <c>colo-disk config FILE</c> allocates to read <paramref name="input"/> and print every setting, and how many characters it printed.</summary>
    private static (long Allocated, long Printed) AllocatedPrintingEverySetting(byte[] input)
    {
        string path = Path.Combine(Path.GetTempPath(), $"colo-growth-{Environment.ProcessId}-{Guid.NewGuid():N}.cfg");
        File.WriteAllBytes(path, input);
        try
        {
            var stdout = new CountingWriter();
            var stderr = new CountingWriter();
            Program.Run(["config", path], Stream.Null, stdout, stderr); // warm: compile every path first
            stdout.Count = 0;
            long before = GC.GetAllocatedBytesForCurrentThread();
            Program.Run(["config", path], Stream.Null, stdout, stderr);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            return (allocated, stdout.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The faster of three reads (in the thread's CPU time) of <paramref name="prefix"/> and <paramref name="unit"/> repeated to about <paramref name="bytes"/>, and what one read allocates.</summary>
    private static (TimeSpan Elapsed, long Allocated) Read(string prefix, string unit, int bytes)
    {
        byte[] input = Input(prefix, unit, bytes);
        if (bytes < 1 << 20)
        {
            XlConfig.Parse(input, "warm.cfg"); // compile every path the input takes before measuring
        }

        return ThreadClock.BestOfThree(() => Assert.NotNull(XlConfig.Parse(input, "big.cfg")));
    }

    /// <summary>Standard output that counts the characters written and keeps none of them.</summary>
    private sealed class CountingWriter : TextWriter
    {
        public CountingWriter() => NewLine = "\n";

        public long Count { get; set; }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Count++;

        public override void Write(char[] buffer, int index, int count) => Count += count;

        public override void Write(ReadOnlySpan<char> buffer) => Count += buffer.Length;

        public override void Write(string? value) => Count += value?.Length ?? 0;
    }
}
