using Microsoft.CodeAnalysis;

namespace Colo.Gen.Generator;

/// <summary>
/// Turns each flex-style rule file (*.l, passed as AdditionalFiles) into a table-driven DFA scanner.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ScannerGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
