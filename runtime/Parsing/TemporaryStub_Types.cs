// TEMPORARY: hand-written stand-ins for the types the IDL generator will emit from
// grammar/libxl_types.idl (branch `idl`). Delete this file once main has them.
using System;
using System.Globalization;
using System.Text;

namespace Colo.Gen;

/// <summary>Stand-in: libxl_defbool.</summary>
public readonly struct Defbool : IEquatable<Defbool>
{
    private readonly int state;

    private Defbool(int state) => this.state = state;

    /// <summary>Not set.</summary>
    public static Defbool Default => default;

    /// <summary>Set true.</summary>
    public static Defbool True => new(1);

    /// <summary>Set false.</summary>
    public static Defbool False => new(-1);

    /// <summary>True when not set.</summary>
    public bool IsDefault => state == 0;

    /// <summary>The value; throws when default.</summary>
    public bool Value => state != 0 ? state > 0 : throw new InvalidOperationException("default");

    /// <summary>From a bool.</summary>
    public static Defbool From(bool value) => value ? True : False;

    /// <summary>setdefault.</summary>
    public Defbool WithDefault(bool value) => IsDefault ? From(value) : this;

    /// <inheritdoc/>
    public bool Equals(Defbool other) => state == other.state;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Defbool d && Equals(d);

    /// <inheritdoc/>
    public override int GetHashCode() => state;

    /// <inheritdoc/>
    public override string ToString() => state == 0 ? "<default>" : state > 0 ? "True" : "False";
}

/// <summary>Stand-in: libxl_disk_format.</summary>
public enum DiskFormat
{
    /// <summary>unknown</summary>
    Unknown = 0,
    /// <summary>qcow</summary>
    Qcow = 1,
    /// <summary>qcow2</summary>
    Qcow2 = 2,
    /// <summary>vhd</summary>
    Vhd = 3,
    /// <summary>raw</summary>
    Raw = 4,
    /// <summary>empty</summary>
    Empty = 5,
    /// <summary>qed</summary>
    Qed = 6,
}

/// <summary>Stand-in: libxl_disk_backend.</summary>
public enum DiskBackend
{
    /// <summary>unknown</summary>
    Unknown = 0,
    /// <summary>phy</summary>
    Phy = 1,
    /// <summary>tap</summary>
    Tap = 2,
    /// <summary>qdisk</summary>
    Qdisk = 3,
    /// <summary>standalone</summary>
    Standalone = 4,
}

/// <summary>Stand-in: libxl_disk_specification.</summary>
public enum DiskSpecification
{
    /// <summary>unknown</summary>
    Unknown = 0,
    /// <summary>xen</summary>
    Xen = 1,
    /// <summary>virtio</summary>
    Virtio = 2,
}

/// <summary>Stand-in: libxl_disk_transport.</summary>
public enum DiskTransport
{
    /// <summary>unknown</summary>
    Unknown = 0,
    /// <summary>mmio</summary>
    Mmio = 1,
}

/// <summary>Stand-in enum helpers.</summary>
public static class DiskFormatExtensions
{
    /// <summary>libxl string.</summary>
    public static string ToLibxlString(this DiskFormat value) => value.ToString().ToLowerInvariant();

    /// <summary>from_string.</summary>
    public static bool TryParseLibxl(ReadOnlySpan<byte> utf8, out DiskFormat value, bool ignoreCase = true) =>
        StubEnum.TryParse(utf8, out value, ignoreCase);
}

/// <summary>Stand-in enum helpers.</summary>
public static class DiskBackendExtensions
{
    /// <summary>libxl string.</summary>
    public static string ToLibxlString(this DiskBackend value) => value.ToString().ToLowerInvariant();

    /// <summary>from_string.</summary>
    public static bool TryParseLibxl(ReadOnlySpan<byte> utf8, out DiskBackend value, bool ignoreCase = true) =>
        StubEnum.TryParse(utf8, out value, ignoreCase);
}

/// <summary>Stand-in enum helpers.</summary>
public static class DiskSpecificationExtensions
{
    /// <summary>libxl string.</summary>
    public static string ToLibxlString(this DiskSpecification value) => value.ToString().ToLowerInvariant();

    /// <summary>from_string.</summary>
    public static bool TryParseLibxl(ReadOnlySpan<byte> utf8, out DiskSpecification value, bool ignoreCase = true) =>
        StubEnum.TryParse(utf8, out value, ignoreCase);
}

internal static class StubEnum
{
    public static bool TryParse<T>(ReadOnlySpan<byte> utf8, out T value, bool ignoreCase)
        where T : struct, Enum
    {
        string text = Encoding.UTF8.GetString(utf8);
        foreach (T candidate in Enum.GetValues<T>())
        {
            string name = candidate.ToString().ToLowerInvariant();
            if (string.Equals(name, text, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}

/// <summary>Stand-in: libxl_device_disk.</summary>
public sealed partial class DiskDevice
{
    /// <summary>backend_domid</summary>
    public uint BackendDomid { get; set; }
    /// <summary>backend_domname</summary>
    public string? BackendDomname { get; set; }
    /// <summary>pdev_path</summary>
    public string? PdevPath { get; set; }
    /// <summary>vdev</summary>
    public string? Vdev { get; set; }
    /// <summary>backend</summary>
    public DiskBackend Backend { get; set; }
    /// <summary>format</summary>
    public DiskFormat Format { get; set; }
    /// <summary>script</summary>
    public string? Script { get; set; }
    /// <summary>removable</summary>
    public int Removable { get; set; }
    /// <summary>readwrite</summary>
    public int Readwrite { get; set; }
    /// <summary>is_cdrom</summary>
    public int IsCdrom { get; set; }
    /// <summary>direct_io_safe</summary>
    public bool DirectIoSafe { get; set; }
    /// <summary>discard_enable</summary>
    public Defbool DiscardEnable { get; set; }
    /// <summary>specification</summary>
    public DiskSpecification Specification { get; set; }
    /// <summary>transport</summary>
    public DiskTransport Transport { get; set; }
    /// <summary>irq</summary>
    public uint Irq { get; set; }
    /// <summary>base</summary>
    public ulong Base { get; set; }
    /// <summary>colo_enable</summary>
    public Defbool ColoEnable { get; set; }
    /// <summary>colo_restore_enable</summary>
    public Defbool ColoRestoreEnable { get; set; }
    /// <summary>colo_params (seed)</summary>
    public string? ColoParams { get; set; }
    /// <summary>colo_host</summary>
    public string? ColoHost { get; set; }
    /// <summary>colo_port</summary>
    public int ColoPort { get; set; }
    /// <summary>colo_export</summary>
    public string? ColoExport { get; set; }
    /// <summary>active_disk</summary>
    public string? ActiveDisk { get; set; }
    /// <summary>hidden_disk</summary>
    public string? HiddenDisk { get; set; }
    /// <summary>trusted</summary>
    public Defbool Trusted { get; set; }
    /// <summary>grant_usage</summary>
    public Defbool GrantUsage { get; set; }

    /// <summary>libxl's _to_json, yajl pretty form.</summary>
    public string ToJson()
    {
        var fields = new System.Collections.Generic.List<string>();
        void Str(string name, string? v)
        {
            if (v is not null)
            {
                var sb = new StringBuilder();
                JsonLine.AppendString(sb, v);
                fields.Add($"\"{name}\": {sb}");
            }
        }

        void Num(string name, ulong v)
        {
            if (v != 0)
            {
                fields.Add($"\"{name}\": {v.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        void Int(string name, int v)
        {
            if (v != 0)
            {
                fields.Add($"\"{name}\": {v.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        void Enm(string name, int v, string s)
        {
            if (v != 0)
            {
                fields.Add($"\"{name}\": \"{s}\"");
            }
        }

        void Def(string name, Defbool v)
        {
            if (!v.IsDefault)
            {
                fields.Add($"\"{name}\": \"{v}\"");
            }
        }

        Num("backend_domid", BackendDomid);
        Str("backend_domname", BackendDomname);
        Str("pdev_path", PdevPath);
        Str("vdev", Vdev);
        Enm("backend", (int)Backend, Backend.ToLibxlString());
        Enm("format", (int)Format, Format.ToLibxlString());
        Str("script", Script);
        Int("removable", Removable);
        Int("readwrite", Readwrite);
        Int("is_cdrom", IsCdrom);
        if (DirectIoSafe)
        {
            fields.Add("\"direct_io_safe\": true");
        }

        Def("discard_enable", DiscardEnable);
        Enm("specification", (int)Specification, Specification.ToString().ToLowerInvariant());
        Enm("transport", (int)Transport, Transport.ToString().ToLowerInvariant());
        Num("irq", Irq);
        Num("base", Base);
        Def("colo_enable", ColoEnable);
        Def("colo_restore_enable", ColoRestoreEnable);
        Str("colo_params", ColoParams);
        Str("colo_host", ColoHost);
        Int("colo_port", ColoPort);
        Str("colo_export", ColoExport);
        Str("active_disk", ActiveDisk);
        Str("hidden_disk", HiddenDisk);
        Def("trusted", Trusted);
        Def("grant_usage", GrantUsage);
        return fields.Count == 0 ? "{\n}\n" : "{\n    " + string.Join(",\n    ", fields) + "\n}\n";
    }
}
