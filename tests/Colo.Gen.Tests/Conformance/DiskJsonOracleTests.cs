using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Conformance;

/// <summary>
/// DiskDevice.ToJson (generated from grammar/libxl_types.idl) against Debian's libxl 4.17
/// libxl_device_disk_to_json, byte for byte, over thousands of seeded random disks; and
/// FromJson(ToJson(x)) == x. libxl 4.17 has neither the seed's colo_params nor grant_usage,
/// so those stay at their default for the comparison and are checked on their own.
/// </summary>
public class DiskJsonOracleTests
{
    private const int Disks = 3000;

    [Fact]
    public void ToJson_OfRandomDisks_IsByteIdenticalToLibxl()
    {
        var random = new Random(20260517);
        var disks = Enumerable.Range(0, Disks).Select(_ => RandomDisk(random, libxl417Only: true)).ToList();
        disks.Add(new DiskDevice());

        List<string> expected = RunOracle(disks);

        for (int i = 0; i < disks.Count; i++)
        {
            Assert.True(expected[i] == disks[i].ToJson(), $"disk {i}:\nlibxl:\n{expected[i]}\nours:\n{disks[i].ToJson()}");
        }
    }

    [Fact]
    public void FromJson_OfToJson_GivesAnEqualDisk()
    {
        var random = new Random(7);
        for (int i = 0; i < Disks; i++)
        {
            DiskDevice disk = RandomDisk(random, libxl417Only: false, namedEnumsOnly: true);
            DiskDevice back = DiskDevice.FromJson(disk.ToJson());
            Assert.Equal(disk, back);
            Assert.Equal(disk.GetHashCode(), back.GetHashCode());
            Assert.Equal(disk, disk.Clone());
        }
    }

    [Fact]
    public void SeedAndNewerFields_AreWrittenInXensOrder()
    {
        var disk = new DiskDevice
        {
            ColoRestoreEnable = Defbool.True,
            ColoParams = "10.0.0.2:9000:exportname=disk0",
            ColoPort = 9000,
            GrantUsage = Defbool.False,
        };

        Assert.Equal(
            "{\n    \"colo_restore_enable\": \"True\",\n    \"colo_params\": \"10.0.0.2:9000:exportname=disk0\",\n    \"colo_port\": 9000,\n    \"grant_usage\": \"False\"\n}\n",
            disk.ToJson());
    }

    [Fact]
    public void Clone_IsDeepAndEqual_AndChangingTheCopyLeavesTheOriginal()
    {
        var disk = new DiskDevice { PdevPath = "/dev/vg/a", Format = DiskFormat.Qcow2, DiscardEnable = Defbool.True };
        DiskDevice copy = disk.Clone();
        Assert.Equal(disk, copy);
        copy.Format = DiskFormat.Raw;
        Assert.NotEqual(disk, copy);
        Assert.Equal(DiskFormat.Qcow2, disk.Format);
    }

    [Fact]
    public void FromJson_OfBadInput_ThrowsJsonException()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => DiskDevice.FromJson("{\"format\": \"nosuch\"}"));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => DiskDevice.FromJson("{\"irq\": -1}"));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => DiskDevice.FromJson("[1]"));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => DiskDevice.FromJson("{"));
        Assert.Equal(DiskFormat.Qcow2, DiskDevice.FromJson("{\"format\": \"QCOW2\"}").Format);
    }

    private static DiskDevice RandomDisk(Random random, bool libxl417Only, bool namedEnumsOnly = false)
    {
        var disk = new DiskDevice
        {
            BackendDomid = Pick(random, 0u, (uint)random.Next(1, 100), uint.MaxValue, (uint)random.NextInt64(0, uint.MaxValue)),
            BackendDomname = RandomString(random),
            PdevPath = RandomString(random),
            Vdev = RandomString(random),
            Backend = (DiskBackend)RandomEnum(random, 5, namedEnumsOnly),
            Format = (DiskFormat)RandomEnum(random, 7, namedEnumsOnly),
            Script = RandomString(random),
            Removable = random.Next(2) == 0,
            Readwrite = random.Next(2) == 0,
            IsCdrom = random.Next(2) == 0,
            DirectIoSafe = random.Next(2) == 0,
            DiscardEnable = RandomDefbool(random),
            Specification = (DiskSpecification)RandomEnum(random, 3, namedEnumsOnly),
            Transport = (DiskTransport)RandomEnum(random, 2, namedEnumsOnly),
            Irq = Pick(random, 0u, uint.MaxValue, (uint)random.NextInt64(0, uint.MaxValue)),
            Base = Pick(random, 0ul, ulong.MaxValue, (ulong)random.NextInt64()),
            ColoEnable = RandomDefbool(random),
            ColoRestoreEnable = RandomDefbool(random),
            ColoHost = RandomString(random),
            ColoPort = RandomInt(random),
            ColoExport = RandomString(random),
            ActiveDisk = RandomString(random),
            HiddenDisk = RandomString(random),
            Trusted = RandomDefbool(random),
        };
        if (!libxl417Only)
        {
            disk.ColoParams = RandomString(random);
            disk.GrantUsage = RandomDefbool(random);
        }

        return disk;
    }

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];

    private static int RandomInt(Random random) => Pick(random, 0, 0, 1, -1, int.MaxValue, int.MinValue, random.Next(int.MinValue, int.MaxValue));

    private static int RandomEnum(Random random, int count, bool namedOnly) =>
        namedOnly || random.Next(8) != 0 ? random.Next(count) : Pick(random, count, count + 1, 99, -1);

    private static Defbool RandomDefbool(Random random) => Pick(random, Defbool.Default, Defbool.True, Defbool.False);

    private static string? RandomString(Random random)
    {
        if (random.Next(3) == 0)
        {
            return null;
        }

        string[] pieces = { "a", "/dev/vg/guest", "qcow2", " ", ",", "\"", "\\", "/", "\t", "\n", "\u0001", "\u001f", "\u007f", "é", "中", "😀", "<default>", "=", ":" };
        var sb = new StringBuilder();
        int n = random.Next(0, 8);
        for (int i = 0; i < n; i++)
        {
            sb.Append(pieces[random.Next(pieces.Length)]);
        }

        return sb.ToString();
    }

    /// <summary>The line the oracle reads for a disk (see disk-json-oracle.c): fields at libxl's init value are left out.</summary>
    private static string OracleLine(DiskDevice d)
    {
        var items = new List<string>();
        void Str(string name, string? value)
        {
            if (value is not null)
            {
                items.Add(name + "=" + Convert.ToHexString(Encoding.UTF8.GetBytes(value)).ToLowerInvariant());
            }
        }

        void Num(string name, object value) => items.Add(name + "=" + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        void Def(string name, Defbool value)
        {
            if (!value.IsDefault)
            {
                items.Add(name + "=" + (value.Value ? "1" : "0"));
            }
        }

        Num("backend_domid", d.BackendDomid);
        Str("backend_domname", d.BackendDomname);
        Str("pdev_path", d.PdevPath);
        Str("vdev", d.Vdev);
        Num("backend", (int)d.Backend);
        Num("format", (int)d.Format);
        Str("script", d.Script);
        Num("removable", d.Removable ? 1 : 0);
        Num("readwrite", d.Readwrite ? 1 : 0);
        Num("is_cdrom", d.IsCdrom ? 1 : 0);
        Num("direct_io_safe", d.DirectIoSafe ? 1 : 0);
        Def("discard_enable", d.DiscardEnable);
        Num("specification", (int)d.Specification);
        Num("transport", (int)d.Transport);
        Num("irq", d.Irq);
        Num("base", d.Base);
        Def("colo_enable", d.ColoEnable);
        Def("colo_restore_enable", d.ColoRestoreEnable);
        Str("colo_host", d.ColoHost);
        Num("colo_port", d.ColoPort);
        Str("colo_export", d.ColoExport);
        Str("active_disk", d.ActiveDisk);
        Str("hidden_disk", d.HiddenDisk);
        Def("trusted", d.Trusted);
        return string.Join('\t', items);
    }

    private static List<string> RunOracle(IReadOnlyList<DiskDevice> disks)
    {
        byte[] output = NativeOracle.Run(NativeBuild.DiskJsonOracle(), disks.Select(OracleLine));
        string[] texts = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(output.ToArray()).Split('\0');
        if (texts.Length != disks.Count + 1)
        {
            throw new InvalidOperationException($"disk-json-oracle printed {texts.Length - 1} outputs for {disks.Count} disks");
        }

        return texts.Take(disks.Count).ToList();
    }
}
