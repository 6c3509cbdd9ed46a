using System.Text;

namespace Colo.Gen.Generator.Idl;

/// <summary>C# names from IDL names (docs/architecture.md: "disk_format" is DiskFormat, "VIF_IOEMU" is VifIoemu).</summary>
internal static class IdlNames
{
    /// <summary>PascalCase from snake_case or UPPER_CASE; a leading digit gets a "V" in front.</summary>
    public static string Pascal(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool upper = true;
        foreach (char c in name)
        {
            if (c == '_' || !(char.IsLetterOrDigit(c)))
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            upper = char.IsDigit(c);
        }

        if (sb.Length == 0 || char.IsDigit(sb[0]))
        {
            sb.Insert(0, 'V');
        }

        return sb.ToString();
    }
}
