using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Colo.Gen.Generator.Common;

/// <summary>
/// One input file (.l or .idl) as both generators' first step reads it, as plain values (no
/// AdditionalText or SourceText kept, so an unchanged file is cached): its path, its text (null
/// when it could not be read, with <see cref="ReadFailure"/> saying why), the namespace its code
/// goes in, the path <c>#line</c> directives name, and its source's hint name.
/// </summary>
internal sealed record GrammarFile(string Path, string? Text, string? ReadFailure, string Namespace, string LinePath, string HintName)
{
    /// <summary>
    /// Reads <paramref name="file"/> with its options. Reading never throws: a failure (no text
    /// from the compiler, or an exception from it) is kept for <see cref="Unreadable"/>.
    /// </summary>
    public static GrammarFile Read(AdditionalText file, AnalyzerConfigOptionsProvider options, EquatableArray<PathMapEntry> pathMap, CancellationToken cancellationToken)
    {
        string path = file.Path;
        string @namespace = GeneratedNamespace.For(options.GetOptions(file), options.GlobalOptions);
        options.GlobalOptions.TryGetValue(SourcePaths.ProjectDirectoryProperty, out string? projectDirectory);
        string linePath = SourcePaths.ForLineDirective(path, pathMap);
        string hintName = HintNames.ForFile(path, SourcePaths.StableKey(path, projectDirectory, pathMap));

        string? text = null;
        string? failure;
        try
        {
            text = file.GetText(cancellationToken)?.ToString();
            failure = text is null ? "the compiler has no text for it" : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure = e.GetType().Name + ": " + e.Message;
        }

        return new GrammarFile(path, text, failure, @namespace, linePath, hintName);
    }

    /// <summary>CG0002 for this file, when its text could not be read.</summary>
    public DiagnosticInfo Unreadable() =>
        DiagnosticInfo.Create(CommonDiagnostics.UnreadableFile, LocationInfo.At(Path, 0, 0, 0), Path, ReadFailure ?? "unknown reason");
}
