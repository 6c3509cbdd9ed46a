using System;
using System.IO;

namespace Colo.Gen;

/// <summary>
/// One reason a domain's disks could not be prepared: which disk, which step, the option at fault when
/// there is one, and the line to print. Lines from libxl and libxlutil are theirs word for word; a line
/// this library adds (a COLO option, a backend domain name) names the option and stands beside
/// libxl's line, never instead of it.
/// </summary>
public sealed class DiskPreparationError
{
    private readonly string? line;

    internal DiskPreparationError(int diskIndex, DiskPreparationStep step, string message, string? option = null)
    {
        DiskIndex = diskIndex;
        Step = step;
        line = message;
        Option = option;
    }

    internal DiskPreparationError(int diskIndex, DiskSpecError specError)
    {
        DiskIndex = diskIndex;
        Step = DiskPreparationStep.Parse;
        SpecError = specError;
    }

    /// <summary>The disk's place in the domain's disk list (0 for the first).</summary>
    public int DiskIndex { get; }

    /// <summary>The step that failed.</summary>
    public DiskPreparationStep Step { get; }

    /// <summary>
    /// The disk option the line is about, as xl spells it (<c>colo-port</c>, <c>active-disk</c>,
    /// <c>backend</c>); null for libxl's and libxlutil's own lines.
    /// </summary>
    public string? Option { get; }

    /// <summary>For a parse error: libxlutil's error as a value (which spec, where); else null.</summary>
    public DiskSpecError? SpecError { get; }

    /// <summary>What went wrong: libxlutil's message for a parse error (without source and spec), else the whole line.</summary>
    public string Message => SpecError?.Message ?? line!;

    /// <summary>The line to print, without a newline: libxlutil's line for a parse error, libxl's line, or this library's line naming the option.</summary>
    public override string ToString() => SpecError?.ToString() ?? line!;

    /// <summary>Writes <see cref="ToString"/>'s line to <paramref name="writer"/> without building it first (a parse error's line quotes its whole spec).</summary>
    /// <param name="writer">Where the line goes.</param>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (SpecError is not null)
        {
            SpecError.WriteTo(writer);
        }
        else
        {
            writer.Write(line);
        }
    }
}
