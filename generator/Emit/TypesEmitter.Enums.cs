using System.Globalization;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Idl;

namespace Colo.Gen.Generator.Emit;

/// <summary>Enumerations: the enum with libxl's numbers, and its libxl string forms.</summary>
internal sealed partial class TypesEmitter
{
    private void EmitEnum(IdlType type)
    {
        _w.Line("/// <summary>libxl's <c>" + Xml(type.CName ?? type.CSharpName) + "</c> (from " + Xml(HintNames.FileName(_model.FilePath)) + ")" + DocSentence(type.Doc) + "</summary>");
        _w.Line(GeneratorInfo.GeneratedCodeAttribute);
        using (_w.OpenBlock("public enum " + type.CSharpName + (NeedsLong(type) ? " : long" : "")))
        {
            foreach (IdlEnumValue value in type.Values)
            {
                _w.Line("/// <summary><c>" + Xml(value.CName) + "</c>, \"" + Xml(value.Name.ToLowerInvariant()) + "\"" + DocSentence(value.Doc) + "</summary>");
                _w.Line(value.CSharpName + " = " + value.Value.ToString(CultureInfo.InvariantCulture) + ",");
            }
        }
    }

    private static bool NeedsLong(IdlType type)
    {
        foreach (IdlEnumValue value in type.Values)
        {
            if (value.Value is < int.MinValue or > int.MaxValue)
            {
                return true;
            }
        }

        return false;
    }

    private void EmitEnumExtensions(IdlType type)
    {
        string e = Global(type.CSharpName);
        _w.Line("/// <summary>libxl's string forms of <see cref=\"" + e + "\"/> (<c>" + Xml(type.CName ?? "") + "_to_string</c> and <c>_from_string</c>).</summary>");
        _w.Line(GeneratorInfo.GeneratedCodeAttribute);
        using (_w.OpenBlock("public static class " + type.CSharpName + "Extensions"))
        {
            _w.Line("/// <summary>libxl's name of <paramref name=\"value\"/>: the value name in lower case (e.g. \"" + Xml(Example(type)) + "\"); the number itself for a value libxl does not name.</summary>");
            _w.Line("/// <param name=\"value\">The value.</param>");
            _w.Line("/// <returns>The libxl string.</returns>");
            _w.Line("public static string ToLibxlString(this " + e + " value) => LibxlName(value) ?? ((long)value).ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
            _w.Line();
            _w.Line("/// <summary>Parses libxl's name of a value (case-insensitive by default, as libxl's <c>_from_string</c>).</summary>");
            _w.Line("/// <param name=\"text\">The name.</param>");
            _w.Line("/// <param name=\"value\">The value named, or the default when none is.</param>");
            _w.Line("/// <param name=\"ignoreCase\">Whether ASCII case is ignored (libxl's <c>_from_string</c> ignores it; libxlutil's option parser does not).</param>");
            _w.Line("/// <returns>Whether <paramref name=\"text\"/> names a value.</returns>");
            using (_w.OpenBlock("public static bool TryParseLibxl(string? text, out " + e + " value, bool ignoreCase = true)"))
            {
                _w.Line("global::System.ReadOnlySpan<char> span = text;");
                WriteNameMatches(type, e, "text is not null && ", "span", string.Empty);
            }

            _w.Line();
            _w.Line("/// <summary>Parses libxl's name of a value from UTF-8 bytes, without allocating.</summary>");
            _w.Line("/// <param name=\"utf8\">The name as UTF-8.</param>");
            _w.Line("/// <param name=\"value\">The value named, or the default when none is.</param>");
            _w.Line("/// <param name=\"ignoreCase\">Whether ASCII case is ignored (libxl's <c>_from_string</c> ignores it; libxlutil's option parser does not).</param>");
            _w.Line("/// <returns>Whether <paramref name=\"utf8\"/> names a value.</returns>");
            using (_w.OpenBlock("public static bool TryParseLibxl(global::System.ReadOnlySpan<byte> utf8, out " + e + " value, bool ignoreCase = true)"))
            {
                WriteNameMatches(type, e, string.Empty, "utf8", "u8");
            }

            _w.Line();
            _w.Line("/// <summary>libxl's name of <paramref name=\"value\"/>, or null for a number it does not name (libxl writes JSON null then).</summary>");
            using (_w.OpenBlock("internal static string? LibxlName(" + e + " value)"))
            {
                using (_w.OpenBlock("switch (value)"))
                {
                    var seen = new System.Collections.Generic.HashSet<long>();
                    foreach (IdlEnumValue v in type.Values)
                    {
                        if (seen.Add(v.Value))
                        {
                            _w.Line("case " + e + "." + v.CSharpName + ": return " + CSharpLiteral.String(v.Name.ToLowerInvariant()) + ";");
                        }
                    }

                    _w.Line("default: return null;");
                }
            }

            _w.Line();
            _w.Line("/// <summary>Reads a value from libxl's JSON: its name (any case), or null for the default.</summary>");
            using (_w.OpenBlock("internal static " + e + " ReadJson(global::System.Text.Json.JsonElement element)"))
            {
                using (_w.OpenBlock("if (element.ValueKind == global::System.Text.Json.JsonValueKind.Null)"))
                {
                    _w.Line("return default;");
                }

                _w.Line();
                using (_w.OpenBlock("if (element.ValueKind != global::System.Text.Json.JsonValueKind.String || !TryParseLibxl(element.GetString(), out " + e + " value))"))
                {
                    _w.Line("throw new global::System.Text.Json.JsonException(\"expected a " + Xml(type.CName ?? type.CSharpName) + " name, found \" + element.GetRawText());");
                }

                _w.Line();
                _w.Line("return value;");
            }
        }
    }

    private static string Example(IdlType type) => type.Values.Count > 0 ? type.Values[type.Values.Count - 1].Name.ToLowerInvariant() : "";

    /// <summary>One test a value name (libxl's lower-case name, compared as asked), then "no such name".</summary>
    private void WriteNameMatches(IdlType type, string e, string guard, string input, string literalSuffix)
    {
        foreach (IdlEnumValue v in type.Values)
        {
            string lower = CSharpLiteral.String(v.Name.ToLowerInvariant()) + literalSuffix;
            string test = "ignoreCase ? global::System.Text.Ascii.EqualsIgnoreCase(" + input + ", " + lower + ") : global::System.MemoryExtensions.SequenceEqual(" + input + ", " + lower + ")";
            using (_w.OpenBlock("if (" + (guard.Length == 0 ? test : guard + "(" + test + ")") + ")"))
            {
                _w.Line("value = " + e + "." + v.CSharpName + ";");
                _w.Line("return true;");
            }

            _w.Line();
        }

        _w.Line("value = default;");
        _w.Line("return false;");
    }
}
