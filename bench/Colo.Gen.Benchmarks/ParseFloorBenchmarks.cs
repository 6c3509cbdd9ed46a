using System.Collections.Generic;
using BenchmarkDotNet.Attributes;

namespace Colo.Gen.Benchmarks;

/// <summary>
/// What parsing costs at the very least, beside the parse itself: allocating the
/// disks with their strings and error lines (what the parse must hand back), and scanning the
/// specs into tokens with the rules of grammar/disk.l and no actions (copying each spec into the
/// scanner, then one table step a byte, less the stretches runs skip). Their sum is the floor
/// for any parser built this way. The disks are those bench/compare-libxlutil.sh times libxlutil
/// on, so README's Performance section can set the floor against a tenth of libxlutil's time a disk.
/// </summary>
[MemoryDiagnoser]
public class ParseFloorBenchmarks
{
    // disk.l's DFA: 294 states over 37 input classes (the generated file's first line), two
    // leading words a row; its tables fill 23 KB, as this one does.
    private const int States = 294;
    private const int RowLength = 37 + 2;

    private readonly DiskTokenScanner _tokens = new();
    private string[][] _disks = [];
    private int[][] _stringLengths = [];
    private byte[] _specBytes = [];
    private readonly ushort[] _rows = new ushort[States * RowLength];
    private readonly byte[] _classOf = new byte[256];

    [GlobalSetup]
    public void Setup()
    {
        _disks = BenchmarkCorpus.SideBySideDisks();
        _stringLengths = new int[_disks.Length][];
        for (int i = 0; i < _disks.Length; i++)
        {
            DiskParseResult parsed = DiskSpecParser.Parse(_disks[i]);
            var lengths = new List<int>();
            DiskDevice d = parsed.Disk!; // a parse always has a disk; a failed one is what was parsed
            foreach (string? s in new[] { d.BackendDomname, d.PdevPath, d.Vdev, d.Script, d.ColoParams, d.ColoHost, d.ColoExport, d.ActiveDisk, d.HiddenDisk })
            {
                if (s is not null)
                {
                    lengths.Add(s.Length);
                }
            }

            foreach (string error in parsed.Errors)
            {
                lengths.Add(error.Length);
            }

            _stringLengths[i] = lengths.ToArray();
        }

        _specBytes = System.Text.Encoding.UTF8.GetBytes(string.Concat(System.Linq.Enumerable.SelectMany(_disks, d => d)));
        var random = new System.Random(1);
        for (int i = 0; i < _rows.Length; i++)
        {
            _rows[i] = (ushort)(random.Next(States) * RowLength);
        }

        for (int b = 0; b < 256; b++)
        {
            _classOf[b] = (byte)(2 + (b % 37));
        }
    }

    [Benchmark(Baseline = true, Description = "parse (DiskSpecParser)")]
    public int Parse() => ParseBenchmarks.ParseAll(_disks);

    [Benchmark(Description = "floor: allocate the disks, their strings and error lines")]
    public object? Allocate()
    {
        object? last = null;
        foreach (int[] lengths in _stringLengths)
        {
            var disk = new DiskDevice();
            foreach (int length in lengths)
            {
                disk.Vdev = new string('x', length);
            }

            last = disk;
        }

        return last;
    }

    [Benchmark(Description = "floor: one table step a byte of every spec, no tokens")]
    public int StepEveryByte()
    {
        // The chain no table-driven scanner escapes: the next row depends on a load from this one.
        nint row = 0;
        byte[] input = _specBytes;
        for (int i = 0; i < input.Length; i++)
        {
            row = _rows[row + _classOf[input[i]]];
        }

        return (int)row;
    }

    [Benchmark(Description = "floor: scan the specs into tokens, no actions")]
    public int Scan()
    {
        int tokens = 0;
        foreach (string[] disk in _disks)
        {
            foreach (string spec in disk)
            {
                _tokens.SetInput(spec);
                while (_tokens.Lex() > 0)
                {
                    tokens++;
                }
            }
        }

        return tokens;
    }
}
