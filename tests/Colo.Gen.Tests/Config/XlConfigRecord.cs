using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Colo.Gen.Config;

namespace Colo.Gen.Tests.Config;

/// <summary>
/// Colo.Gen's side of xlcfg-oracle's batch record: the same lines, made from <see cref="XlConfig"/>
/// (the setting lines are the ones <c>colo-disk config</c> prints; the getter lines call each getter
/// as the oracle calls libxlutil's).
/// </summary>
public static class XlConfigRecord
{
    private const int Esrch = 3;
    private const int Einval = 22;
    private const int Erange = 34;

    /// <summary>The record for <paramref name="content"/> read under <paramref name="source"/>.</summary>
    public static string For(string source, byte[] content) => For(XlConfig.Parse(content, source));

    /// <summary>The record for a config already read.</summary>
    public static string For(XlConfig config)
    {
        var record = new StringBuilder();
        record.Append("status ").Append(config.Succeeded ? 0 : Einval).Append('\n');
        foreach (XlConfigSetting setting in config.Settings)
        {
            record.Append(setting).Append('\n');
        }

        record.Append("report:\n");
        foreach (string message in config.Messages)
        {
            record.Append(message).Append('\n');
        }

        record.Append("getters:\n");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (XlConfigSetting setting in config.Settings)
        {
            if (seen.Add(setting.Name))
            {
                AppendGetters(record, config, setting.Name);
            }
        }

        AppendGetters(record, config, "absent");
        record.Append("end\n");
        return record.ToString();
    }

    private static void AppendGetters(StringBuilder record, XlConfig config, string name)
    {
        XlConfigLookup<ReadOnlyMemory<byte>> text = config.GetBytes(name);
        record.Append(CultureInfo.InvariantCulture, $"string {name}: {Code(text.Status)} ");
        if (text.Found)
        {
            record.Append(ValueOf(config, name).ToString());
        }
        else
        {
            record.Append('-');
        }

        record.Append('\n');
        Warning(record, text.Warning);

        XlConfigLookup<long> number = config.GetLong(name);
        record.Append(CultureInfo.InvariantCulture, $"long {name}: {Code(number.Status)} {(number.Found ? number.Value : 0)}\n");
        Warning(record, number.Warning);

        XlConfigLookup<long> bounded = config.GetBoundedLong(name, -5, 100);
        record.Append(CultureInfo.InvariantCulture, $"bounded {name}: {Code(bounded.Status)} {(bounded.Found ? bounded.Value : 0)}\n");
        Warning(record, bounded.Warning);

        XlConfigLookup<Defbool> flag = config.GetDefbool(name);
        record.Append(CultureInfo.InvariantCulture, $"defbool {name}: {Code(flag.Status)} {(flag.Found ? flag.Value.ToString() : "-")}\n");
        Warning(record, flag.Warning);

        XlConfigLookup<XlConfigValue> list = config.GetList(name);
        record.Append(CultureInfo.InvariantCulture, $"list {name}: {Code(list.Status)} {(list.Found ? list.Value!.Items.Count : 0)}\n");
        Warning(record, list.Warning);
        if (!list.Found)
        {
            return;
        }

        for (int i = 0; i <= list.Value!.Items.Count; i++)
        {
            XlConfigValue? item = list.Value.StringItem(i);
            record.Append(CultureInfo.InvariantCulture, $"item {i}: {(item is null ? "null" : item.ToString())}\n");
        }

        foreach (XlConfigValue item in list.Value.Items)
        {
            AppendValueGetters(record, config, item);
        }
    }

    private static void AppendValueGetters(StringBuilder record, XlConfig config, XlConfigValue value)
    {
        var pending = new Stack<XlConfigValue>();
        pending.Push(value);
        while (pending.Count > 0)
        {
            XlConfigValue next = pending.Pop();
            XlConfigLookup<XlConfigValue> asString = config.ValueAsString(next);
            record.Append(CultureInfo.InvariantCulture, $"value string: {Code(asString.Status)}\n");
            Warning(record, asString.Warning);
            XlConfigLookup<XlConfigValue> asList = config.ValueAsList(next);
            record.Append(CultureInfo.InvariantCulture, $"value list: {Code(asList.Status)}\n");
            Warning(record, asList.Warning);
            if (asList.Found)
            {
                for (int i = next.Items.Count - 1; i >= 0; i--)
                {
                    pending.Push(next.Items[i]);
                }
            }
        }
    }

    private static XlConfigValue ValueOf(XlConfig config, string name) => config.Find(name)!.Value;

    private static void Warning(StringBuilder record, string? warning)
    {
        if (warning is not null)
        {
            record.Append(warning).Append('\n');
        }
    }

    private static int Code(XlConfigLookupStatus status) => status switch
    {
        XlConfigLookupStatus.Found or XlConfigLookupStatus.NotText => 0,
        XlConfigLookupStatus.Missing => Esrch,
        XlConfigLookupStatus.OutOfRange => Erange,
        _ => Einval,
    };
}
