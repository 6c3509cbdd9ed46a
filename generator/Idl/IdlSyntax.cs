using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Idl;

/// <summary>An expression of the IDL's Python subset. Records, so a parsed file is a value.</summary>
internal abstract record IdlExpr(LocationInfo Location);

/// <summary>A name: a type, a constant (DIR_IN), None, True or False.</summary>
internal sealed record IdlNameExpr(string Name, LocationInfo Location) : IdlExpr(Location);

/// <summary>A string literal (adjacent literals already joined).</summary>
internal sealed record IdlStringExpr(string Value, LocationInfo Location) : IdlExpr(Location);

/// <summary>An integer literal, with a unary minus folded in.</summary>
internal sealed record IdlIntegerExpr(long Value, string Text, LocationInfo Location) : IdlExpr(Location);

/// <summary>A call <c>f(positional..., name=value...)</c>.</summary>
internal sealed record IdlCallExpr(IdlExpr Callee, EquatableArray<IdlExpr> Arguments, EquatableArray<IdlKeywordArgument> Keywords, LocationInfo Location) : IdlExpr(Location);

/// <summary>A keyword argument <c>name=value</c>.</summary>
internal sealed record IdlKeywordArgument(string Name, IdlExpr Value, LocationInfo Location);

/// <summary>A tuple <c>(a, b)</c> (a parenthesised single expression is that expression).</summary>
internal sealed record IdlTupleExpr(EquatableArray<IdlExpr> Items, LocationInfo Location) : IdlExpr(Location);

/// <summary>A list <c>[a, b]</c>.</summary>
internal sealed record IdlListExpr(EquatableArray<IdlExpr> Items, LocationInfo Location) : IdlExpr(Location);

/// <summary>A dict <c>{'key': value}</c>.</summary>
internal sealed record IdlDictExpr(EquatableArray<IdlDictEntry> Entries, LocationInfo Location) : IdlExpr(Location);

/// <summary>One <c>key: value</c> of a dict.</summary>
internal sealed record IdlDictEntry(IdlExpr Key, IdlExpr Value);

/// <summary>A statement: an assignment or a bare expression (a call such as namespace("libxl_")).</summary>
internal sealed record IdlStatement(string? Target, IdlExpr Value, LocationInfo Location);

/// <summary>A parsed IDL file.</summary>
internal sealed record IdlSyntaxFile(string Path, EquatableArray<IdlStatement> Statements);
