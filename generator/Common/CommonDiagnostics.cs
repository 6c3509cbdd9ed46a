using Microsoft.CodeAnalysis;

namespace Colo.Gen.Generator.Common;

/// <summary>Diagnostics any input file can cause (CG0xxx).</summary>
internal static class CommonDiagnostics
{
    public static readonly DiagnosticDescriptor InternalError = new(
        "CG0001", "Generator internal error", "Colo.Gen could not process '{0}': {1}. Please report this with the file.",
        "Colo.Gen", DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnreadableFile = new(
        "CG0002", "Input file unreadable", "Colo.Gen could not read '{0}'",
        "Colo.Gen", DiagnosticSeverity.Error, isEnabledByDefault: true);
}
