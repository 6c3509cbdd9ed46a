namespace Colo.Gen.Generator.Common;

/// <summary>Facts about this generator that emitted code states.</summary>
internal static class GeneratorInfo
{
    public const string Name = "Colo.Gen.Generator";

    public static readonly string Version =
        typeof(GeneratorInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    /// <summary>The attribute placed on every generated type.</summary>
    public static string GeneratedCodeAttribute =>
        "[global::System.CodeDom.Compiler.GeneratedCode(\"" + Name + "\", \"" + Version + "\")]";

    /// <summary>Reads the per-file or per-project options that generated code depends on.</summary>
    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.ColoGenNamespace";
    public const string RootNamespaceProperty = "build_property.RootNamespace";
}
