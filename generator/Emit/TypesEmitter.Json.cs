using System.Collections.Generic;
using System.Globalization;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Idl;

namespace Colo.Gen.Generator.Emit;

/// <summary>
/// JSON as libxl's generated <c>_gen_json</c> writes it (gentypes.py): a map of the fields,
/// each left out when at its default — compared with its init value when it has one, else
/// with the type's default check (NULL string, default defbool), else written when non-zero;
/// aggregates always, arrays when non-empty; a KeyedUnion as one key "keyvar.case". Reading
/// back starts from the init values and sets the fields present, as libxl's <c>_parse_json</c>.
/// </summary>
internal sealed partial class TypesEmitter
{
    private const string Support = TypesSupportEmitter.JsonClassName;

    private void EmitJsonMembers(IdlType type, string name, List<Member> members)
    {
        if (type.Kind == IdlTypeKind.KeyedUnion)
        {
            // A KeyedUnion is written by the class holding it, whose key selects the case.
            return;
        }

        _w.Line();
        _w.Line("/// <summary>libxl's JSON of this value (<c>" + Xml(type.CName ?? "") + "_to_json</c>): yajl's pretty form, fields at their default left out, a final newline.</summary>");
        _w.Line("/// <returns>The JSON text.</returns>");
        using (_w.OpenBlock("public string ToJson()"))
        {
            _w.Line("var writer = new " + Support + ".Writer();");
            _w.Line("this.WriteJson(writer);");
            _w.Line("return writer.ToString();");
        }

        _w.Line();
        _w.Line("/// <summary>Reads libxl's JSON of this type: fields absent keep their init values; unknown fields are ignored.</summary>");
        _w.Line("/// <param name=\"json\">The JSON text.</param>");
        _w.Line("/// <returns>The value.</returns>");
        _w.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The text is not JSON, or a field has the wrong kind of value.</exception>");
        using (_w.OpenBlock("public static " + name + " FromJson(string json)"))
        {
            _w.Line("using var document = global::System.Text.Json.JsonDocument.Parse(json);");
            _w.Line("return FromJsonElement(document.RootElement);");
        }

        _w.Line();
        _w.Line("/// <summary>Reads a value from a JSON map.</summary>");
        using (_w.OpenBlock("internal static " + name + " FromJsonElement(global::System.Text.Json.JsonElement element)"))
        {
            _w.Line("var value = new " + name + "();");
            _w.Line("value.ReadJson(element);");
            _w.Line("return value;");
        }

        _w.Line();
        _w.Line("/// <summary>Writes this value as a JSON map, as libxl's generated <c>_gen_json</c>.</summary>");
        using (_w.OpenBlock("internal void WriteJson(" + Support + ".Writer writer)"))
        {
            _w.Line("writer.BeginObject();");
            foreach (Member m in members)
            {
                if (m.IsKey || m.Field.Const || m.Type.Private)
                {
                    continue;
                }

                if (m.Type.Kind == IdlTypeKind.KeyedUnion)
                {
                    WriteKeyedUnion(members, m);
                    continue;
                }

                using (_w.OpenBlock("if (" + WriteCondition(m.Type, m.Field.Init, "this." + m.Name) + ")"))
                {
                    _w.Line("writer.Key(" + CSharpLiteral.String(m.Field.Name) + ");");
                    WriteValue(m.Type, "this." + m.Name, 0);
                }
            }

            _w.Line("writer.EndObject();");
        }

        _w.Line();
        _w.Line("/// <summary>Sets the fields present in a JSON map.</summary>");
        using (_w.OpenBlock("internal void ReadJson(global::System.Text.Json.JsonElement element)"))
        {
            _w.Line(Support + ".ExpectObject(element);");
            foreach (Member m in members)
            {
                if (m.IsKey || m.Field.Const)
                {
                    continue;
                }

                if (m.Type.Kind == IdlTypeKind.KeyedUnion)
                {
                    ReadKeyedUnion(members, m);
                    continue;
                }

                using (_w.OpenBlock("if (element.TryGetProperty(" + CSharpLiteral.String(m.Field.Name) + ", out global::System.Text.Json.JsonElement " + Var(m.Name) + "))"))
                {
                    _w.Line("this." + m.Name + " = " + ReadValue(m.Type, Var(m.Name), 0) + ";");
                }
            }
        }
    }

    private static string Var(string property) => "json" + property;

    /// <summary>gentypes.py's get_default_expr: when a field is written.</summary>
    private string WriteCondition(IdlType type, IdlInitValue? fieldInit, string expr)
    {
        if (type.Kind is IdlTypeKind.Struct or IdlTypeKind.Union)
        {
            return "true";
        }

        if (type.Kind == IdlTypeKind.Array)
        {
            return expr + ".Count != 0";
        }

        IdlInitValue? init = ComparedInit(type, fieldInit);
        if (init is not null)
        {
            return expr + " != " + InitialValue(type, init);
        }

        return type.Representation switch
        {
            IdlRepresentation.Integer => expr + " != 0",
            IdlRepresentation.Enum => expr + " != 0",
            IdlRepresentation.Bool or IdlRepresentation.Flag => expr,
            IdlRepresentation.Defbool => "!" + expr + ".IsDefault",
            _ => expr + " is not null",
        };
    }

    private void WriteValue(IdlType type, string expr, int depth)
    {
        switch (type.Representation)
        {
            case IdlRepresentation.Integer:
                string wide = type.ClrType is "sbyte" or "short" or "int" or "long" ? "long" : "ulong";
                _w.Line("writer.Number((" + wide + ")" + expr + ");");
                break;
            case IdlRepresentation.Bool:
                _w.Line("writer.Bool(" + expr + ");");
                break;
            case IdlRepresentation.Flag:
                // libxl's JSON has the C int: 1 for true (false, 0, is left out unless an init value says otherwise).
                _w.Line("writer.Number(" + expr + " ? 1L : 0L);");
                break;
            case IdlRepresentation.String or IdlRepresentation.Text:
                _w.Line("writer.String(" + expr + ");");
                break;
            case IdlRepresentation.Defbool:
                _w.Line("writer.String(" + expr + ".ToString());");
                break;
            case IdlRepresentation.Json:
                _w.Line("writer.Node(" + expr + ");");
                break;
            case IdlRepresentation.Enum when type.IsAnonymous:
                _w.Line("writer.Number((long)" + expr + ");");
                break;
            case IdlRepresentation.Enum:
                _w.Line("writer.String(" + Global(type.CSharpName) + "Extensions.LibxlName(" + expr + "));");
                break;
            case IdlRepresentation.Class:
                _w.Line(expr + ".WriteJson(writer);");
                break;
            case IdlRepresentation.List:
                string item = "item" + depth.ToString(CultureInfo.InvariantCulture);
                _w.Line("writer.BeginArray();");
                using (_w.OpenBlock("foreach (var " + item + " in " + expr + ")"))
                {
                    WriteValue(type.ElementType!, item, depth + 1);
                }

                _w.Line("writer.EndArray();");
                break;
            default:
                // A KeyedUnion outside a Struct has no key to select its case; libxl has none such.
                _w.Line("writer.Null();");
                break;
        }
    }

    private string ReadValue(IdlType type, string element, int depth) => type.Representation switch
    {
        IdlRepresentation.Integer => Support + ".Read" + ClrReader(type.ClrType) + "(" + element + ")",
        IdlRepresentation.Bool => Support + ".ReadBool(" + element + ")",
        IdlRepresentation.Flag => Support + ".ReadFlag(" + element + ")",
        IdlRepresentation.String or IdlRepresentation.Text => Support + ".ReadString(" + element + ")",
        IdlRepresentation.Defbool => Support + ".ReadDefbool(" + element + ")",
        IdlRepresentation.Json => Support + ".ReadNode(" + element + ")",
        IdlRepresentation.Enum when type.IsAnonymous => "(" + TypeOf(type) + ")" + Support + ".ReadInt64(" + element + ")",
        IdlRepresentation.Enum => Global(type.CSharpName) + "Extensions.ReadJson(" + element + ")",
        IdlRepresentation.Class => TypeOf(type) + ".FromJsonElement(" + element + ")",
        IdlRepresentation.List => Support + ".ReadList(" + element + ", item" + depth.ToString(CultureInfo.InvariantCulture) + " => " + ReadValue(type.ElementType!, "item" + depth.ToString(CultureInfo.InvariantCulture), depth + 1) + ")",
        _ => "new " + TypeOf(type) + "()",
    };

    private static string ClrReader(string clrType) => clrType switch
    {
        "sbyte" => "SByte",
        "byte" => "Byte",
        "short" => "Int16",
        "ushort" => "UInt16",
        "int" => "Int32",
        "uint" => "UInt32",
        "long" => "Int64",
        _ => "UInt64",
    };

    private void WriteKeyedUnion(List<Member> members, Member union)
    {
        Member key = members[members.IndexOf(union) - 1];
        IdlType keyType = key.Type;
        using (_w.OpenBlock("switch (this." + key.Name + ")"))
        {
            foreach (IdlField c in union.Type.Fields)
            {
                _w.Line("case " + CaseLabel(keyType, c.EnumName!) + ":");
                _w.Indent++;
                _w.Line("writer.Key(" + CSharpLiteral.String(key.Field.Name + "." + c.Name) + ");");
                if (c.Type is null)
                {
                    _w.Line("writer.BeginObject();");
                    _w.Line("writer.EndObject();");
                }
                else
                {
                    WriteValue(c.Type, "this." + union.Name + "." + PropertyName(c.CSharpName, union.Type.CSharpName), 0);
                }

                _w.Line("break;");
                _w.Indent--;
            }
        }
    }

    private void ReadKeyedUnion(List<Member> members, Member union)
    {
        Member key = members[members.IndexOf(union) - 1];
        foreach (IdlField c in union.Type.Fields)
        {
            string v = Var(union.Name + IdlNames.Pascal(c.Name));
            using (_w.OpenBlock("if (element.TryGetProperty(" + CSharpLiteral.String(key.Field.Name + "." + c.Name) + ", out global::System.Text.Json.JsonElement " + v + "))"))
            {
                _w.Line("this." + key.Name + " = " + CaseLabel(key.Type, c.EnumName!) + ";");
                if (c.Type is not null)
                {
                    // An anonymous case type is nested in the union's class, so it is named through it.
                    string read = c.Type.IsAnonymous && c.Type.Representation == IdlRepresentation.Class
                        ? TypeOf(union.Type) + "." + c.Type.CSharpName + ".FromJsonElement(" + v + ")"
                        : ReadValue(c.Type, v, 0);
                    _w.Line("this." + union.Name + "." + PropertyName(c.CSharpName, union.Type.CSharpName) + " = " + read + ";");
                }
            }
        }
    }

    private string CaseLabel(IdlType keyType, string enumCName)
    {
        foreach (IdlEnumValue v in keyType.Values)
        {
            if (v.CName == enumCName)
            {
                return TypeOf(keyType) + "." + v.CSharpName;
            }
        }

        return "default";
    }
}
