namespace Colo.Gen.Generator;

/// <summary>
/// The names of the incremental pipeline steps, so tests can check which steps ran again
/// (<c>Cached</c>/<c>Unchanged</c>) after an edit.
/// </summary>
public static class TrackingNames
{
    /// <summary>The compiler's path map, read from the compilation (both generators; see Common/SourcePaths).</summary>
    public const string PathMap = nameof(PathMap);

    /// <summary>The .idl AdditionalFiles.</summary>
    public const string IdlFiles = nameof(IdlFiles);

    /// <summary>An .idl file's text with the options that apply to it (namespace, macros).</summary>
    public const string IdlInput = nameof(IdlInput);

    /// <summary>The parsed type model with its diagnostics.</summary>
    public const string IdlModel = nameof(IdlModel);

    /// <summary>The diagnostics alone.</summary>
    public const string IdlDiagnostics = nameof(IdlDiagnostics);

    /// <summary>The generated source.</summary>
    public const string IdlSource = nameof(IdlSource);

    /// <summary>The namespaces of the .idl files that built, and whether each needs Defbool: one shared source each.</summary>
    public const string IdlSupport = nameof(IdlSupport);

    /// <summary>A .l file's text and namespace.</summary>
    public const string LexInput = nameof(LexInput);

    /// <summary>The rule file parsed into a model.</summary>
    public const string LexParse = nameof(LexParse);

    /// <summary>The model compiled into a minimal DFA and its tables.</summary>
    public const string LexAutomaton = nameof(LexAutomaton);

    /// <summary>The scanner's generated source.</summary>
    public const string LexEmit = nameof(LexEmit);
}
