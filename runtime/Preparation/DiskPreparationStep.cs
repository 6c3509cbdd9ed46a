namespace Colo.Gen;

/// <summary>The step of <see cref="PreparedDisks.Prepare(System.Collections.Generic.IEnumerable{DiskDevice}, DiskHost)"/> an error comes from, in the order the steps run.</summary>
public enum DiskPreparationStep
{
    /// <summary>Parsing the disk's spec (libxlutil's error lines, <see cref="DiskPreparationError.SpecError"/>).</summary>
    Parse = 0,

    /// <summary>Finding the domain a disk's <c>backend=NAME</c> names (libxl's <c>libxl__resolve_domid</c>).</summary>
    BackendDomain = 1,

    /// <summary>libxl's defaults and backend choice (<c>libxl__device_disk_setdefault</c>): libxl's own line.</summary>
    Defaults = 2,

    /// <summary>A COLO option missing or invalid; the line names the option (<see cref="DiskPreparationError.Option"/>).</summary>
    Colo = 3,

    /// <summary>A vdev libxl cannot number (<c>libxl__device_disk_dev_number</c>).</summary>
    DeviceNumber = 4,
}
