using System.Collections.Generic;

namespace Colo.Gen.Config;

/// <summary>
/// The settings read so far, as libxlutil's <c>xlu__cfg_set_store</c> keeps them: in file order,
/// a repeated name kept twice (lookups find the later one), <c>+=</c> joined to the earlier value.
/// </summary>
internal sealed class XlConfigStore
{
    private readonly XlConfigReport report;
    private readonly Dictionary<string, XlConfigSetting> latest = new(System.StringComparer.Ordinal);

    public XlConfigStore(XlConfigReport report) => this.report = report;

    /// <summary>Every stored setting, in file order.</summary>
    public List<XlConfigSetting> Settings { get; } = [];

    /// <summary>The last setting of that name (libxlutil's find), or null.</summary>
    public XlConfigSetting? Find(string name) => latest.GetValueOrDefault(name);

    /// <summary>
    /// Stores a setting unless the read has already failed. For <c>+=</c> the earlier setting of the
    /// same name, if any, is joined in front; a list and a string cannot be joined, which is a lexical
    /// error at the scanner's current token (the value's last token, since bison reduces the
    /// assignment before reading further).
    /// </summary>
    public void Store(string? name, XlConfigOperation operation, XlConfigValue? value, int line, XlConfigScanner scanner)
    {
        if (report.Failed || name is null || value is null)
        {
            return;
        }

        if (operation == XlConfigOperation.Add && latest.TryGetValue(name, out XlConfigSetting? earlier))
        {
            if (earlier.Value.Kind != value.Kind)
            {
                report.LexicalError(scanner.LineNumber, scanner.CurrentText, "can't add [list] to \"string\" or vice versa");
                return;
            }

            value = value.Concatenate(earlier.Value);
        }

        var setting = new XlConfigSetting(name, operation, value, line);
        Settings.Add(setting);
        latest[name] = setting;
    }
}
