using Microsoft.CodeAnalysis;

namespace Colo.Gen.Generator.Common;

/// <summary>Diagnostics any input file can cause, whichever generator reads it (CG0xxx).</summary>
internal static class CommonDiagnostics
{
    /// <summary>A step of a generator threw (see <see cref="GeneratorGuard"/>): a bug, reported instead of a crash.</summary>
    public static readonly DiagnosticDescriptor InternalError = new(
        "CG0001", "Generator internal error", "Colo.Gen could not process '{0}': {1}. Please report this with the file.",
        "Colo.Gen", DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>The compiler gave no text for an input file, or reading it failed.</summary>
    public static readonly DiagnosticDescriptor UnreadableFile = new(
        "CG0002", "Input file unreadable", "Colo.Gen could not read '{0}': {1}",
        "Colo.Gen", DiagnosticSeverity.Error, isEnabledByDefault: true);
}
