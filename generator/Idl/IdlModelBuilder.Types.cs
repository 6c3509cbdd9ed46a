using System.Collections.Generic;
using System.Globalization;
using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Idl;

/// <summary>idl.py's type constructors: what each accepts, and the model type it builds.</summary>
internal sealed partial class IdlModelBuilder
{
    private IdlType? Construct(Invocation call)
    {
        switch (call.Function)
        {
            case "Builtin":
                if (!Arity(call, 1) || !Name(call, call.Args[0], allowNone: false, out string? builtinName))
                {
                    return null;
                }

                return Builtin(call, builtinName!);
            case "Number":
                if (!Arity(call, 1) || !Name(call, call.Args[0], allowNone: false, out string? numberName))
                {
                    return null;
                }

                return Named(call, new IdlType(IdlTypeKind.Number, IdlRepresentation.Integer, call.Location) { ClrType = IdlBuiltins.ForNumber(numberName!, call.Flag("signed")) }, numberName!, defaultNamespaceNone: true);
            case "UInt":
                if (!Arity(call, 1) || call.Args[0].Payload is not long width)
                {
                    Report(IdlDiagnostics.InvalidArgument, call.Location, "UInt() takes the width in bits");
                    return null;
                }

                string cType = "uint" + width.ToString(CultureInfo.InvariantCulture) + "_t";
                return Named(call, new IdlType(IdlTypeKind.Number, IdlRepresentation.Integer, call.Location) { ClrType = IdlBuiltins.ForNumber(cType, false) }, cType, defaultNamespaceNone: true);
            case "Enumeration":
                return Arity(call, 2) && Name(call, call.Args[0], allowNone: true, out string? enumName) ? Enumeration(call, enumName) : null;
            case "Struct":
            case "Union":
                if (!Arity(call, 2) || !Name(call, call.Args[0], allowNone: true, out string? aggregateName))
                {
                    return null;
                }

                var kind = call.Function == "Struct" ? IdlTypeKind.Struct : IdlTypeKind.Union;
                var fields = Fields(call.Args[1], aggregateName ?? call.Function);
                return fields is null ? null : Declare(Named(call, new IdlType(kind, IdlRepresentation.Class, call.Location) { Fields = fields.Value }, aggregateName, false));
            case "KeyedUnion":
                return Arity(call, 4) && Name(call, call.Args[0], allowNone: true, out string? unionName) ? KeyedUnion(call, unionName) : null;
            case "Array":
                return Array(call);
            default:
                Report(IdlDiagnostics.InvalidArgument, call.Location, call.Function + " cannot be called");
                return null;
        }
    }

    private IdlType? Builtin(Invocation call, string rawName)
    {
        var type = Named(call, new IdlType(IdlTypeKind.Builtin, IdlRepresentation.Json, call.Location), rawName, defaultNamespaceNone: false);
        var (representation, clrType) = IdlBuiltins.ForBuiltin(type.CName!, call.Flag("signed"));
        _usesDefbool |= representation == IdlRepresentation.Defbool;
        return type with { Representation = representation, ClrType = clrType };
    }

    private IdlType? Enumeration(Invocation call, string? rawName)
    {
        if (call.Args[1].Payload is not IdlSequence items)
        {
            Report(IdlDiagnostics.BadTuple, call.Args[1].Location, "Enumeration values must be a list of (number, name) tuples");
            return null;
        }

        IdlType type = Named(call, new IdlType(IdlTypeKind.Enumeration, IdlRepresentation.Enum, call.Location), rawName, false);
        string valueNamespace = call.Keywords.TryGetValue("value_namespace", out IdlValue? vn) ? vn.Payload as string ?? "" : _namespace ?? "";
        string prefix = valueNamespace.ToUpperInvariant() + (rawName ?? "").ToUpperInvariant() + "_";
        var values = new List<IdlEnumValue>();
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (IdlValue item in items.Items)
        {
            if (item.Payload is not IdlSequence { IsTuple: true, Items.Count: 2 } pair || pair.Items[0].Payload is not long number || pair.Items[1].Payload is not string name)
            {
                Report(IdlDiagnostics.BadTuple, item.Location, "an Enumeration value must be a (number, \"NAME\") tuple, not " + item.Describe());
                continue;
            }

            string upper = name.ToUpperInvariant();
            if (!names.Add(upper))
            {
                Report(IdlDiagnostics.DuplicateField, pair.Items[1].Location, upper, rawName ?? "Enumeration");
                continue;
            }

            values.Add(new IdlEnumValue(upper, prefix + upper, number, IdlNames.Pascal(name), item.Location));
            _enumValues[prefix + upper] = number;
        }

        type = type with { Values = ValueDocs(call, values).ToEquatableArray(), ValueNamespace = valueNamespace };
        return Declare(type with { Init = InitValue(call, "init_val") });
    }

    /// <summary>
    /// The Enumeration keyword <c>value_docs={"NAME": "meaning", ...}</c> (idl.py ignores it) put on
    /// the values it names; a name that is not a value of the Enumeration, or a text that is not a
    /// string, is reported (CG1012).
    /// </summary>
    private List<IdlEnumValue> ValueDocs(Invocation call, List<IdlEnumValue> values)
    {
        if (!call.Keywords.TryGetValue("value_docs", out IdlValue? docs))
        {
            return values;
        }

        if (docs.Payload is not IdlMapping mapping)
        {
            Report(IdlDiagnostics.InvalidArgument, docs.Location, "value_docs must be a dict of value name to text, not " + docs.Describe());
            return values;
        }

        foreach (var entry in mapping.Entries)
        {
            string? wanted = (entry.Key.Payload as string)?.ToUpperInvariant();
            int index = wanted is null ? -1 : values.FindIndex(v => v.Name == wanted);
            if (index < 0 || entry.Value.Payload is not string text || text.Trim().Length == 0)
            {
                Report(IdlDiagnostics.InvalidArgument, entry.Key.Location, "value_docs entries are \"VALUE\": \"text\" for a value of this Enumeration, not " + entry.Key.Describe() + ": " + entry.Value.Describe());
                continue;
            }

            values[index] = values[index] with { Doc = text.Trim() };
        }

        return values;
    }

    private IdlType? KeyedUnion(Invocation call, string? rawName)
    {
        if (call.Args[1].Payload is not IdlType { Kind: IdlTypeKind.Enumeration } keyType)
        {
            Report(IdlDiagnostics.InvalidArgument, call.Args[1].Location, "the key of a KeyedUnion must be an Enumeration, not " + call.Args[1].Describe());
            return null;
        }

        if (call.Args[2].Payload is not string keyName || call.Args[3].Payload is not IdlSequence cases)
        {
            Report(IdlDiagnostics.InvalidArgument, call.Location, "KeyedUnion(name, key type, \"key name\", [(case, type), ...]) expected");
            return null;
        }

        var fields = new List<IdlField>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (IdlValue item in cases.Items)
        {
            if (item.Payload is not IdlSequence { IsTuple: true, Items.Count: 2 } pair || pair.Items[0].Payload is not string caseName
                || pair.Items[1].Payload is not (IdlType or null))
            {
                Report(IdlDiagnostics.BadTuple, item.Location, "a KeyedUnion case must be a (\"name\", type or None) tuple, not " + item.Describe());
                continue;
            }

            IdlEnumValue? selector = null;
            string selectorName = caseName.ToUpperInvariant();
            foreach (IdlEnumValue v in keyType.Values)
            {
                selector = v.Name == selectorName ? v : selector;
            }

            if (selector is null)
            {
                Report(IdlDiagnostics.UnknownName, pair.Items[0].Location, caseName + " (not a value of " + keyType.CName + ")");
                continue;
            }

            if (!seen.Add(caseName))
            {
                Report(IdlDiagnostics.DuplicateField, pair.Items[0].Location, caseName, rawName ?? "KeyedUnion");
                continue;
            }

            var caseType = Place((IdlType?)pair.Items[1].Payload, caseName);
            fields.Add(new IdlField(caseName, IdlNames.Pascal(caseName), caseType, null, false, null, selector.CName, item.Location));
        }

        IdlInitValue? keyInit = InitValue(call, "keyvar_init_val") ?? keyType.Init;
        var keyVariable = new IdlField(keyName, IdlNames.Pascal(keyName), keyType, keyInit, false, null, null, call.Args[2].Location);
        var type = new IdlType(IdlTypeKind.KeyedUnion, IdlRepresentation.KeyedUnion, call.Location) { Fields = fields.ToEquatableArray(), KeyVariable = keyVariable };
        return Declare(Named(call, type, rawName, false));
    }

    private IdlType? Array(Invocation call)
    {
        if (call.Args.Count != 2 || call.Args[0].Payload is not IdlType element || call.Args[1].Payload is not string lengthName)
        {
            Report(IdlDiagnostics.InvalidArgument, call.Location, "Array(element type, \"length variable\") expected");
            return null;
        }

        return new IdlType(IdlTypeKind.Array, IdlRepresentation.List, call.Location)
        {
            ElementType = element,
            LengthName = lengthName,
            Direction = (int)(call.Integer("dir") ?? 3),
        };
    }

    /// <summary>The fields of a Struct or Union: (name, type) or (name, type, {keywords}) tuples.</summary>
    private EquatableArray<IdlField>? Fields(IdlValue list, string owner)
    {
        if (list.Payload is not IdlSequence items)
        {
            Report(IdlDiagnostics.BadTuple, list.Location, "the fields of '" + owner + "' must be a list of (name, type) tuples");
            return null;
        }

        var fields = new List<IdlField>();
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (IdlValue item in items.Items)
        {
            if (item.Payload is not IdlSequence { IsTuple: true } tuple || tuple.Items.Count is < 2 or > 3
                || tuple.Items[0].Payload is not string name || tuple.Items[1].Payload is not IdlType type
                || (tuple.Items.Count == 3 && tuple.Items[2].Payload is not IdlMapping))
            {
                Report(IdlDiagnostics.BadTuple, item.Location, "a field of '" + owner + "' must be a (\"name\", type) or (\"name\", type, {options}) tuple, not " + item.Describe());
                continue;
            }

            if (!names.Add(name))
            {
                Report(IdlDiagnostics.DuplicateField, tuple.Items[0].Location, name, owner);
                continue;
            }

            var options = new Dictionary<string, IdlValue>(System.StringComparer.Ordinal);
            if (tuple.Items.Count == 3)
            {
                foreach (var entry in ((IdlMapping)tuple.Items[2].Payload!).Entries)
                {
                    if (entry.Key.Payload is string key)
                    {
                        options[key] = entry.Value;
                    }
                }
            }

            var fieldCall = new Invocation("field", new List<IdlValue>(), options, item.Location);
            fields.Add(new IdlField(
                name,
                IdlNames.Pascal(name),
                FieldType(fieldCall, Place(type, name)!),
                InitValue(fieldCall, "init_val"),
                fieldCall.Flag("const"),
                fieldCall.String("deprecated_by"),
                null,
                item.Location)
            {
                Doc = DocOf(fieldCall),
            });
        }

        return fields.ToEquatableArray();
    }

    /// <summary>
    /// The field's type with its C# face applied: the option <c>csharp_type="bool"</c> makes a C int
    /// that libxl uses as 0/1 a <c>bool</c> (<see cref="IdlRepresentation.Flag"/>). Only <c>integer</c>
    /// fields can take it; anything else is reported (CG1012) and the field keeps its type.
    /// </summary>
    private IdlType FieldType(Invocation field, IdlType type)
    {
        if (!field.Keywords.TryGetValue("csharp_type", out IdlValue? face))
        {
            return type;
        }

        if (face.Payload is not "bool")
        {
            Report(IdlDiagnostics.InvalidArgument, face.Location, "csharp_type must be \"bool\", not " + face.Describe());
            return type;
        }

        if (type.Representation != IdlRepresentation.Integer || type.ClrType != "int")
        {
            Report(IdlDiagnostics.InvalidArgument, face.Location, "csharp_type=\"bool\" is for integer fields (a C int used as 0/1), not " + (type.CName ?? type.CSharpName));
            return type;
        }

        return type with { Representation = IdlRepresentation.Flag, ClrType = "bool" };
    }

    /// <summary>The <c>doc</c> keyword or field option: a string, else reported (CG1012) and ignored.</summary>
    private string? DocOf(Invocation call)
    {
        if (!call.Keywords.TryGetValue("doc", out IdlValue? doc))
        {
            return null;
        }

        if (doc.Payload is string text && text.Trim().Length > 0)
        {
            return text.Trim();
        }

        Report(IdlDiagnostics.InvalidArgument, doc.Location, "doc must be a non-empty string, not " + doc.Describe());
        return null;
    }

    /// <summary>Gives an anonymous type met as the type of field <paramref name="fieldName"/> its nested C# class name.</summary>
    private static IdlType? Place(IdlType? type, string fieldName)
    {
        if (type is null || !type.IsAnonymous)
        {
            return type;
        }

        return type.Kind switch
        {
            IdlTypeKind.Struct => type with { CSharpName = IdlNames.Pascal(fieldName) + "Struct" },
            IdlTypeKind.Union or IdlTypeKind.KeyedUnion => type with { CSharpName = IdlNames.Pascal(fieldName) + "Union" },
            IdlTypeKind.Enumeration => type with { CSharpName = IdlNames.Pascal(fieldName) + "Kind" },
            IdlTypeKind.Array => type with { ElementType = Place(type.ElementType, fieldName + "_item") },
            _ => type,
        };
    }

    /// <summary>Applies the keywords every idl.py type takes (namespace, dir, private, csharp_name...).</summary>
    private IdlType Named(Invocation call, IdlType type, string? rawName, bool defaultNamespaceNone)
    {
        string? ns = call.Keywords.TryGetValue("namespace", out IdlValue? n) ? n.Payload as string : defaultNamespaceNone ? null : _namespace;
        string? cName = rawName is null ? null : (ns ?? "") + rawName;
        string csharp = call.String("csharp_name") ?? (rawName is null ? "" : IdlNames.Pascal(rawName));
        type = type with
        {
            RawName = rawName,
            CName = cName,
            CSharpName = csharp,
            Direction = (int)(call.Integer("dir") ?? 3),
            Private = call.Flag("private"),
            CheckDefaultFn = call.String("check_default_fn"),
            Doc = DocOf(call),
        };
        return type.Kind is IdlTypeKind.Builtin or IdlTypeKind.Number ? type with { Init = InitValue(call, "init_val") } : type;
    }

    /// <summary>Records a named Enumeration/Struct/Union/KeyedUnion for emission; reports a second one of the same name.</summary>
    private IdlType? Declare(IdlType type)
    {
        if (type.IsAnonymous)
        {
            return type;
        }

        if (_declaredByCName.ContainsKey(type.CName!) || _declaredByCSharpName.ContainsKey(type.CSharpName))
        {
            Report(IdlDiagnostics.DuplicateType, type.Location, _declaredByCName.ContainsKey(type.CName!) ? type.CName! : type.CSharpName);
            return type;
        }

        _declaredByCName[type.CName!] = type;
        _declaredByCSharpName[type.CSharpName] = type;
        _declared.Add(type);
        return type;
    }

    private bool Arity(Invocation call, int count)
    {
        if (call.Args.Count == count)
        {
            return true;
        }

        Report(IdlDiagnostics.InvalidArgument, call.Location, call.Function + "() takes " + count.ToString(CultureInfo.InvariantCulture) + " positional argument(s), not " + call.Args.Count.ToString(CultureInfo.InvariantCulture));
        return false;
    }

    private bool Name(Invocation call, IdlValue value, bool allowNone, out string? name)
    {
        name = value.Payload as string;
        if (name is not null || (allowNone && value.Payload is null))
        {
            return true;
        }

        Report(IdlDiagnostics.InvalidArgument, value.Location, "the name of a " + call.Function + " must be a string" + (allowNone ? " or None" : "") + ", not " + value.Describe());
        return false;
    }
}
