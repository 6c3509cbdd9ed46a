using System;
using System.Globalization;
using System.IO;

namespace Colo.Gen.Config;

/// <summary>One <c>NAME = VALUE</c> or <c>NAME += VALUE</c> statement of an xl configuration file, as stored.</summary>
/// <param name="Name">The setting's name (lower-case letters, digits, '.' and '_').</param>
/// <param name="Operation">Whether the statement set the value or added to an earlier one.</param>
/// <param name="Value">
/// The value as libxlutil keeps it: after <c>+=</c>, the earlier value joined with this one (and an
/// earlier list is left empty, its items moved here).
/// </param>
/// <param name="Line">The line the value starts on (libxlutil's setting line, which its warnings print).</param>
public sealed record XlConfigSetting(string Name, XlConfigOperation Operation, XlConfigValue Value, int Line)
{
    /// <summary>
    /// Writes the line <c>colo-disk config</c> prints for the setting, without its newline:
    /// <c>LINE: NAME = VALUE</c> (or <c>+=</c>), the value as JSON (<see cref="XlConfigValue.WriteJson"/>),
    /// piece by piece (after many <c>+=</c>, every setting's value is the whole string joined so far).
    /// </summary>
    /// <param name="writer">Where the line goes.</param>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Line.ToString(CultureInfo.InvariantCulture));
        writer.Write(": ");
        writer.Write(Name);
        writer.Write(Operation == XlConfigOperation.Add ? " += " : " = ");
        Value.WriteJson(writer);
    }

    /// <summary>The line <c>colo-disk config</c> prints for the setting (<see cref="WriteTo"/>), as a string.</summary>
    public override string ToString()
    {
        var line = new StringWriter(CultureInfo.InvariantCulture);
        WriteTo(line);
        return line.ToString();
    }
}

/// <summary>How a statement sets its value.</summary>
public enum XlConfigOperation
{
    /// <summary><c>=</c>: the value replaces any earlier one (lookups find the last).</summary>
    Assign,

    /// <summary><c>+=</c>: the value is joined to the earlier one of the same name (strings concatenated, list items appended).</summary>
    Add,
}
