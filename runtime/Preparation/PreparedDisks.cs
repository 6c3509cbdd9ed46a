using System;
using System.Collections;
using System.Collections.Generic;
using Colo.Gen.Backends;
using Colo.Gen.Devices;

namespace Colo.Gen;

/// <summary>
/// A domain's disks, prepared for one host: the only way from disk specs to QEMU arguments
/// (<see cref="Qemu.DeviceModelArguments.Build(PreparedDisks, Qemu.QemuDialect, Qemu.QemuTargetPolicy?)"/>),
/// xenstore backend nodes (<see cref="Xenstore.DiskBackendNodes"/>) and the QMP replication steps
/// (<see cref="Qmp.ColoReplication"/>). Only <see cref="Prepare(IEnumerable{DiskDevice}, DiskHost)"/> makes
/// one, and only when every step succeeded for every disk, so the order libxl needs — parse, defaults
/// and backend domain, backend choice, COLO roles — cannot be skipped or run halfway.
/// </summary>
public sealed class PreparedDisks : IReadOnlyList<PreparedDisk>
{
    private readonly PreparedDisk[] disks;

    private PreparedDisks(PreparedDisk[] disks, DiskHost host)
    {
        this.disks = disks;
        Host = host;
    }

    /// <summary>The host the disks were prepared for.</summary>
    public DiskHost Host { get; }

    /// <summary>How many disks the domain has.</summary>
    public int Count => disks.Length;

    /// <summary>The disk at <paramref name="index"/> in the domain's order.</summary>
    /// <param name="index">0 for the first disk.</param>
    public PreparedDisk this[int index] => disks[index];

    /// <summary>The prepared disks themselves, for the builders in this library.</summary>
    internal IReadOnlyList<DiskDevice> Devices => Array.ConvertAll(disks, d => d.Device);

    /// <summary>
    /// Parses a domain's disks, one spec string a disk, and prepares them: <see cref="DiskSpecParser"/>,
    /// then <see cref="Prepare(IEnumerable{DiskParseResult}, DiskHost)"/>.
    /// </summary>
    /// <param name="specs">One spec string for each disk, in the domain's order.</param>
    /// <param name="host">The host the disks are prepared for.</param>
    /// <param name="source">The name parse errors start with (libxlutil's config source).</param>
    /// <exception cref="ArgumentNullException">An argument or a spec is null.</exception>
    public static DiskPreparationResult Prepare(IEnumerable<string> specs, DiskHost host, string source = DiskSpecParser.CommandLine)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(source);
        var parsed = new List<DiskParseResult>();
        foreach (string spec in specs)
        {
            parsed.Add(DiskSpecParser.Parse(spec ?? throw new ArgumentNullException(nameof(specs), "A disk's spec is null."), source));
        }

        return Prepare(parsed, host);
    }

    /// <summary>
    /// Prepares parsed disks. A disk that did not parse gives its errors (libxlutil's, as values) and
    /// nothing is prepared; so does <c>default(DiskParseResult)</c>, which no parse returns. The parsed
    /// disks are copied, so the caller's are left as they are.
    /// </summary>
    /// <param name="parsed">Each disk's parse result, in the domain's order.</param>
    /// <param name="host">The host the disks are prepared for.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static DiskPreparationResult Prepare(IEnumerable<DiskParseResult> parsed, DiskHost host)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(host);
        var devices = new List<DiskDevice>();
        var errors = new List<DiskPreparationError>();
        foreach (DiskParseResult result in parsed)
        {
            int index = devices.Count;
            if (result.Succeeded)
            {
                devices.Add(result.Disk.Clone());
                continue;
            }

            devices.Add(new DiskDevice());
            if (result.ErrorList is not DiskSpecErrors specErrors)
            {
                errors.Add(new DiskPreparationError(index, DiskPreparationStep.Parse, $"disk {index} was never parsed (a default DiskParseResult)"));
                continue;
            }

            foreach (DiskSpecError error in specErrors.Kept)
            {
                errors.Add(new DiskPreparationError(index, error));
            }

            if (specErrors.Omitted > 0)
            {
                errors.Add(new DiskPreparationError(index, DiskPreparationStep.Parse, specErrors.OmittedLine()));
            }
        }

        // A disk that did not parse leaves the domain without a disk list to prepare.
        return errors.Count > 0 ? new DiskPreparationResult(null, errors) : PrepareCopies(devices, host);
    }

    /// <summary>
    /// Prepares disks given as libxl's type (built in code, or read with <see cref="DiskDevice.FromJson"/>),
    /// as libxl does when it adds them to a domain:
    /// <list type="number">
    /// <item>the host's COLO role goes on every disk (libxl's <c>colo_restore_enable</c>);</item>
    /// <item>libxl's defaults (<c>libxl__device_disk_setdefault</c>), with <c>backend=NAME</c> resolved to a
    /// domain id through <see cref="DiskHost.Xenstore"/> (<c>libxl__resolve_domid</c>), and the backend choice
    /// against <see cref="DiskHost.Probe"/>;</item>
    /// <item>for a COLO disk, its options: each one missing or invalid (<c>colo-host</c>, <c>colo-port</c>
    /// outside 1 to 65535, <c>colo-export</c>, <c>colo-params</c>, <c>active-disk</c>, <c>hidden-disk</c>, a
    /// backend other than qdisk) is an error naming it, beside libxl's own line when libxl has one;</item>
    /// <item>the vdev must be one libxl can number.</item>
    /// </list>
    /// Every disk goes through every step, so all the problems of a domain are reported at once; any error
    /// means no <see cref="PreparedDisks"/>. The disks are copied first: the caller's are left as they are.
    /// </summary>
    /// <param name="disks">The domain's disks, in its order.</param>
    /// <param name="host">The host the disks are prepared for.</param>
    /// <exception cref="ArgumentNullException">An argument or a disk is null.</exception>
    public static DiskPreparationResult Prepare(IEnumerable<DiskDevice> disks, DiskHost host)
    {
        ArgumentNullException.ThrowIfNull(disks);
        ArgumentNullException.ThrowIfNull(host);
        var copies = new List<DiskDevice>();
        foreach (DiskDevice disk in disks)
        {
            copies.Add((disk ?? throw new ArgumentNullException(nameof(disks), "A disk is null.")).Clone());
        }

        return PrepareCopies(copies, host);
    }

    private static DiskPreparationResult PrepareCopies(List<DiskDevice> devices, DiskHost host)
    {
        var errors = new List<DiskPreparationError>();
        var prepared = new PreparedDisk[devices.Count];

        // libxl_domain_create_new clears colo_restore_enable on every disk; a restore from a COLO
        // checkpoint stream sets it: that is what makes this host the secondary.
        ColoRoles.Assign(devices, host.Role);
        for (int index = 0; index < devices.Count; index++)
        {
            DiskDevice disk = devices[index];
            int before = errors.Count;
            BackendSelection selection = DiskDefaults.Apply(disk, host.Probe, host.HvmGuest, host.Xenstore);
            if (!selection.Succeeded)
            {
                if (selection.BackendDomainUnresolved)
                {
                    // libxl logs nothing where the name fails to resolve; domain creation then says this.
                    errors.Add(new DiskPreparationError(index, DiskPreparationStep.BackendDomain, DiskDefaults.UnableToSetDefaults(index)));
                    errors.Add(new DiskPreparationError(index, DiskPreparationStep.BackendDomain, selection.Error, "backend"));
                }
                else
                {
                    errors.Add(new DiskPreparationError(index, DiskPreparationStep.Defaults, selection.Error));
                }
            }

            foreach (DiskOptionProblem problem in ColoOptions.Problems(disk))
            {
                errors.Add(new DiskPreparationError(index, DiskPreparationStep.Colo, problem.Message, problem.Option));
            }

            if (!VirtualDeviceNumber.TryParse(disk.Vdev, out _))
            {
                errors.Add(new DiskPreparationError(index, DiskPreparationStep.DeviceNumber, $"Invalid or unsupported virtual disk identifier {disk.Vdev ?? "(null)"}"));
            }

            if (errors.Count == before)
            {
                prepared[index] = new PreparedDisk(index, disk, selection.Reasons, selection.TargetExamined);
            }
        }

        return errors.Count > 0
            ? new DiskPreparationResult(null, errors)
            : new DiskPreparationResult(new PreparedDisks(prepared, host), []);
    }

    /// <inheritdoc/>
    public IEnumerator<PreparedDisk> GetEnumerator() => ((IEnumerable<PreparedDisk>)disks).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => disks.GetEnumerator();
}
