namespace Colo.Gen.Generator.Idl;

/// <summary>
/// How each builtin C type of libxl is held in C#. idl.py itself defines void, bool,
/// size_t, integer, uint8..uint64 and string; libxl_types.idl adds its own builtins with
/// Builtin(...). Those libxl handles as opaque values (bitmap, string_list,
/// key_value_list, cpuid_policy_list, hwcap, and any builtin this table does not know)
/// are held as the JSON libxl writes for them (<c>JsonNode?</c>); uuid, mac and
/// ms_vm_genid, which libxl writes as one string, are held as that string.
/// </summary>
internal static class IdlBuiltins
{
    /// <summary>The representation and (for integers) the C# type of a builtin, by its C name.</summary>
    public static (IdlRepresentation Representation, string ClrType) ForBuiltin(string cName, bool signed) => cName switch
    {
        "bool" => (IdlRepresentation.Bool, "bool"),
        "char *" => (IdlRepresentation.String, "string"),
        "libxl_defbool" => (IdlRepresentation.Defbool, ""),
        "libxl_domid" => (IdlRepresentation.Integer, "uint"),
        "libxl_devid" => (IdlRepresentation.Integer, "int"),
        "libxl_uuid" or "libxl_mac" or "libxl_ms_vm_genid" => (IdlRepresentation.Text, "string"),
        _ when signed => (IdlRepresentation.Integer, "long"),
        _ => (IdlRepresentation.Json, ""),
    };

    /// <summary>The C# type of a Number by its C type (idl.py's Number and UInt).</summary>
    public static string ForNumber(string cType, bool signed) => cType switch
    {
        "int" => "int",
        "uint8_t" => "byte",
        "uint16_t" => "ushort",
        "uint32_t" => "uint",
        "uint64_t" or "size_t" => "ulong",
        "int8_t" => "sbyte",
        "int16_t" => "short",
        "int32_t" => "int",
        "int64_t" => "long",
        _ => signed ? "long" : "ulong",
    };
}
