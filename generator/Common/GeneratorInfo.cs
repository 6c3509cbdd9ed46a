namespace Colo.Gen.Generator.Common;

/// <summary>Facts about this generator that emitted code states.</summary>
internal static class GeneratorInfo
{
    /// <summary>The generator's name, as <see cref="GeneratedCodeAttribute"/> states it.</summary>
    public const string Name = "Colo.Gen.Generator";

    /// <summary>The generator assembly's version.</summary>
    public static readonly string Version =
        typeof(GeneratorInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    /// <summary>The attribute placed on every generated type.</summary>
    public static string GeneratedCodeAttribute =>
        "[global::System.CodeDom.Compiler.GeneratedCode(\"" + Name + "\", \"" + Version + "\")]";
}
