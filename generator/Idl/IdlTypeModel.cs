using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Idl;

/// <summary>The classes of idl.py a type is an instance of.</summary>
internal enum IdlTypeKind
{
    Builtin,
    Number,
    Enumeration,
    Struct,
    Union,
    KeyedUnion,
    Array,
}

/// <summary>How a type is held in C# (see docs/architecture.md and <see cref="IdlBuiltins"/>).</summary>
internal enum IdlRepresentation
{
    /// <summary>A C# integer keyword type (<see cref="IdlType.ClrType"/>).</summary>
    Integer,

    /// <summary><c>bool</c>.</summary>
    Bool,

    /// <summary>
    /// A C <c>int</c> that libxl uses as a 0/1 flag, given the C# face <c>bool</c> by the field option
    /// <c>csharp_type="bool"</c>; its JSON stays libxl's number (1, or left out when 0).
    /// </summary>
    Flag,

    /// <summary><c>string?</c>, default null (libxl's char *).</summary>
    String,

    /// <summary>The generated <c>Defbool</c>.</summary>
    Defbool,

    /// <summary><c>string?</c> in libxl's text form (uuid, mac, ms_vm_genid), written as a JSON string.</summary>
    Text,

    /// <summary><c>JsonNode?</c>: an opaque libxl builtin kept as the JSON libxl writes for it.</summary>
    Json,

    /// <summary>A generated enum.</summary>
    Enum,

    /// <summary>A generated class (Struct or Union).</summary>
    Class,

    /// <summary>A generated class for a KeyedUnion; its key is a property of the enclosing class.</summary>
    KeyedUnion,

    /// <summary><c>List&lt;T&gt;</c> of the element type.</summary>
    List,
}

/// <summary>
/// One value of an Enumeration: the value name in upper case (idl.py's valuename), the C
/// constant (LIBXL_DISK_FORMAT_QCOW2), libxl's number and the C# member name.
/// </summary>
internal sealed record IdlEnumValue(string Name, string CName, long Value, string CSharpName, LocationInfo Location)
{
    /// <summary>What the value means (the Enumeration's <c>value_docs</c> keyword, which idl.py ignores); null when the IDL says nothing.</summary>
    public string? Doc { get; init; }
}

/// <summary>An init value resolved to a number; Source is the IDL's text ("LIBXL_DOMAIN_TYPE_INVALID", "-1").</summary>
internal sealed record IdlInitValue(string Source, long Value);

/// <summary>
/// A field of an aggregate, the key variable of a KeyedUnion, or a KeyedUnion case (then
/// EnumName is the C name of the key value selecting it, and Type is null for a case without data).
/// </summary>
internal sealed record IdlField(
    string Name,
    string CSharpName,
    IdlType? Type,
    IdlInitValue? Init,
    bool Const,
    string? DeprecatedBy,
    string? EnumName,
    LocationInfo Location)
{
    /// <summary>What the field means (the field option <c>doc</c>, which idl.py ignores); null when the IDL says nothing.</summary>
    public string? Doc { get; init; }
}

/// <summary>
/// A type of the IDL, as idl.py would construct it, plus how C# holds it. Named types
/// appear by value wherever they are used; anonymous ones (name None) only there.
/// </summary>
internal sealed record IdlType(IdlTypeKind Kind, IdlRepresentation Representation, LocationInfo Location)
{
    /// <summary>The name without namespace (idl.py's rawname); null when anonymous.</summary>
    public string? RawName { get; init; }

    /// <summary>The C name (namespace + rawname, e.g. libxl_device_disk).</summary>
    public string? CName { get; init; }

    /// <summary>The C# name: a top-level type's, or the nested class name chosen for an anonymous one.</summary>
    public string CSharpName { get; init; } = "";

    /// <summary>For <see cref="IdlRepresentation.Integer"/>: the C# keyword (int, uint, ulong...).</summary>
    public string ClrType { get; init; } = "";

    public IdlInitValue? Init { get; init; }

    public string? CheckDefaultFn { get; init; }

    /// <summary>idl.py's dir: DIR_NONE 0, DIR_IN 1, DIR_OUT 2, DIR_BOTH 3.</summary>
    public int Direction { get; init; } = 3;

    public bool Private { get; init; }

    public EquatableArray<IdlEnumValue> Values { get; init; } = EquatableArray<IdlEnumValue>.Empty;

    public string? ValueNamespace { get; init; }

    public EquatableArray<IdlField> Fields { get; init; } = EquatableArray<IdlField>.Empty;

    /// <summary>For a KeyedUnion: the enum field that selects the case.</summary>
    public IdlField? KeyVariable { get; init; }

    /// <summary>For an Array: the element type and the C length variable's name.</summary>
    public IdlType? ElementType { get; init; }

    public string? LengthName { get; init; }

    public bool IsAnonymous => RawName is null;

    /// <summary>What the type means (the keyword <c>doc</c>, which idl.py ignores); null when the IDL says nothing.</summary>
    public string? Doc { get; init; }
}

/// <summary>
/// What one .idl file declares: its non-builtin named types in declaration order, the namespace
/// they go in, and whether any uses <c>Defbool</c> (which the namespace's shared source then holds).
/// </summary>
internal sealed record IdlModel(
    string FilePath,
    string Namespace,
    EquatableArray<IdlType> Types,
    bool UsesDefbool);
