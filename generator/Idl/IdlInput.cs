using System.Threading;
using Colo.Gen.Generator.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Colo.Gen.Generator.Idl;

/// <summary>
/// One .idl file as the pipeline's first step reads it: the file (text, namespace, hint name;
/// see <see cref="GrammarFile"/>) and the IDL's own option, the C macro values for init values.
/// </summary>
internal sealed record IdlInput(GrammarFile File, string Macros)
{
    /// <summary>The AdditionalFiles metadata giving C macro values for init values: "NAME=VALUE;NAME=VALUE".</summary>
    public const string MacrosMetadata = "build_metadata.AdditionalFiles.ColoGenIdlMacros";

    /// <summary>Reads a file and its options (never throws for an unreadable file: see <see cref="GrammarFile.Read"/>).</summary>
    public static IdlInput Read(AdditionalText file, AnalyzerConfigOptionsProvider options, EquatableArray<PathMapEntry> pathMap, CancellationToken cancellationToken)
    {
        options.GetOptions(file).TryGetValue(MacrosMetadata, out string? macros);
        return new IdlInput(GrammarFile.Read(file, options, pathMap, cancellationToken), macros ?? "");
    }
}
