using System.Collections.Generic;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Idl;

namespace Colo.Gen.Generator.Emit;

/// <summary>
/// Structs, Unions and KeyedUnions: a sealed partial class with a settable property per
/// field, init values set by the constructor, Clone(), value equality and JSON. Anonymous
/// aggregates used as a field's type become nested classes.
/// </summary>
internal sealed partial class TypesEmitter
{
    /// <summary>A property of a generated class: the field it holds, its name, and for a KeyedUnion's key which union it selects.</summary>
    private sealed record Member(IdlField Field, IdlType Type, string Name, bool IsKey = false);

    private void EmitClass(IdlType type)
    {
        string name = type.CSharpName;
        List<Member> members = Members(type);
        string what = type.IsAnonymous ? "An anonymous " + type.Kind + " of libxl" : "libxl's <c>" + Xml(type.CName!) + "</c>";
        _w.Line("/// <summary>" + what + " (from " + Xml(HintNames.FileName(_model.FilePath)) + ")" + DocSentence(type.Doc) + "</summary>");
        _w.Line(GeneratorInfo.GeneratedCodeAttribute);
        using (_w.OpenBlock("public sealed partial class " + name + " : global::System.IEquatable<" + name + ">"))
        {
            _w.Line("/// <summary>Creates an instance holding libxl's init values (as <c>" + Xml(type.CName ?? "") + "_init</c> does).</summary>");
            using (_w.OpenBlock("public " + name + "()"))
            {
                foreach (Member m in members)
                {
                    string? init = InitialValue(m.Type, m.Field.Init);
                    if (init is not null)
                    {
                        _w.Line("this." + m.Name + " = " + init + ";");
                    }
                }
            }

            foreach (Member m in members)
            {
                _w.Line();
                string doc = m.Field.EnumName is null && m.Type.Kind != IdlTypeKind.KeyedUnion
                    ? "libxl field <c>" + Xml(m.Field.Name) + "</c>"
                    : m.Field.EnumName is not null ? "libxl case <c>" + Xml(m.Field.Name) + "</c> (selected by <c>" + Xml(m.Field.EnumName) + "</c>)" : "libxl union <c>" + Xml(m.Field.Name) + "</c>";
                IdlInitValue? init = m.Field.Init ?? m.Type.Init;
                string where = doc + (init is null ? "" : " (init value <c>" + Xml(init.Source) + "</c>)")
                    + (m.Type.Representation == IdlRepresentation.Flag ? "; a C int used as a flag, 1 or 0 in libxl's JSON" : "") + ".";
                if (m.Field.Doc is string meaning)
                {
                    // The IDL says what the field means: that is the summary, and where it comes from the remark.
                    _w.Line("/// <summary>" + DocText(meaning) + "</summary>");
                    _w.Line("/// <remarks>" + where + "</remarks>");
                }
                else
                {
                    _w.Line("/// <summary>" + where + "</summary>");
                }

                _w.Line("public " + TypeOf(m.Type) + " " + m.Name + " { get; set; }");
            }

            EmitCloneAndEquality(name, members);
            EmitJsonMembers(type, name, members);
            foreach (IdlType nested in NestedTypes(type))
            {
                _w.Line();
                if (nested.Kind == IdlTypeKind.Enumeration)
                {
                    EmitEnum(nested);
                }
                else
                {
                    EmitClass(nested);
                }
            }
        }
    }

    /// <summary>The properties of a class: its fields, and before a KeyedUnion field, the key that selects its case.</summary>
    private static List<Member> Members(IdlType type)
    {
        var members = new List<Member>();
        foreach (IdlField field in type.Fields)
        {
            if (field.Type is null)
            {
                continue;
            }

            if (field.Type.Kind == IdlTypeKind.KeyedUnion && type.Kind != IdlTypeKind.KeyedUnion)
            {
                IdlField key = field.Type.KeyVariable!;
                members.Add(new Member(key, key.Type!, PropertyName(key.CSharpName, type.CSharpName), IsKey: true));
            }

            members.Add(new Member(field, field.Type, PropertyName(field.CSharpName, type.CSharpName)));
        }

        return members;
    }

    /// <summary>Anonymous types used by this class's fields (and list elements), emitted inside it.</summary>
    private static IEnumerable<IdlType> NestedTypes(IdlType type)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (IdlField field in type.Fields)
        {
            IdlType? t = field.Type;
            while (t is { Kind: IdlTypeKind.Array })
            {
                t = t.ElementType;
            }

            if (t is not null && t.IsAnonymous && t.Kind is IdlTypeKind.Struct or IdlTypeKind.Union or IdlTypeKind.KeyedUnion or IdlTypeKind.Enumeration && names.Add(t.CSharpName))
            {
                yield return t;
            }
        }
    }

    private void EmitCloneAndEquality(string name, List<Member> members)
    {
        _w.Line();
        _w.Line("/// <summary>A deep copy: nothing the copy holds is shared with this instance.</summary>");
        _w.Line("/// <returns>The copy.</returns>");
        using (_w.OpenBlock("public " + name + " Clone()"))
        {
            _w.Line("var copy = (" + name + ")this.MemberwiseClone();");
            foreach (Member m in members)
            {
                string? deep = DeepCopy(m.Type, "this." + m.Name);
                if (deep is not null)
                {
                    _w.Line("copy." + m.Name + " = " + deep + ";");
                }
            }

            _w.Line("return copy;");
        }

        _w.Line();
        _w.Line("/// <inheritdoc/>");
        using (_w.OpenBlock("public bool Equals(" + name + "? other)"))
        {
            using (_w.OpenBlock("if (other is null)"))
            {
                _w.Line("return false;");
            }

            _w.Line();
            if (members.Count == 0)
            {
                _w.Line("return true;");
            }
            else
            {
                for (int i = 0; i < members.Count; i++)
                {
                    string prefix = i == 0 ? "return " : "    && ";
                    string suffix = i == members.Count - 1 ? ";" : "";
                    _w.Line(prefix + EqualityOf(members[i].Type, "this." + members[i].Name, "other." + members[i].Name) + suffix);
                }
            }
        }

        _w.Line();
        _w.Line("/// <inheritdoc/>");
        _w.Line("public override bool Equals(object? obj) => obj is " + name + " other && this.Equals(other);");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        using (_w.OpenBlock("public override int GetHashCode()"))
        {
            _w.Line("var hash = new global::System.HashCode();");
            foreach (Member m in members)
            {
                switch (m.Type.Representation)
                {
                    case IdlRepresentation.Json:
                        break;
                    case IdlRepresentation.List:
                        _w.Line("hash.Add(this." + m.Name + ".Count);");
                        break;
                    default:
                        _w.Line("hash.Add(this." + m.Name + ");");
                        break;
                }
            }

            _w.Line("return hash.ToHashCode();");
        }
    }

    private string? DeepCopy(IdlType type, string expr) => type.Representation switch
    {
        IdlRepresentation.Class or IdlRepresentation.KeyedUnion => expr + ".Clone()",
        IdlRepresentation.Json => expr + "?.DeepClone()",
        IdlRepresentation.List => DeepCopy(type.ElementType!, "item") is string element
            ? expr + ".ConvertAll(item => " + element + ")"
            : "new " + TypeOf(type) + "(" + expr + ")",
        _ => null,
    };

    private string EqualityOf(IdlType type, string a, string b) => type.Representation switch
    {
        IdlRepresentation.Json => "global::System.Text.Json.Nodes.JsonNode.DeepEquals(" + a + ", " + b + ")",
        IdlRepresentation.List => TypesSupportEmitter.JsonClassName + ".ListEquals(" + a + ", " + b + ")",
        _ => "global::System.Collections.Generic.EqualityComparer<" + TypeOf(type) + ">.Default.Equals(" + a + ", " + b + ")",
    };
}
