namespace Colo.Gen.Cli;

/// <summary>
/// What <c>colo-disk</c>'s exit status means, the same for every command (listed in <c>--help</c> and
/// the README). xl itself exits 1 for any failure; a script needs to tell "the disk is wrong" from
/// "the command line is wrong", so usage errors have their own status, as in POSIX utilities.
/// </summary>
internal static class ExitStatus
{
    /// <summary>Everything asked for was done; the data is on standard output.</summary>
    public const int Success = 0;

    /// <summary>A disk (or a configuration) was rejected: libxlutil's or libxl's messages are on standard error.</summary>
    public const int Rejected = 1;

    /// <summary>The command line itself is wrong (an unknown option or command, a missing or bad value); nothing was parsed.</summary>
    public const int UsageError = 2;

    /// <summary>The lines <c>--help</c> ends with.</summary>
    public const string HelpSection =
        "Exit status:\n"
        + "  0  success: the data is on standard output\n"
        + "  1  a disk or configuration was rejected: libxlutil's or libxl's messages are on standard error\n"
        + "  2  usage error: an unknown option or command, a missing or bad value\n";
}
