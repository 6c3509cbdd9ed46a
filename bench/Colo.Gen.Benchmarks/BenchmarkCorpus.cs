using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Colo.Gen.Benchmarks;

/// <summary>
/// The inputs the benchmarks share: a fixed corpus of mixed disk specs (the disks of Xen's
/// check-xl-disk-parse, plus COLO specs of both syntaxes and erroneous ones), and a 1 MB
/// text of such specs, one a line, for raw scanning.
/// </summary>
internal static class BenchmarkCorpus
{
    /// <summary>Disks (each one or more specs) from tests/Colo.Gen.Tests/TestData/check-xl-disk-parse.jsonl plus COLO ones.</summary>
    public static string[][] Disks()
    {
        var disks = new List<string[]>(CheckXlDiskParse());
        disks.Add(["format=qcow2,vdev=hda,access=rw,colo,colo-host=192.168.1.2,colo-port=9000,colo-export=qdisk1,active-disk=/mnt/ramfs/active.img,hidden-disk=/mnt/ramfs/hidden.img,target=/var/lib/xen/images/guest.qcow2"]);
        disks.Add(["format=raw,vdev=xvda,access=w,colo,colo-params=192.168.1.2:9000:qdisk1:/tmp/a.img:/tmp/h.img,target=/dev/vg/guest"]);
        disks.Add(["format=bogus,vdev=hda,target=/x"]);
        disks.Add(["/dev/vg/guest,raw,xvda,rw,extra"]);
        return disks.ToArray();
    }

    /// <summary>
    /// The disks bench/compare-libxlutil.sh times both parsers on by default: those of
    /// check-xl-disk-parse that libxlutil 4.17 knows (no trusted, no grant_usage).
    /// </summary>
    public static string[][] SideBySideDisks() =>
        CheckXlDiskParse().Where(d => !d.Any(s => s.Contains("trusted", StringComparison.Ordinal) || s.Contains("grant_usage", StringComparison.Ordinal))).ToArray();

    private static List<string[]> CheckXlDiskParse()
    {
        string path = Path.Combine(Colo.Gen.TestSupport.RepositoryRoot.Path, "tests", "Colo.Gen.Tests", "TestData", "check-xl-disk-parse.jsonl");
        var disks = new List<string[]>();
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            using JsonDocument doc = JsonDocument.Parse(line);
            disks.Add(doc.RootElement.GetProperty("args").EnumerateArray().Select(a => a.GetString() ?? string.Empty).ToArray());
        }

        return disks;
    }

    /// <summary>About 1 MB of specs, one a line, as UTF-8.</summary>
    public static byte[] OneMegabyteOfSpecs()
    {
        var sb = new StringBuilder();
        string[] specs = Disks().SelectMany(d => d).Where(s => !s.Contains('\n')).ToArray();
        for (int i = 0; sb.Length < 1 << 20; i++)
        {
            sb.Append(specs[i % specs.Length]).Append('\n');
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
