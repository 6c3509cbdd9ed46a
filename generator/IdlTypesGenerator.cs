using Microsoft.CodeAnalysis;

namespace Colo.Gen.Generator;

/// <summary>
/// Turns each libxl IDL file (*.idl, passed as AdditionalFiles) into C# types.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class IdlTypesGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
