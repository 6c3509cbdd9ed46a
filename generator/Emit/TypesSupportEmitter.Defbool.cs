using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Emit;

/// <summary>
/// <c>Defbool</c>, libxl's <c>libxl_defbool</c>: true, false or not set, with libxl's names for
/// the three (docs/architecture.md, "Generated types").
/// </summary>
internal sealed partial class TypesSupportEmitter
{
    private void EmitDefbool()
    {
        string attribute = GeneratorInfo.GeneratedCodeAttribute;
        _w.Raw($$"""
/// <summary>libxl's <c>libxl_defbool</c>: a boolean that can also be left at its default.</summary>
{{attribute}}
public readonly struct Defbool : global::System.IEquatable<Defbool>
{
    // 0: default, 1: true, -1: false (libxl's own encoding).
    private readonly int _state;

    private Defbool(int state) => _state = state;

    /// <summary>Not set (libxl's <c>libxl_defbool_unset</c>).</summary>
    public static Defbool Default => default;

    /// <summary>Set to true.</summary>
    public static Defbool True => new(1);

    /// <summary>Set to false.</summary>
    public static Defbool False => new(-1);

    /// <summary>Whether the value is not set (<c>libxl_defbool_is_default</c>).</summary>
    public bool IsDefault => _state == 0;

    /// <summary>The value (<c>libxl_defbool_val</c>).</summary>
    /// <exception cref="global::System.InvalidOperationException">The value is not set.</exception>
    public bool Value => _state != 0 ? _state > 0 : throw new global::System.InvalidOperationException("The defbool is not set.");

    /// <summary>A set value.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see cref="True"/> or <see cref="False"/>.</returns>
    public static Defbool From(bool value) => value ? True : False;

    /// <summary>libxl's <c>libxl_defbool_setdefault</c>: this value if set, else <paramref name="value"/>.</summary>
    /// <param name="value">The value to use when this one is not set.</param>
    /// <returns>A set value.</returns>
    public Defbool WithDefault(bool value) => IsDefault ? From(value) : this;

    /// <inheritdoc/>
    public bool Equals(Defbool other) => _state == other._state;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Defbool other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _state;

    /// <summary>libxl's <c>libxl_defbool_to_string</c>: "&lt;default&gt;", "True" or "False".</summary>
    /// <returns>The string.</returns>
    public override string ToString() => _state == 0 ? "<default>" : _state > 0 ? "True" : "False";

    /// <summary>Value equality.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Defbool left, Defbool right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Defbool left, Defbool right) => !left.Equals(right);
}

""");
    }
}
