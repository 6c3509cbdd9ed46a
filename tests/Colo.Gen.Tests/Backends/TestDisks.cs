using System.Collections.Generic;
using Colo.Gen.Backends;
using Xunit;

namespace Colo.Gen.Tests.Backends;

/// <summary>Disks parsed from xl specs, and a host whose targets are whatever the test says.</summary>
internal static class TestDisks
{
    public static DiskDevice Parse(string spec)
    {
        DiskParseResult parsed = DiskSpecParser.Parse(new[] { spec });
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        return parsed.Disk;
    }

    /// <summary>Parses, assigns the host's COLO role and applies defaults against <paramref name="probe"/>.</summary>
    public static DiskDevice Prepared(string spec, ColoRole hostRole = ColoRole.Primary, IHostProbe? probe = null)
    {
        DiskDevice disk = Parse(spec);
        ColoRoles.Assign([disk], hostRole);
        BackendSelection selection = DiskDefaults.Apply(disk, probe ?? new FakeHostProbe());
        Assert.True(selection.Succeeded, selection.Error);
        return disk;
    }
}

/// <summary>An <see cref="IHostProbe"/> that answers from a table: unknown paths are image files.</summary>
internal sealed class FakeHostProbe : IHostProbe
{
    private readonly Dictionary<string, HostPathStatus> _paths = new();

    public List<string> Asked { get; } = [];

    public FakeHostProbe With(string path, HostPathStatus status)
    {
        _paths[path] = status;
        return this;
    }

    public HostPathStatus Stat(string path)
    {
        Asked.Add(path);
        return _paths.TryGetValue(path, out HostPathStatus status) ? status : HostPathStatus.File;
    }
}
