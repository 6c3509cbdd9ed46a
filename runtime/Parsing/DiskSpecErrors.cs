using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace Colo.Gen;

/// <summary>
/// The errors of one disk as the parser keeps them: the first <see cref="DiskSpecParser.MaxErrorsKept"/>
/// as <see cref="DiskSpecError"/> values, and a count of the rest. libxlutil prints every error with
/// the whole spec, so a spec of a million errors would be a million copies of itself; past the cap
/// the errors are counted, and the lines end with one <c>N more errors</c> line.
/// </summary>
internal sealed class DiskSpecErrors
{
    private readonly List<DiskSpecError> kept = new();

    public DiskSpecErrors(string source) => Source = source;

    /// <summary>The source name the lines start with.</summary>
    public string Source { get; }

    /// <summary>The errors kept, in the order they were found.</summary>
    public IReadOnlyList<DiskSpecError> Kept => kept;

    /// <summary>How many errors were found past the cap and only counted.</summary>
    public int Omitted { get; private set; }

    /// <summary>True when another error would be kept (the caller need not build it otherwise).</summary>
    public bool HasRoom => kept.Count < DiskSpecParser.MaxErrorsKept;

    /// <summary>Keeps <paramref name="error"/> (the caller checks <see cref="HasRoom"/> first).</summary>
    public void Add(DiskSpecError error) => kept.Add(error);

    /// <summary>Counts one more error found past the cap (<see cref="Omitted"/>), saturating at <see cref="int.MaxValue"/>.</summary>
    public void CountOmitted() => Omitted = Omitted == int.MaxValue ? int.MaxValue : Omitted + 1;

    /// <summary>The line that stands for the errors not kept: <c>SOURCE: config parsing error in disk specification: N more errors</c>.</summary>
    public string OmittedLine() =>
        string.Create(CultureInfo.InvariantCulture, $"{Source}{DiskSpecError.LinePrefix}{Omitted} more error{(Omitted == 1 ? "" : "s")}");

    /// <summary>The lines, made one at a time when asked for (none is stored).</summary>
    public IReadOnlyList<string> Lines() => new LineList(this);

    private sealed class LineList(DiskSpecErrors errors) : IReadOnlyList<string>
    {
        public int Count => errors.kept.Count + (errors.Omitted > 0 ? 1 : 0);

        public string this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
                return index < errors.kept.Count ? errors.kept[index].ToString() : errors.OmittedLine();
            }
        }

        public IEnumerator<string> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
