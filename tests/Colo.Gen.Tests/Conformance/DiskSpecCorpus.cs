using System;
using System.Collections.Generic;
using System.Text;

namespace Colo.Gen.Tests.Conformance;

/// <summary>
/// Generates disks (each one or more spec strings) for the differential test against
/// libxlutil: keyword items, positional items, deprecated prefixes, malformed items,
/// several specs per disk and random bytes. Deterministic for a seed (System.Random with a
/// seed is stable within a .NET version, and the corpus is regenerated, never stored).
/// Every spec can travel on one line of the oracle's input: no '\n', no U+001F, no NUL,
/// valid UTF-16. Tokens stay under 16 KB because libxlutil 4.17's flex scanner overflows
/// its state buffer on longer ones.
/// </summary>
public sealed class DiskSpecCorpus
{
    private static readonly string[] Formats = ["raw", "qcow", "qcow2", "vhd", "empty", "qed", "", "RAW", "Qcow2", "unknown", "vmdk", "raw ", " raw"];
    private static readonly string[] Accesses = ["r", "ro", "rw", "w", "", "RW", "x", "rw ", "wr"];
    private static readonly string[] BackendTypes = ["phy", "tap", "qdisk", "standalone", "", "PHY", "unknown", "qemu"];
    private static readonly string[] Specifications = ["xen", "virtio", "", "Xen", "unknown", "virt"];
    private static readonly string[] DevTypes = ["cdrom", "disk", "", "CDROM", "floppy", "cdrom ", "disk:x"];
    private static readonly string[] Vdevs = ["hda", "hdc", "xvda", "xvdb", "sda", "sdp", "d0p1", "51712", "", "hda:cdrom", "hdc:disk", "x:y:cdrom", ":cdrom", "hdc:", "hda:CDROM"];
    private static readonly string[] Paths = ["/dev/vg/guest-volume", "/root/image.iso", "/some/disk/image.raw", "", "foo", "/a b/c", "iqn.2001-05.com.example:0-8a09-host", "app01", "/x:y", "nbd://host:10809/export", "/path/with=equals", "é/ü日本", "/tmp/a\tb"];
    private static readonly string[] Ports = ["9000", "0", "-1", "  42", "+7", "12abc", "abc", "", "2147483648", "4294967297", "99999999999999999999999", "-2147483649", "\t8"];
    private static readonly string[] Hosts = ["127.0.0.1", "host", "", "[::1]", "a=b"];
    private static readonly string[] Flags = ["cdrom", "direct-io-safe", "discard", "no-discard", "colo", "no-colo"];
    private static readonly string[] NewerFlags = ["trusted", "untrusted", "grant_usage=1", "grant_usage=0", "grant_usage=2"];
    private static readonly string[] Prefixes = ["raw:", "qcow:", "qcow2:", "vhd:", "iscsi:", "nbd:", "enbd:", "drbd:", "tapdisk:", "tap:", "tap2:", "aio:", "ioemu:", "file:", "phy:", "foo:", "x1:", "qed:", "Raw:", "tap3:"];
    private static readonly string[] Malformed = ["=", "==", "a=", "A=b", "x=y", "x=yy", "zz=1", "a-b=c", ",", ",,", "=foo", ":", "::", "a:b", "1:", "-=", "format", "vdev", "target", "a=,", "foo=\"bar\"", "'", "\\", "é=", "=\t"];
    private static readonly string[] Separators = [",", ",", ",", ", ", " ", "  ", "\t", ",,", "", ", \t"];
    private static readonly string[] Alphabet = BuildAlphabet();

    private readonly Random random;
    private readonly bool newerSyntax;

    /// <summary>A corpus for <paramref name="seed"/>.</summary>
    /// <param name="seed">The random seed; the same seed gives the same disks.</param>
    /// <param name="newerSyntax">
    /// Also produce what libxlutil 4.17 does not know (trusted, untrusted, grant_usage,
    /// the seed's colo-params); off for the comparison with Debian's 4.17.
    /// </param>
    public DiskSpecCorpus(int seed, bool newerSyntax = false)
    {
        random = new Random(seed);
        this.newerSyntax = newerSyntax;
    }

    /// <summary>True when a disk uses syntax newer than libxlutil 4.17 (kept out of that comparison).</summary>
    public static bool MentionsNewerSyntax(IReadOnlyList<string> specs)
    {
        foreach (string spec in specs)
        {
            if (spec.Contains("trusted", StringComparison.Ordinal)
                || spec.Contains("grant_usage", StringComparison.Ordinal)
                || spec.Contains("colo-params", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The next <paramref name="count"/> disks.</summary>
    public List<string[]> Disks(int count)
    {
        var disks = new List<string[]>(count);
        while (disks.Count < count)
        {
            string[] disk = NextDisk();
            if (newerSyntax || !MentionsNewerSyntax(disk))
            {
                disks.Add(disk);
            }
        }

        return disks;
    }

    private string[] NextDisk()
    {
        int specs = Pick(10) switch { < 7 => 1, < 9 => 2, _ => 3 };
        var disk = new string[specs];
        for (int i = 0; i < specs; i++)
        {
            disk[i] = NextSpec();
        }

        return disk;
    }

    private string NextSpec()
    {
        int shape = Pick(100);
        if (shape < 4)
        {
            return RandomText(Pick(40));
        }

        if (shape < 6)
        {
            return LongSpec();
        }

        if (shape < 40)
        {
            return WellFormedSpec();
        }

        var spec = new StringBuilder();
        if (Pick(4) == 0)
        {
            spec.Append(Choose(["", " ", "\t", "  "]));
        }

        int items = 1 + Pick(6);
        for (int i = 0; i < items; i++)
        {
            if (i > 0)
            {
                spec.Append(Choose(Separators));
            }

            spec.Append(NextItem(shape));
        }

        if (Pick(5) == 0)
        {
            spec.Append(Choose(["", ",", " ", ",,", "\t"]));
        }

        return spec.ToString();
    }

    /// <summary>A spec xl accepts (mostly): valid values only, a vdev and a target, in any order.</summary>
    private string WellFormedSpec()
    {
        string separator = Choose([",", ",", ", ", ",\t"]);
        if (Pick(3) == 0)
        {
            string positional = Choose(["/dev/vg/guest", "/root/image.iso", "", "app01"]) + "," + Choose(["raw", "qcow2", "vhd", "", "qed"])
                + "," + Choose(["hda", "xvdb", "hdc:cdrom", "sda", "xvda:disk"]) + Choose(["", ",r", ",rw", ",w", ",ro"]);
            return Choose(["", "", "raw:", "iscsi:", "phy:", "file:", "aio:"]) + positional;
        }

        var items = new List<string>
        {
            "vdev=" + Choose(["hda", "hdc", "xvda", "sdb", "d0p1"]),
        };
        string[] optional =
        [
            "format=" + Choose(["raw", "qcow", "qcow2", "vhd", "qed", "", "empty"]),
            "access=" + Choose(["r", "ro", "rw", "w", ""]),
            "backendtype=" + Choose(["phy", "tap", "qdisk", "standalone"]),
            "specification=" + Choose(["xen", "virtio"]),
            "backend=" + Choose(["dom0", "dd1"]),
            "script=" + Choose(["block-iscsi", "block-drbd"]),
            "devtype=" + Choose(["cdrom", "disk"]),
            "colo-host=" + Choose(Hosts),
            "colo-port=" + Choose(["9000", "1", "65535", "-5", " 12"]),
            "colo-export=e" + Pick(9),
            "active-disk=/a" + Pick(9) + ".qcow2",
            "hidden-disk=/h" + Pick(9) + ".qcow2",
            Choose(Flags),
            Choose(Flags),
        ];
        int extra = Pick(6);
        for (int i = 0; i < extra; i++)
        {
            items.Add(Choose(optional));
        }

        // Shuffle, then put the target last (it takes the rest of the spec).
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Pick(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        if (Pick(8) != 0)
        {
            items.Add("target=" + Choose(Paths));
        }

        return string.Join(separator, items) + Choose(["", "", ","]);
    }

    private string NextItem(int shape)
    {
        // Positional-heavy specs for some shapes, keyword-heavy for others.
        int kind = shape < 60 ? Pick(10) : 3 + Pick(12);
        return kind switch
        {
            0 or 1 or 2 => Positional(),
            3 => Choose(Prefixes) + Choose(Paths),
            4 => Choose(Malformed),
            5 => RandomText(1 + Pick(8)),
            6 => Choose(Flags) + (Pick(3) == 0 ? Choose(["", ",", "x", "=", ":"]) : ""),
            7 when newerSyntax => Choose(NewerFlags),
            7 => Choose(Flags),
            8 => "target=" + Choose(Paths) + (Pick(3) == 0 ? "," + Choose(Vdevs) : ""),
            9 when newerSyntax && Pick(3) == 0 => "colo-params=" + Choose(["127.0.0.1:9000:exportname=e1", "h:1:exportname=", "::", "", "host:port"]),
            _ => Keyword(),
        };
    }

    private string Positional() => Pick(5) switch
    {
        0 => Choose(Paths),
        1 => Choose(Formats),
        2 => Choose(Vdevs),
        3 => Choose(Accesses),
        _ => Choose(Paths) + "," + Choose(Formats) + "," + Choose(Vdevs) + "," + Choose(Accesses),
    };

    private string Keyword() => Pick(14) switch
    {
        0 => "format=" + Choose(Formats),
        1 => "vdev=" + Choose(Vdevs),
        2 => "access=" + Choose(Accesses),
        3 => "backend=" + Choose(["dom0", "driver-domain", "", "d1"]),
        4 => "backendtype=" + Choose(BackendTypes),
        5 => "specification=" + Choose(Specifications),
        6 => "script=" + Choose(["block-iscsi", "block", "", "/etc/xen/scripts/x"]),
        7 => "devtype=" + Choose(DevTypes),
        8 => "colo-host=" + Choose(Hosts),
        9 => "colo-port=" + Choose(Ports),
        10 => "colo-export=" + Choose(["e1", "", "export 2"]),
        11 => "active-disk=" + Choose(["/a/active.qcow2", ""]),
        12 => "hidden-disk=" + Choose(["/a/hidden.qcow2", ""]),
        _ => (char)('a' + Pick(26)) + Choose(["", "x", "-y", "9"]) + "=" + RandomText(Pick(3)),
    };

    /// <summary>One long token (a target, a run of spaces, a positional) well under 16 KB.</summary>
    private string LongSpec()
    {
        int length = 1000 + Pick(14000);
        return Pick(4) switch
        {
            0 => "vdev=hda,target=/" + new string('x', length),
            1 => new string(' ', length) + "vdev=hda,target=/x",
            2 => "/" + new string('p', length) + ",raw,hda",
            _ => "format=" + new string('r', length),
        };
    }

    private string RandomText(int length)
    {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            text.Append(Alphabet[Pick(Alphabet.Length)]);
        }

        return text.ToString();
    }

    private static string[] BuildAlphabet()
    {
        var symbols = new List<string>();
        foreach (char c in "abcdefghijklmnopqrstuvwxyz0123456789=,:-_ /.\t\r\u0001\u007f\"'\\AZ")
        {
            symbols.Add(c.ToString());
        }

        // A few letters, a character outside the BMP (a surrogate pair) and more '=' and ','.
        symbols.AddRange(["é", "ü", "日", "😀", "=", "=", ",", ",", ":"]);
        return symbols.ToArray();
    }

    private int Pick(int n) => random.Next(n);

    private string Choose(string[] options) => options[Pick(options.Length)];
}
