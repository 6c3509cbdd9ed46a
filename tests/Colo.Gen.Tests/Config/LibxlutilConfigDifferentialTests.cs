using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Colo.Gen.Cli;
using Colo.Gen.Config;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Config;

/// <summary>
/// Colo.Gen's config reader against Debian's libxlutil 4.17 (tests/native/xlcfg-oracle), byte for
/// byte: the settings, the messages, and every getter's result and warning, on Xen's example files,
/// on random configs from the grammar and on byte-level mutations of them. Where libxlutil itself
/// crashes, the reader must give its own defined answer instead (see LibxlutilConfigQuirksTests).
/// </summary>
public sealed class LibxlutilConfigDifferentialTests
{
    private const int RandomConfigs = 3000;
    private const int Mutations = 3000;

    [Fact]
    public void Xens_example_files_print_the_same_through_colo_disk_config()
    {
        foreach ((string name, string path) in XlConfigCorpus.XenExamples())
        {
            (int status, string output, string error) = XlConfigOracle.RunFile(path);
            (int Status, string Out, string Error) ours = ColoDisk.Run("config", path);

            Assert.True(output.Length > 0, name + ": libxlutil printed no settings");
            Assert.Equal(0, status);
            Assert.Equal((status, output, error), ours);
        }
    }

    [Fact]
    public void Xens_example_files_read_the_same_by_file_and_by_data()
    {
        foreach ((string name, string path) in XlConfigCorpus.XenExamples())
        {
            Assert.Equal(XlConfigOracle.RunFile(path), XlConfigOracle.RunFile(path, readFile: true));
        }
    }

    [Fact]
    public void Xens_example_files_give_the_same_getters()
    {
        var configs = XlConfigCorpus.XenExamples().Select(e => (e.Name, File.ReadAllBytes(e.Path))).ToList();
        AssertSameRecords(configs, expectValid: true);
    }

    [Fact]
    public void Random_configs_from_the_grammar_read_the_same()
    {
        var random = new Random(13);
        var configs = Enumerable.Range(0, RandomConfigs).Select(i => ($"random{i}.cfg", XlConfigCorpus.RandomConfig(random))).ToList();
        AssertSameRecords(configs, expectValid: false);
    }

    [Fact]
    public void Mutated_configs_read_the_same()
    {
        var random = new Random(31);
        var configs = new List<(string, byte[])>();
        byte[][] examples = XlConfigCorpus.XenExamples().Select(e => File.ReadAllBytes(e.Path)).ToArray();
        for (int i = 0; i < Mutations; i++)
        {
            byte[] valid = i % 10 == 0 ? examples[i / 10 % examples.Length] : XlConfigCorpus.RandomConfig(random);
            configs.Add(($"mutant{i}.cfg", XlConfigCorpus.Mutate(valid, random)));
        }

        AssertSameRecords(configs, expectValid: false);
    }

    [Fact]
    public void Tokens_longer_than_flexs_read_buffer_read_the_same()
    {
        string x = new('x', 40000), nine = new('9', 30000), name = new('c', 30000), blanks = new(' ', 40000);
        var configs = new List<(string, byte[])>
        {
            ("long1.cfg", Encoding.UTF8.GetBytes($"a = \"{x}\"\nb = {nine}\n{name} = 1\n# {x}\n")),
            ("long2.cfg", Encoding.UTF8.GetBytes($"a = \"{x}\n{blanks}$\n")),
            ("long3.cfg", Encoding.UTF8.GetBytes($"disk = [ '{x}', \"{x}\" ]\n#{blanks}# {x}")),
        };

        AssertSameRecords(configs, expectValid: false);
    }

    /// <summary>
    /// Every record must be the same, except where libxlutil's child crashed: there the input must
    /// hold a NUL inside quotes (the one crash libxlutil has on config text) and the reader reports it.
    /// </summary>
    private static void AssertSameRecords(List<(string Source, byte[] Content)> configs, bool expectValid)
    {
        List<string> expected = XlConfigOracle.RunBatch(configs);
        var differences = new List<string>();
        int crashes = 0, failures = 0;
        for (int i = 0; i < configs.Count; i++)
        {
            (string source, byte[] content) = configs[i];
            XlConfig config = XlConfig.Parse(content, source);
            failures += config.Succeeded ? 0 : 1;
            if (expected[i].StartsWith("crashed ", StringComparison.Ordinal))
            {
                crashes++;
                if (!config.Messages.Any(m => m.EndsWith(": NUL byte in quoted string", StringComparison.Ordinal)))
                {
                    differences.Add($"{source}: libxlutil crashed ({expected[i].Trim()}) and the reader did not report a NUL in a quoted string\ninput: {Escaped(content)}");
                }

                continue;
            }

            string actual = XlConfigRecord.For(config);
            if (actual != expected[i] && differences.Count < 5)
            {
                differences.Add($"{source}\ninput: {Escaped(content)}\n{FirstDifference(expected[i], actual)}");
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n\n", differences));
        if (expectValid)
        {
            Assert.Equal(0, failures);
        }
        else
        {
            // The corpus must exercise both sides: files that read and files that fail.
            Assert.InRange(failures, 1, configs.Count - 1);
        }

        Assert.True(crashes <= configs.Count / 10, $"{crashes} crashes of libxlutil in {configs.Count} configs");
    }

    /// <summary>The first line where the two records differ, with two lines of context before it.</summary>
    private static string FirstDifference(string expected, string actual)
    {
        string[] left = expected.Split('\n');
        string[] right = actual.Split('\n');
        int at = 0;
        while (at < left.Length && at < right.Length && left[at] == right[at])
        {
            at++;
        }

        int from = Math.Max(0, at - 2);
        return $"line {at + 1}:\n  same: {string.Join("\n  same: ", left[from..Math.Min(at, left.Length)])}\n  libxlutil: {(at < left.Length ? left[at] : "(end)")}\n  colo-gen:  {(at < right.Length ? right[at] : "(end)")}";
    }

    private static string Escaped(byte[] content)
    {
        var text = new StringBuilder();
        foreach (byte b in content)
        {
            text.Append(b is >= 0x20 and < 0x7f and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return text.ToString();
    }
}
