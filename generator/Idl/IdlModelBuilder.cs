using System;
using System.Collections.Generic;
using System.Threading;
using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Idl;

/// <summary>
/// Runs an IDL file the way idl.py's exec does, over the syntax tree instead of Python:
/// assignments bind names, calls to idl.py's constructors build types, namespace() and
/// hidden() set defaults. Every problem is a diagnostic; nothing here throws for any input.
/// </summary>
internal sealed partial class IdlModelBuilder
{
    private static readonly string[] Constructors = { "Builtin", "Number", "UInt", "Enumeration", "Struct", "Union", "KeyedUnion", "Array", "namespace", "hidden" };

    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly IReadOnlyDictionary<string, string> _macros;
    private readonly Dictionary<string, IdlValue> _scope = new(StringComparer.Ordinal);
    private readonly List<IdlType> _declared = new();
    private readonly Dictionary<string, IdlType> _declaredByCName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IdlType> _declaredByCSharpName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _enumValues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reportedMacros = new(StringComparer.Ordinal);
    private string? _namespace = "";
    private bool _usesDefbool;

    private IdlModelBuilder(string path, List<DiagnosticInfo> diagnostics, IReadOnlyDictionary<string, string> macros)
    {
        _path = path;
        _diagnostics = diagnostics;
        _macros = macros;
        DefineStandardTypes();
    }

    /// <summary>
    /// Reads one IDL file into its model. <paramref name="macros"/> gives values for C macros
    /// that init values name (ColoGenIdlMacros). The model is null only when the file
    /// declares nothing; errors in it leave the types that could be built. A failure of the
    /// builder itself is contained by the generator's one guard (<see cref="GeneratorGuard"/>).
    /// </summary>
    public static Result<IdlModel> Build(string path, string text, string @namespace, IReadOnlyDictionary<string, string> macros, CancellationToken cancellationToken = default)
    {
        var diagnostics = new List<DiagnosticInfo>();
        IdlSyntaxFile syntax = IdlParser.Parse(path, text, diagnostics, cancellationToken);
        var builder = new IdlModelBuilder(path, diagnostics, macros);
        foreach (IdlStatement statement in syntax.Statements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            builder.Execute(statement);
        }

        if (builder._declared.Count == 0 && !builder._usesDefbool)
        {
            if (!diagnostics.Exists(d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
            {
                diagnostics.Add(DiagnosticInfo.Create(IdlDiagnostics.EmptyFile, LocationInfo.At(path, 0, 0, 0), HintNames.FileName(path)));
            }

            return Result<IdlModel>.From(null, diagnostics);
        }

        var model = new IdlModel(path, @namespace, builder._declared.ToEquatableArray(), builder._usesDefbool);
        return Result<IdlModel>.From(model, diagnostics);
    }

    private void DefineStandardTypes()
    {
        LocationInfo none = LocationInfo.At(_path, 0, 0, 0);
        foreach (string name in Constructors)
        {
            _scope[name] = new IdlValue(new IdlCallable(name), none);
        }

        foreach (var (name, value) in new (string, long)[]
        {
            ("PASS_BY_VALUE", 1), ("PASS_BY_REFERENCE", 2), ("DIR_NONE", 0), ("DIR_IN", 1), ("DIR_OUT", 2), ("DIR_BOTH", 3),
        })
        {
            _scope[name] = new IdlValue(value, none);
        }

        Standard("void", new IdlType(IdlTypeKind.Builtin, IdlRepresentation.Json, none) { RawName = "void *", CName = "void *" });
        Standard("bool", new IdlType(IdlTypeKind.Builtin, IdlRepresentation.Bool, none) { RawName = "bool", CName = "bool", ClrType = "bool" });
        Standard("size_t", Number("size_t", signed: false, none));
        Standard("integer", Number("int", signed: true, none));
        foreach (int width in new[] { 8, 16, 32, 64 })
        {
            Standard("uint" + width.ToString(System.Globalization.CultureInfo.InvariantCulture), Number("uint" + width.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_t", signed: false, none));
        }

        Standard("string", new IdlType(IdlTypeKind.Builtin, IdlRepresentation.String, none) { RawName = "char *", CName = "char *", ClrType = "string", CheckDefaultFn = "libxl__string_is_default" });

        void Standard(string name, IdlType type) => _scope[name] = new IdlValue(type, none);
    }

    private static IdlType Number(string cType, bool signed, LocationInfo location) =>
        new(IdlTypeKind.Number, IdlRepresentation.Integer, location) { RawName = cType, CName = cType, ClrType = IdlBuiltins.ForNumber(cType, signed) };

    private void Execute(IdlStatement statement)
    {
        IdlValue? value = Evaluate(statement.Value);
        if (statement.Target is not null && value is not null)
        {
            _scope[statement.Target] = value;
        }
    }

    /// <summary>The value of an expression, or null after reporting why it has none.</summary>
    private IdlValue? Evaluate(IdlExpr expr)
    {
        switch (expr)
        {
            case IdlStringExpr s:
                return new IdlValue(s.Value, s.Location);
            case IdlIntegerExpr i:
                return new IdlValue(i.Value, i.Location);
            case IdlNameExpr n:
                switch (n.Name)
                {
                    case "None": return new IdlValue(null, n.Location);
                    case "True": return new IdlValue(true, n.Location);
                    case "False": return new IdlValue(false, n.Location);
                }

                if (_scope.TryGetValue(n.Name, out IdlValue? bound))
                {
                    return new IdlValue(bound.Payload, n.Location);
                }

                Report(IdlDiagnostics.UnknownName, n.Location, n.Name);
                return null;
            case IdlTupleExpr t:
                return Sequence(t.Items, isTuple: true, t.Location);
            case IdlListExpr l:
                return Sequence(l.Items, isTuple: false, l.Location);
            case IdlDictExpr d:
                var mapping = new IdlMapping();
                foreach (IdlDictEntry entry in d.Entries)
                {
                    IdlValue? key = Evaluate(entry.Key);
                    IdlValue? value = Evaluate(entry.Value);
                    if (key is null || value is null)
                    {
                        return null;
                    }

                    mapping.Entries.Add(new KeyValuePair<IdlValue, IdlValue>(key, value));
                }

                return new IdlValue(mapping, d.Location);
            case IdlCallExpr c:
                return Call(c);
            default:
                return null;
        }
    }

    private IdlValue? Sequence(EquatableArray<IdlExpr> items, bool isTuple, LocationInfo location)
    {
        var values = new List<IdlValue>(items.Count);
        bool ok = true;
        foreach (IdlExpr item in items)
        {
            IdlValue? value = Evaluate(item);
            ok &= value is not null;
            if (value is not null)
            {
                values.Add(value);
            }
        }

        return ok ? new IdlValue(new IdlSequence(values, isTuple), location) : null;
    }

    private IdlValue? Call(IdlCallExpr call)
    {
        IdlValue? callee = Evaluate(call.Callee);
        if (callee is null)
        {
            return null;
        }

        if (callee.Payload is not IdlCallable function)
        {
            Report(IdlDiagnostics.InvalidArgument, call.Callee.Location, callee.Describe() + " cannot be called");
            return null;
        }

        var args = new List<IdlValue>();
        foreach (IdlExpr arg in call.Arguments)
        {
            IdlValue? value = Evaluate(arg);
            if (value is null)
            {
                return null;
            }

            args.Add(value);
        }

        var keywords = new Dictionary<string, IdlValue>(StringComparer.Ordinal);
        foreach (IdlKeywordArgument keyword in call.Keywords)
        {
            IdlValue? value = Evaluate(keyword.Value);
            if (value is null)
            {
                return null;
            }

            if (keywords.ContainsKey(keyword.Name))
            {
                Report(IdlDiagnostics.InvalidArgument, keyword.Location, "keyword argument '" + keyword.Name + "' is given twice");
                return null;
            }

            keywords[keyword.Name] = value;
        }

        var invocation = new Invocation(function.Name, args, keywords, call.Location);
        IdlType? type = function.Name switch
        {
            "namespace" => SetNamespace(invocation),
            "hidden" => null,
            _ => Construct(invocation),
        };
        return type is null ? new IdlValue(null, call.Location) : new IdlValue(type, call.Location);
    }

    private IdlType? SetNamespace(Invocation call)
    {
        if (call.Args.Count != 1 || call.Args[0].Payload is not (string or null))
        {
            Report(IdlDiagnostics.InvalidArgument, call.Location, "namespace() takes one string");
            return null;
        }

        _namespace = (string?)call.Args[0].Payload;
        return null;
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] args) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));

    /// <summary>One call's evaluated arguments.</summary>
    private sealed record Invocation(string Function, List<IdlValue> Args, Dictionary<string, IdlValue> Keywords, LocationInfo Location)
    {
        public string? String(string keyword) => Keywords.TryGetValue(keyword, out IdlValue? v) ? v.Payload as string : null;

        public long? Integer(string keyword) => Keywords.TryGetValue(keyword, out IdlValue? v) && v.Payload is long l ? l : null;

        public bool Flag(string keyword) => Keywords.TryGetValue(keyword, out IdlValue? v) && v.Payload is true or long and not 0;
    }
}
