using System.Collections.Generic;
using System.Globalization;
using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Idl;

/// <summary>
/// Init values. In the IDL they are C expressions held in strings ("-1", "~0U",
/// "LIBXL_DOMAIN_TYPE_INVALID", "LIBXL_MEMKB_DEFAULT"). A number or a value of an
/// Enumeration is resolved here; any other name is a macro from libxl's C headers, which
/// the IDL cannot see: it takes its value from ColoGenIdlMacros, or else is reported once
/// (CG1011) and the type's default value is used.
/// </summary>
internal sealed partial class IdlModelBuilder
{
    /// <summary>Parses ColoGenIdlMacros ("NAME=VALUE;NAME=VALUE"); bad entries are reported and skipped.</summary>
    public static Dictionary<string, string> ParseMacros(string? text, string path, List<DiagnosticInfo> diagnostics)
    {
        var macros = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (string entry in (text ?? "").Split(';'))
        {
            string trimmed = entry.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            int eq = trimmed.IndexOf('=');
            string name = eq > 0 ? trimmed.Substring(0, eq).Trim() : "";
            string value = eq > 0 ? trimmed.Substring(eq + 1).Trim() : "";
            if (name.Length == 0 || value.Length == 0 || !IsIdentifier(name))
            {
                diagnostics.Add(DiagnosticInfo.Create(IdlDiagnostics.BadMacroDefinition, LocationInfo.At(path, 0, 0, 0), trimmed));
                continue;
            }

            macros[name] = value;
        }

        return macros;
    }

    private static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || char.IsDigit(text[0]))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!(c == '_' || (c < 128 && char.IsLetterOrDigit(c))))
            {
                return false;
            }
        }

        return true;
    }

    private IdlInitValue? InitValue(Invocation call, string keyword)
    {
        if (!call.Keywords.TryGetValue(keyword, out IdlValue? value) || value.Payload is null)
        {
            return null;
        }

        switch (value.Payload)
        {
            case long number:
                return new IdlInitValue(number.ToString(CultureInfo.InvariantCulture), number);
            case bool flag:
                return new IdlInitValue(flag ? "True" : "False", flag ? 1 : 0);
            case string text:
                if (TryResolve(text, depth: 0, out long resolved))
                {
                    return new IdlInitValue(text, resolved);
                }

                if (_reportedMacros.Add(text))
                {
                    Report(IdlDiagnostics.UnresolvedMacro, value.Location, text);
                }

                return null;
            default:
                Report(IdlDiagnostics.InvalidArgument, value.Location, keyword + " must be a string holding a C value, not " + value.Describe());
                return null;
        }
    }

    private bool TryResolve(string text, int depth, out long value)
    {
        string name = text.Trim();
        if (CInteger.TryEvaluate(name, out value) || _enumValues.TryGetValue(name, out value))
        {
            return true;
        }

        // A macro's value may itself name an enum value or another macro (bounded, so a cycle ends).
        return depth < 8 && _macros.TryGetValue(name, out string? definition) && TryResolve(definition, depth + 1, out value);
    }
}
