using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Colo.Gen.Tests.Conformance;

namespace Colo.Gen.Benchmarks;

/// <summary>
/// The batch-mode corpora the side-by-side scripts feed to libxlutil and colo-disk, one disk a line
/// (specs split by U+001F), deterministic for a seed, and only in syntax libxlutil 4.17 knows:
/// <list type="bullet">
/// <item><c>realistic</c>: disks in the shapes xl configs hold, drawn with weights from those of Xen's
/// xl-disk-configuration(5) page and tools/examples (positional <c>PATH,FORMAT,VDEV,ACCESS</c>, keyword
/// forms with and without spaces, CD-ROMs, backendtype=phy/qdisk with rbd:, script=, deprecated prefixes,
/// discard and direct-io-safe, upstream COLO options) with paths, names, devices and addresses varied,
/// one disk in 10 taken from Xen's check-xl-disk-parse cases, and about one in 25 with a typo a person
/// makes (a misspelt key, an unknown format, a missing vdev), so some lines are error lines;</item>
/// <item><c>random</c>: the differential test's generated corpus (tests/Colo.Gen.Tests DiskSpecCorpus),
/// mostly malformed items: the error path.</item>
/// </list>
/// </summary>
internal static class DiskLineCorpus
{
    private static readonly string[] Formats = ["raw", "raw", "raw", "qcow2", "qcow2", "vhd", "qcow"];
    private static readonly string[] Accesses = ["rw", "rw", "w", "r", "ro"];
    private static readonly string[] VolumeGroups = ["vg", "vg0", "xen-vg", "data", "ssd"];

    /// <summary>Writes <paramref name="disks"/> lines of the <paramref name="kind"/> corpus to <paramref name="path"/>.</summary>
    public static void Write(string kind, string path, int disks, int seed)
    {
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        var random = new Random(seed);
        switch (kind)
        {
            case "realistic":
                string[][] xlCases = BenchmarkCorpus.SideBySideDisks();
                for (int i = 0; i < disks; i++)
                {
                    file.Write(i % 10 == 9 ? string.Join('\u001f', xlCases[random.Next(xlCases.Length)]) : Realistic(random));
                    file.Write('\n');
                }

                break;
            case "random":
                var corpus = new DiskSpecCorpus(seed);
                for (int written = 0; written < disks;)
                {
                    foreach (string[] disk in corpus.Disks(Math.Min(10000, disks - written)))
                    {
                        file.Write(string.Join('\u001f', disk));
                        file.Write('\n');
                        written++;
                    }
                }

                break;
            default:
                throw new ArgumentException("corpus kind: realistic or random, not " + kind, nameof(kind));
        }
    }

    private static string Realistic(Random r)
    {
        string name = Pick(r, ["guest", "vm", "web", "db", "mail", "build", "test"]) + r.Next(1, 400);
        string lv = "/dev/" + Pick(r, VolumeGroups) + "/" + name + Pick(r, ["", "-root", "-disk", "-data", "-volume"]);
        string file = Pick(r, ["/var/lib/xen/images/", "/srv/xen/", "/data/vms/", "/home/xen/"]) + name + Pick(r, [".img", ".raw", ".qcow2", ".vhd", "/disk0.img"]);
        string path = r.Next(2) == 0 ? lv : file;
        string format = Pick(r, Formats);
        string vdev = r.Next(3) switch
        {
            0 => "xvd" + (char)('a' + r.Next(0, 8)),
            1 => "hd" + (char)('a' + r.Next(0, 4)),
            _ => "sd" + (char)('a' + r.Next(0, 4)),
        };
        string access = Pick(r, Accesses);
        string iso = Pick(r, ["/root/", "/srv/iso/", "/var/lib/xen/iso/"]) + Pick(r, ["debian-12.iso", "install.iso", "image.iso", "win10.iso"]);
        int typo = r.Next(25);
        if (typo == 0)
        {
            return Pick(r, [
                "fromat=" + format + ",vdev=" + vdev + ",access=" + access + ",target=" + path,
                "format=qcow3,vdev=" + vdev + ",target=" + path,
                "format=" + format + ",access=" + access + ",target=" + path,
                path + "," + format + "," + vdev + "," + access + ",extra",
                "vdev=" + vdev + ",acess=rw,target=" + path,
            ]);
        }

        return r.Next(20) switch
        {
            0 or 1 or 2 or 3 or 4 => path + "," + format + "," + vdev + "," + access,
            5 or 6 => path + ",," + vdev,
            7 => "format=" + format + ", vdev=" + vdev + ", access=" + access + ", target=" + path,
            8 or 9 => "format=" + format + ",vdev=" + vdev + ",access=" + access + ",target=" + path,
            10 => "vdev=" + vdev + ",access=" + access + ",target=" + path,
            11 => Pick(r, [iso + ",,hdc,cdrom", iso + ",raw,hdc,devtype=cdrom", "format=raw, vdev=hdc, access=ro, devtype=cdrom, target=" + iso, ",,hdc:cdrom,r", iso + ",,hdc,,cdrom"]),
            12 => "backendtype=qdisk,vdev=" + vdev + ",target=rbd:" + Pick(r, ["rbd", "vms", "pool1"]) + "/" + name + ":id=admin",
            13 => "backendtype=phy,vdev=" + vdev + ",access=w,target=" + lv,
            14 => "vdev=xvda,access=w,script=block-iscsi,target=iqn.2001-05.com.example:0-8a0906-" + r.Next(100000, 999999) + "-" + name,
            15 => "format=" + format + ",vdev=" + vdev + ",access=rw,colo,colo-host=192.168." + r.Next(256) + "." + r.Next(1, 255)
                + ",colo-port=" + r.Next(9000, 9100) + ",colo-export=" + name + ",active-disk=/mnt/ramfs/" + name + "-active.img,hidden-disk=/mnt/ramfs/" + name + "-hidden.img,target=" + path,
            16 => Pick(r, ["phy:", "file:", "tap:aio:", "raw:", "qcow2:"]) + path + "," + vdev + "," + Pick(r, ["w", "r"]),
            17 => "format=" + format + ",vdev=" + vdev + ",access=rw," + Pick(r, ["discard", "no-discard", "direct-io-safe", "discard,direct-io-safe"]) + ",target=" + path,
            18 => "backendtype=" + Pick(r, ["phy", "qdisk", "tap"]) + "," + path + "," + format + "," + vdev + "," + access,
            _ => "vdev=" + vdev + ",format=" + format + ",target=" + path,
        };
    }

    private static string Pick(Random r, IReadOnlyList<string> items) => items[r.Next(items.Count)];
}
