using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Colo.Gen.Generator.Idl;

/// <summary>
/// One .idl file as the pipeline's first step reads it: its text and the options for it,
/// as plain values (no AdditionalText or SourceText is kept), so an unchanged file is cached.
/// </summary>
internal sealed record IdlInput(string Path, string? Text, string Namespace, string Macros)
{
    /// <summary>The AdditionalFiles metadata giving C macro values for init values: "NAME=VALUE;NAME=VALUE".</summary>
    public const string MacrosMetadata = "build_metadata.AdditionalFiles.ColoGenIdlMacros";

    /// <summary>Reads a file and its options: namespace from ColoGenNamespace, else RootNamespace, else "Generated".</summary>
    public static IdlInput Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        AnalyzerConfigOptions fileOptions = options.GetOptions(file);
        string? ns = fileOptions.TryGetValue(Common.GeneratorInfo.NamespaceMetadata, out string? n) && !string.IsNullOrWhiteSpace(n) ? n
            : options.GlobalOptions.TryGetValue(Common.GeneratorInfo.RootNamespaceProperty, out string? root) && !string.IsNullOrWhiteSpace(root) ? root
            : null;
        fileOptions.TryGetValue(MacrosMetadata, out string? macros);
        string? text = file.GetText(cancellationToken)?.ToString();
        return new IdlInput(file.Path, text, CleanNamespace(ns), macros ?? "");
    }

    /// <summary>A usable C# namespace: each dotted part made an identifier; "Generated" when nothing is left.</summary>
    public static string CleanNamespace(string? ns)
    {
        if (ns is null)
        {
            return "Generated";
        }

        var parts = new System.Collections.Generic.List<string>();
        foreach (string part in ns.Trim().Split('.'))
        {
            if (part.Trim().Length > 0)
            {
                parts.Add(IdlNames.Sanitize(part.Trim()));
            }
        }

        return parts.Count == 0 ? "Generated" : string.Join(".", parts);
    }
}
