using Microsoft.CodeAnalysis;

namespace Colo.Gen.Generator.Idl;

/// <summary>
/// The diagnostics of the IDL front end (CG1xxx); the ones any input can cause (CG0xxx) are
/// <see cref="Common.CommonDiagnostics"/>. Every message names the problem; the location is the
/// .idl file's line and column.
/// </summary>
internal static class IdlDiagnostics
{
    private const string Category = "Colo.Gen.Idl";

    public static readonly DiagnosticDescriptor UnterminatedString = Error(
        "CG1001", "Unterminated string", "String literal is not terminated before the end of the line");

    public static readonly DiagnosticDescriptor UnexpectedCharacter = Error(
        "CG1002", "Unexpected character", "Unexpected character '{0}' in IDL");

    public static readonly DiagnosticDescriptor UnexpectedToken = Error(
        "CG1003", "Syntax error", "Expected {0} but found {1}");

    public static readonly DiagnosticDescriptor MissingBracket = Error(
        "CG1004", "Missing closing bracket", "'{0}' is never closed (expected '{1}')");

    public static readonly DiagnosticDescriptor EmptyFile = Warning(
        "CG1005", "Empty IDL file", "IDL file '{0}' declares no types; nothing is generated");

    public static readonly DiagnosticDescriptor BinaryFile = Error(
        "CG1006", "Not a text file", "IDL file holds binary data ({0}); it is not read further");

    public static readonly DiagnosticDescriptor UnknownName = Error(
        "CG1007", "Unknown type or name", "Unknown type or name '{0}'");

    public static readonly DiagnosticDescriptor BadTuple = Error(
        "CG1008", "Malformed tuple", "{0}");

    public static readonly DiagnosticDescriptor DuplicateField = Error(
        "CG1009", "Duplicate member", "'{0}' is declared twice in '{1}'");

    public static readonly DiagnosticDescriptor DuplicateType = Error(
        "CG1010", "Duplicate type", "Type '{0}' is declared twice");

    public static readonly DiagnosticDescriptor UnresolvedMacro = Warning(
        "CG1011", "Unresolved init value", "Init value '{0}' is a C macro the IDL does not define; the type's default value is used instead (supply it with the AdditionalFiles metadata ColoGenIdlMacros=\"{0}=VALUE\")");

    public static readonly DiagnosticDescriptor InvalidArgument = Error(
        "CG1012", "Invalid argument", "{0}");

    public static readonly DiagnosticDescriptor IntegerTooLarge = Error(
        "CG1013", "Integer out of range", "Integer literal '{0}' does not fit in 64 bits");

    public static readonly DiagnosticDescriptor BadMacroDefinition = Warning(
        "CG1014", "Bad ColoGenIdlMacros entry", "ColoGenIdlMacros entry '{0}' is not NAME=VALUE with an integer or enum value name; it is ignored");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
