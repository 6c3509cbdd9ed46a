using System.Collections.Generic;

namespace Colo.Gen.Config;

/// <summary>
/// A domain's disks as xl reads them from its configuration: each item of the <c>disk</c> list, in
/// order, through <see cref="DiskSpecParser"/> with the config's source name (so errors name the
/// file, as libxlutil's do), stopping where xl's loop stops: at the first item that is not a string,
/// and after the first disk that does not parse (xl exits there).
/// </summary>
public sealed class XlConfigDisks
{
    private XlConfigDisks(List<DiskParseResult> disks, string? warning)
    {
        Disks = disks;
        Warning = warning;
    }

    /// <summary>The parsed disks in list order; when one failed, it is the last.</summary>
    public IReadOnlyList<DiskParseResult> Disks { get; }

    /// <summary>
    /// libxlutil's warning when <c>disk</c> is a single value instead of a list (xl goes on with no
    /// disks), or null.
    /// </summary>
    public string? Warning { get; }

    /// <summary>True when every disk parsed (also when there are none).</summary>
    public bool Succeeded => Disks.Count == 0 || Disks[^1].Succeeded;

    /// <summary>Reads the disks of <paramref name="config"/> (whose own read should have succeeded: xl stops before this otherwise).</summary>
    public static XlConfigDisks Read(XlConfig config)
    {
        System.ArgumentNullException.ThrowIfNull(config);
        var disks = new List<DiskParseResult>();
        XlConfigLookup<XlConfigValue> list = config.GetList("disk");
        if (!list.Found)
        {
            return new XlConfigDisks(disks, list.Warning);
        }

        for (int index = 0; list.Value!.StringItem(index) is XlConfigValue item; index++)
        {
            DiskParseResult parsed = item.IsText
                ? DiskSpecParser.Parse(item.Text, config.SourceName)
                : NotText(item, config.SourceName);
            disks.Add(parsed);
            if (!parsed.Succeeded)
            {
                break;
            }
        }

        return new XlConfigDisks(disks, null);
    }

    /// <summary>
    /// A disk item whose bytes are not UTF-8: libxlutil would scan the bytes; this library's disk
    /// parser reads text, and will not change the user's bytes into U+FFFD, so the disk is refused
    /// with the same line a <c>--jsonl</c> line of such bytes gets.
    /// </summary>
    private static DiskParseResult NotText(XlConfigValue item, string source) =>
        DiskSpecParser.RejectInvalidUtf8(item.Bytes.Span, 0, Utf8Text.InvalidUtf8Index(item.Bytes.Span), source);
}
