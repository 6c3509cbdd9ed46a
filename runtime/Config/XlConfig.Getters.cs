using System;
using System.Globalization;

namespace Colo.Gen.Config;

/// <summary>libxlutil's getters (libxlu_cfg.c): each reads the last setting of a name, with the same results and warnings.</summary>
public sealed partial class XlConfig
{
    /// <summary>
    /// A single value's text (<c>xlu_cfg_get_string</c>). A list is Invalid with "parameter `NAME' is a
    /// list but should be a single value"; bytes that are not UTF-8 are <see cref="XlConfigLookupStatus.NotText"/>
    /// (read them with <see cref="GetBytes"/>).
    /// </summary>
    public XlConfigLookup<string> GetString(string name)
    {
        XlConfigLookup<XlConfigSetting> atom = FindAtom(name);
        if (!atom.Found)
        {
            return new(atom.Status, null, atom.Warning);
        }

        XlConfigValue value = atom.Value!.Value;
        return value.IsText
            ? XlConfigLookup<string>.Success(value.Text)
            : new(XlConfigLookupStatus.NotText, null, Warn(atom.Value.Line, $"parameter `{name}' is not valid UTF-8 text"));
    }

    /// <summary>A single value's bytes, as libxlutil hands them out (<c>xlu_cfg_get_string</c>).</summary>
    public XlConfigLookup<ReadOnlyMemory<byte>> GetBytes(string name)
    {
        XlConfigLookup<XlConfigSetting> atom = FindAtom(name);
        return atom.Found ? XlConfigLookup<ReadOnlyMemory<byte>>.Success(atom.Value!.Value.Bytes) : new(atom.Status, default, atom.Warning);
    }

    /// <summary>A number (<c>xlu_cfg_get_long</c>): see <see cref="GetBoundedLong"/>.</summary>
    public XlConfigLookup<long> GetLong(string name) => GetBoundedLong(name, long.MinValue, long.MaxValue);

    /// <summary>
    /// A number between two bounds (<c>xlu_cfg_get_bounded_long</c>): C's strtol with base 0 (so
    /// <c>0x10</c> is 16 and <c>010</c> is 8) over the whole value; a value set with <c>+=</c>, trailing
    /// text, no digits, a number beyond 64 bits or outside the bounds is refused with libxlutil's warning.
    /// </summary>
    public XlConfigLookup<long> GetBoundedLong(string name, long minimum, long maximum)
    {
        XlConfigLookup<XlConfigSetting> atom = FindAtom(name);
        if (!atom.Found)
        {
            return new(atom.Status, 0, atom.Warning);
        }

        XlConfigSetting setting = atom.Value!;
        if (setting.Operation == XlConfigOperation.Add)
        {
            return XlConfigLookup<long>.Invalid(Warn(setting.Line, $"can't use += with numbers for parameter `{name}'"));
        }

        ReadOnlySpan<byte> text = setting.Value.Bytes.Span;
        long number = CStrtol.Parse(text, out int used, out bool overflow);
        if (overflow)
        {
            return new(XlConfigLookupStatus.OutOfRange, 0, Warn(setting.Line, $"parameter `{name}' could not be parsed as a number: Numerical result out of range"));
        }

        if (used == 0 || used < text.Length)
        {
            return XlConfigLookup<long>.Invalid(Warn(setting.Line, $"parameter `{name}' is not a valid number"));
        }

        if (number < minimum)
        {
            return XlConfigLookup<long>.Invalid(Warn(setting.Line, string.Create(CultureInfo.InvariantCulture, $"value `{number}' is smaller than minimum bound '{minimum}'")));
        }

        if (number > maximum)
        {
            return XlConfigLookup<long>.Invalid(Warn(setting.Line, string.Create(CultureInfo.InvariantCulture, $"value `{number}' is greater than maximum bound '{maximum}'")));
        }

        return XlConfigLookup<long>.Success(number);
    }

    /// <summary>A boolean (<c>xlu_cfg_get_defbool</c>): a number as <see cref="GetLong"/> reads it, non-zero meaning true.</summary>
    public XlConfigLookup<Defbool> GetDefbool(string name)
    {
        XlConfigLookup<long> number = GetLong(name);
        return number.Found ? XlConfigLookup<Defbool>.Success(Defbool.From(number.Value != 0)) : new(number.Status, Defbool.Default, number.Warning);
    }

    /// <summary>
    /// A list (<c>xlu_cfg_get_list</c>); a single value is Invalid with "parameter `NAME' is a single
    /// value but should be a list". Read its items with <see cref="XlConfigValue.StringItem"/> as xl does.
    /// </summary>
    public XlConfigLookup<XlConfigValue> GetList(string name)
    {
        XlConfigSetting? setting = Find(name);
        if (setting is null)
        {
            return XlConfigLookup<XlConfigValue>.Missing();
        }

        return setting.Value.Kind == XlConfigValueKind.List
            ? XlConfigLookup<XlConfigValue>.Success(setting.Value)
            : XlConfigLookup<XlConfigValue>.Invalid(Warn(setting.Line, $"parameter `{name}' is a single value but should be a list"));
    }

    /// <summary>
    /// A value (say, a list item) that should be a string (<c>xlu_cfg_value_get_string</c>); a list is
    /// Invalid with "value is not a string" at the value's line and column 0 (libxlutil's scanner
    /// never sets a column, and bison starts locations at 0 for libxlutil's own location type).
    /// </summary>
    public XlConfigLookup<XlConfigValue> ValueAsString(XlConfigValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Kind == XlConfigValueKind.String
            ? XlConfigLookup<XlConfigValue>.Success(value)
            : XlConfigLookup<XlConfigValue>.Invalid(WarnAt(value.Line, "value is not a string"));
    }

    /// <summary>A value that should be a list (<c>xlu_cfg_value_get_list</c>); a string is Invalid with "value is not a list".</summary>
    public XlConfigLookup<XlConfigValue> ValueAsList(XlConfigValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Kind == XlConfigValueKind.List
            ? XlConfigLookup<XlConfigValue>.Success(value)
            : XlConfigLookup<XlConfigValue>.Invalid(WarnAt(value.Line, "value is not a list"));
    }

    /// <summary>libxlutil's find_atom: the last setting of the name when it is a single value.</summary>
    private XlConfigLookup<XlConfigSetting> FindAtom(string name)
    {
        XlConfigSetting? setting = Find(name);
        if (setting is null)
        {
            return XlConfigLookup<XlConfigSetting>.Missing();
        }

        return setting.Value.Kind == XlConfigValueKind.String
            ? XlConfigLookup<XlConfigSetting>.Success(setting)
            : XlConfigLookup<XlConfigSetting>.Invalid(Warn(setting.Line, $"parameter `{name}' is a list but should be a single value"));
    }

    private string Warn(int line, string message) => string.Create(CultureInfo.InvariantCulture, $"{SourceName}:{line}: warning: {message}");

    private string WarnAt(int line, string message) => string.Create(CultureInfo.InvariantCulture, $"{SourceName}:{line}:0: warning: {message}");
}
