using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Colo.Gen.Config;
using CsCheck;
using CsGen = CsCheck.Gen;
using Xunit;

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
                string json = XlConfigText.Json(value);
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
    [InlineData("", "\"\\\\\" ")]      // escapes
    [InlineData("", "[ ")]             // a syntax error, then error recovery dropping every token
    [InlineData("a = ", "[ ")]         // nesting, up to bison's stack
    [InlineData("", "x = [ 1,\n")]     // list items
    public void Time_and_memory_grow_no_faster_than_the_input(string prefix, string unit)
    {
        const int Bytes = 2 << 20;
        byte[] input = Encoding.UTF8.GetBytes(prefix + string.Concat(Enumerable.Repeat(unit, Bytes / unit.Length)));
        XlConfig.Parse("a = 1\n"u8, "warm.cfg"); // compile the reader before measuring

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        XlConfig config = XlConfig.Parse(input, "big.cfg");
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.NotNull(config);
        // Generous bounds that only a super-linear cost can break: a linear read takes well under 1 µs a
        // byte, and allocates 1 to 60 bytes a byte in a Release build (the input buffer, the settings,
        // the messages); in a Debug build the generated scanner adds about 144 bytes a match.
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"{elapsed.TotalSeconds:F2} s for {input.Length} bytes of \"{unit}\"");
        Assert.True(allocated < 256L * input.Length + (1 << 20), $"{allocated} bytes allocated for {input.Length} bytes of \"{unit}\"");
    }
}
