using System.Collections.Generic;
using System.Text;

namespace Colo.Gen.Tests.Fuzz;

/// <summary>
/// QEMU's own reading of an option string (QemuOpts, <c>util/qemu-option.c</c> of QEMU 7.2),
/// re-implemented to check what our arguments mean to QEMU: a name runs to the first '=' or ',';
/// with '=' the value runs to the next single ',' and ",," in it is one literal comma; without
/// '=' the first item of a <c>-device</c> is the value of its implied <c>driver</c>, and any other
/// item is a flag (<c>NAME</c> is on, <c>noNAME</c> is NAME off); one ',' ends each item.
/// </summary>
internal static class QemuOpts
{
    /// <summary>The options of <paramref name="text"/>, in order.</summary>
    /// <param name="text">An option string (what follows <c>-drive</c> or <c>-device</c>).</param>
    /// <param name="impliedFirstName">The name a bare first item gets (<c>driver</c> for <c>-device</c>), or null (<c>-drive</c>).</param>
    public static List<(string Name, string Value)> Parse(string text, string? impliedFirstName)
    {
        var options = new List<(string, string)>();
        int p = 0;
        string? firstName = impliedFirstName;
        while (p < text.Length)
        {
            int stop = text.IndexOfAny(['=', ','], p);
            int nameEnd = stop < 0 ? text.Length : stop;
            string name;
            string value;
            if (nameEnd == text.Length || text[nameEnd] != '=')
            {
                if (firstName is not null)
                {
                    name = firstName;
                    p = ReadValue(text, p, out value);
                }
                else
                {
                    name = text[p..nameEnd];
                    p = nameEnd;
                    value = "on";
                    if (name.StartsWith("no", System.StringComparison.Ordinal))
                    {
                        name = name[2..];
                        value = "off";
                    }
                }
            }
            else
            {
                name = text[p..nameEnd];
                p = ReadValue(text, nameEnd + 1, out value);
            }

            options.Add((name, value));
            firstName = null;
            if (p < text.Length)
            {
                p++; // the ',' that ended the item
            }
        }

        return options;
    }

    /// <summary>QEMU's get_opt_value: up to a single ',' (or the end); ",," is one literal ','. Returns where it stopped.</summary>
    private static int ReadValue(string text, int p, out string value)
    {
        var read = new StringBuilder();
        while (true)
        {
            int comma = text.IndexOf(',', p);
            int end = comma < 0 ? text.Length : comma;
            read.Append(text, p, end - p);
            if (end + 1 < text.Length && text[end + 1] == ',')
            {
                read.Append(',');
                p = end + 2;
                continue;
            }

            value = read.ToString();
            return end;
        }
    }
}
