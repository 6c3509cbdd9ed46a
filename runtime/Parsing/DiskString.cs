using System;

namespace Colo.Gen;

/// <summary>The string fields of a disk that a spec sets through libxlutil's savestring.</summary>
internal enum DiskString
{
    /// <summary><c>backend=</c>: the driver domain's name.</summary>
    BackendDomname,

    /// <summary><c>target=</c> or the first positional parameter.</summary>
    PdevPath,

    /// <summary><c>vdev=</c> or the third positional parameter.</summary>
    Vdev,

    /// <summary><c>script=</c> or a deprecated script prefix.</summary>
    Script,

    /// <summary>The seed's <c>colo-params=</c>.</summary>
    ColoParams,

    /// <summary><c>colo-host=</c>.</summary>
    ColoHost,

    /// <summary><c>colo-export=</c>.</summary>
    ColoExport,

    /// <summary><c>active-disk=</c>.</summary>
    ActiveDisk,

    /// <summary><c>hidden-disk=</c>.</summary>
    HiddenDisk,
}

/// <summary>Reading, writing and naming the fields of <see cref="DiskString"/>.</summary>
internal static class DiskStringFields
{
    /// <summary>The name libxlutil uses in "NAME respecified".</summary>
    public static string OptionName(this DiskString field) => field switch
    {
        DiskString.BackendDomname => "backend",
        DiskString.PdevPath => "target",
        DiskString.Vdev => "vdev",
        DiskString.Script => "script",
        DiskString.ColoParams => "colo-params",
        DiskString.ColoHost => "colo-host",
        DiskString.ColoExport => "colo-export",
        DiskString.ActiveDisk => "active-disk",
        DiskString.HiddenDisk => "hidden-disk",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>The field's current value.</summary>
    public static string? Get(this DiskString field, DiskDevice disk) => field switch
    {
        DiskString.BackendDomname => disk.BackendDomname,
        DiskString.PdevPath => disk.PdevPath,
        DiskString.Vdev => disk.Vdev,
        DiskString.Script => disk.Script,
        DiskString.ColoParams => disk.ColoParams,
        DiskString.ColoHost => disk.ColoHost,
        DiskString.ColoExport => disk.ColoExport,
        DiskString.ActiveDisk => disk.ActiveDisk,
        DiskString.HiddenDisk => disk.HiddenDisk,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>Stores <paramref name="value"/> in the field.</summary>
    public static void Set(this DiskString field, DiskDevice disk, string value)
    {
        switch (field)
        {
            case DiskString.BackendDomname: disk.BackendDomname = value; break;
            case DiskString.PdevPath: disk.PdevPath = value; break;
            case DiskString.Vdev: disk.Vdev = value; break;
            case DiskString.Script: disk.Script = value; break;
            case DiskString.ColoParams: disk.ColoParams = value; break;
            case DiskString.ColoHost: disk.ColoHost = value; break;
            case DiskString.ColoExport: disk.ColoExport = value; break;
            case DiskString.ActiveDisk: disk.ActiveDisk = value; break;
            case DiskString.HiddenDisk: disk.HiddenDisk = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field));
        }
    }
}
