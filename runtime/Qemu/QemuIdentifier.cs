using System;

namespace Colo.Gen.Qemu;

/// <summary>
/// QEMU's rule for the names it gives drives and block nodes (<c>id_wellformed</c>): an ASCII
/// letter, then ASCII letters, digits, '-', '.' and '_'. COLO uses the disk's <c>colo-export</c>
/// as a drive id and as the device an NBD server exports, and a node name for the primary's
/// replication node; a value that breaks the rule is refused here with the option's name, before
/// QEMU is started or a command is sent, instead of by QEMU with its own message.
/// </summary>
public static class QemuIdentifier
{
    /// <summary>The longest node name QEMU takes (its node-name buffer holds 32 bytes with the NUL).</summary>
    public const int MaxNodeNameLength = 31;

    /// <summary>True when <paramref name="name"/> is a QEMU identifier.</summary>
    /// <param name="name">A drive id, export or node name.</param>
    public static bool IsWellFormed(string? name)
    {
        if (string.IsNullOrEmpty(name) || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (char c in name.AsSpan(1))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Why <paramref name="name"/> cannot be the identifier <paramref name="option"/> names, or null when it can.</summary>
    /// <param name="name">The value.</param>
    /// <param name="option">The option or parameter it came from, e.g. <c>colo-export</c>.</param>
    /// <param name="maxLength">The longest value QEMU takes there (<see cref="MaxNodeNameLength"/> for node names).</param>
    public static string? Problem(string? name, string option, int maxLength = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(option);
        if (!IsWellFormed(name))
        {
            string shown = name is null ? "(none)" : "\"" + name + "\"";
            return $"{option} {shown} is not a QEMU identifier (a letter, then letters, digits, '-', '.' or '_')";
        }

        return name!.Length > maxLength ? $"{option} \"{name}\" is longer than QEMU takes ({maxLength} characters)" : null;
    }
}
