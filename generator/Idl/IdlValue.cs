using System.Collections.Generic;
using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Idl;

/// <summary>
/// A value met while evaluating an IDL file (the objects Python would hold: types, type
/// constructors, numbers, strings, lists, tuples, dicts, None). Lives only inside
/// <see cref="IdlModelBuilder"/>; the model it produces holds none of these.
/// </summary>
internal sealed class IdlValue
{
    public IdlValue(object? payload, LocationInfo location)
    {
        Payload = payload;
        Location = location;
    }

    /// <summary>
    /// null (None), bool, long, string, <see cref="IdlType"/>, <see cref="IdlCallable"/>,
    /// <see cref="IdlSequence"/> (list or tuple) or <see cref="IdlMapping"/>.
    /// </summary>
    public object? Payload { get; }

    public LocationInfo Location { get; }

    public string Describe() => Payload switch
    {
        null => "None",
        bool => "a bool",
        long => "an integer",
        string => "a string",
        IdlType t => "the type " + (t.CName ?? "(anonymous " + t.Kind + ")"),
        IdlCallable c => c.Name,
        IdlSequence s => s.IsTuple ? "a tuple" : "a list",
        _ => "a dict",
    };
}

/// <summary>A function or type constructor of idl.py (Struct, Enumeration, namespace, ...).</summary>
internal sealed record IdlCallable(string Name);

/// <summary>A list or tuple.</summary>
internal sealed class IdlSequence
{
    public IdlSequence(List<IdlValue> items, bool isTuple)
    {
        Items = items;
        IsTuple = isTuple;
    }

    public List<IdlValue> Items { get; }

    public bool IsTuple { get; }
}

/// <summary>A dict, in insertion order.</summary>
internal sealed class IdlMapping
{
    public List<KeyValuePair<IdlValue, IdlValue>> Entries { get; } = new();
}
