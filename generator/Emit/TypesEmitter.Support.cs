using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Emit;

/// <summary>
/// The fixed parts of a generated file: <c>Defbool</c> (libxl_defbool) and the internal JSON
/// support class, whose writer reproduces yajl's pretty printer byte for byte.
/// (System.Text.Json's Utf8JsonWriter cannot: it writes an empty map as "{}" where yajl
/// writes "{\n\n}", and it escapes more characters than yajl does.)
/// </summary>
internal sealed partial class TypesEmitter
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

    private void EmitSupport()
    {
        string name = _model.SupportClassName;
        string attribute = GeneratorInfo.GeneratedCodeAttribute;
        string defbool = !_model.UsesDefbool ? "" : """

    internal static Defbool ReadDefbool(global::System.Text.Json.JsonElement element) =>
        element.ValueKind != global::System.Text.Json.JsonValueKind.String ? throw Error("a defbool", element)
        : element.ValueEquals("<default>") ? Defbool.Default
        : element.ValueEquals("True") ? Defbool.True
        : element.ValueEquals("False") ? Defbool.False
        : throw Error("a defbool", element);

""";
        _w.Raw($$"""
/// <summary>JSON in libxl's form for the types of {{Xml(System.IO.Path.GetFileName(_model.FilePath))}}.</summary>
{{attribute}}
internal static class {{name}}
{
    /// <summary>yajl's generator in its pretty form, as libxl configures it: 4-space indent, "key": value.</summary>
    internal sealed class Writer
    {
        private readonly global::System.Text.StringBuilder _text = new();
        private readonly global::System.Collections.Generic.List<State> _states = new() { State.Start };

        private enum State { Start, MapStart, MapKey, MapValue, ArrayStart, InArray, Complete }

        private State Current
        {
            get => _states[_states.Count - 1];
            set => _states[_states.Count - 1] = value;
        }

        public void BeginObject() => Open(State.MapStart, "{\n");

        public void EndObject() => Close('}');

        public void BeginArray() => Open(State.ArrayStart, "[\n");

        public void EndArray() => Close(']');

        public void Key(string name)
        {
            Separator();
            Indent();
            AppendString(name);
            Appended();
        }

        public void String(string? value)
        {
            if (value is null)
            {
                Null();
                return;
            }

            Separator();
            Indent();
            AppendString(value);
            Appended();
            FinalNewLine();
        }

        public void Number(long value) => Atom(value.ToString(global::System.Globalization.CultureInfo.InvariantCulture));

        public void Number(ulong value) => Atom(value.ToString(global::System.Globalization.CultureInfo.InvariantCulture));

        public void Bool(bool value) => Atom(value ? "true" : "false");

        public void Null() => Atom("null");

        /// <summary>Writes an opaque value kept as JSON.</summary>
        public void Node(global::System.Text.Json.Nodes.JsonNode? node)
        {
            switch (node)
            {
                case null:
                    Null();
                    break;
                case global::System.Text.Json.Nodes.JsonObject map:
                    BeginObject();
                    foreach (var entry in map)
                    {
                        Key(entry.Key);
                        Node(entry.Value);
                    }

                    EndObject();
                    break;
                case global::System.Text.Json.Nodes.JsonArray array:
                    BeginArray();
                    foreach (var item in array)
                    {
                        Node(item);
                    }

                    EndArray();
                    break;
                default:
                    switch (node.GetValueKind())
                    {
                        case global::System.Text.Json.JsonValueKind.String: String(node.GetValue<string>()); break;
                        case global::System.Text.Json.JsonValueKind.True: Bool(true); break;
                        case global::System.Text.Json.JsonValueKind.False: Bool(false); break;
                        case global::System.Text.Json.JsonValueKind.Null: Null(); break;
                        default: Atom(node.ToJsonString()); break;
                    }

                    break;
            }
        }

        public override string ToString() => _text.ToString();

        private void Open(State state, string text)
        {
            Separator();
            Indent();
            _states.Add(state);
            _text.Append(text);
        }

        private void Close(char bracket)
        {
            _states.RemoveAt(_states.Count - 1);
            _text.Append('\n');
            Appended();
            Indent();
            _text.Append(bracket);
            FinalNewLine();
        }

        private void Atom(string text)
        {
            Separator();
            Indent();
            _text.Append(text);
            Appended();
            FinalNewLine();
        }

        // yajl's INSERT_SEP: a comma and newline between items, ": " between key and value.
        private void Separator()
        {
            if (Current is State.MapKey or State.InArray)
            {
                _text.Append(",\n");
            }
            else if (Current == State.MapValue)
            {
                _text.Append(": ");
            }
        }

        // yajl's INSERT_WHITESPACE: four spaces a level, except before a map value.
        private void Indent()
        {
            if (Current != State.MapValue)
            {
                _text.Append(' ', 4 * (_states.Count - 1));
            }
        }

        // yajl's APPENDED_ATOM.
        private void Appended() => Current = Current switch
        {
            State.Start => State.Complete,
            State.MapStart or State.MapKey => State.MapValue,
            State.MapValue => State.MapKey,
            State.ArrayStart => State.InArray,
            _ => Current,
        };

        private void FinalNewLine()
        {
            if (_states.Count == 1 && Current == State.Complete)
            {
                _text.Append('\n');
            }
        }

        // yajl_string_encode without escaping '/': the two-character escapes, \u00XX (upper-case hex) for other controls.
        private void AppendString(string value)
        {
            const string Hex = "0123456789ABCDEF";
            _text.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': _text.Append("\\\""); break;
                    case '\\': _text.Append("\\\\"); break;
                    case '\b': _text.Append("\\b"); break;
                    case '\f': _text.Append("\\f"); break;
                    case '\n': _text.Append("\\n"); break;
                    case '\r': _text.Append("\\r"); break;
                    case '\t': _text.Append("\\t"); break;
                    default:
                        if (c < 0x20)
                        {
                            _text.Append("\\u00").Append(Hex[c >> 4]).Append(Hex[c & 15]);
                        }
                        else
                        {
                            _text.Append(c);
                        }

                        break;
                }
            }

            _text.Append('"');
        }
    }

    internal static global::System.Text.Json.JsonException Error(string expected, global::System.Text.Json.JsonElement element) =>
        new("Expected " + expected + ", found " + element.GetRawText());

    internal static void ExpectObject(global::System.Text.Json.JsonElement element)
    {
        if (element.ValueKind != global::System.Text.Json.JsonValueKind.Object)
        {
            throw Error("a JSON map", element);
        }
    }

    internal static sbyte ReadSByte(global::System.Text.Json.JsonElement e) => e.ValueKind == global::System.Text.Json.JsonValueKind.Number && e.TryGetSByte(out sbyte v) ? v : throw Error("an integer (int8)", e);

    internal static byte ReadByte(global::System.Text.Json.JsonElement e) => e.ValueKind == global::System.Text.Json.JsonValueKind.Number && e.TryGetByte(out byte v) ? v : throw Error("an integer (uint8)", e);

    internal static short ReadInt16(global::System.Text.Json.JsonElement e) => e.ValueKind == global::System.Text.Json.JsonValueKind.Number && e.TryGetInt16(out short v) ? v : throw Error("an integer (int16)", e);

    internal static ushort ReadUInt16(global::System.Text.Json.JsonElement e) => e.ValueKind == global::System.Text.Json.JsonValueKind.Number && e.TryGetUInt16(out ushort v) ? v : throw Error("an integer (uint16)", e);

    internal static int ReadInt32(global::System.Text.Json.JsonElement e) => e.ValueKind == global::System.Text.Json.JsonValueKind.Number && e.TryGetInt32(out int v) ? v : throw Error("an integer (int)", e);

    internal static uint ReadUInt32(global::System.Text.Json.JsonElement e) => e.ValueKind == global::System.Text.Json.JsonValueKind.Number && e.TryGetUInt32(out uint v) ? v : throw Error("an integer (uint32)", e);

    internal static long ReadInt64(global::System.Text.Json.JsonElement e) => e.ValueKind == global::System.Text.Json.JsonValueKind.Number && e.TryGetInt64(out long v) ? v : throw Error("an integer (int64)", e);

    internal static ulong ReadUInt64(global::System.Text.Json.JsonElement e) => e.ValueKind == global::System.Text.Json.JsonValueKind.Number && e.TryGetUInt64(out ulong v) ? v : throw Error("an integer (uint64)", e);

    internal static bool ReadBool(global::System.Text.Json.JsonElement e) =>
        e.ValueKind == global::System.Text.Json.JsonValueKind.True || (e.ValueKind != global::System.Text.Json.JsonValueKind.False ? throw Error("true or false", e) : false);

    internal static bool ReadFlag(global::System.Text.Json.JsonElement e) =>
        e.ValueKind == global::System.Text.Json.JsonValueKind.Number && e.TryGetInt32(out int v) && v is 0 or 1 ? v == 1 : throw Error("0 or 1 (a C int used as a flag)", e);

    internal static string? ReadString(global::System.Text.Json.JsonElement e) =>
        e.ValueKind == global::System.Text.Json.JsonValueKind.String ? e.GetString()
        : e.ValueKind == global::System.Text.Json.JsonValueKind.Null ? null
        : throw Error("a string", e);

    internal static global::System.Text.Json.Nodes.JsonNode? ReadNode(global::System.Text.Json.JsonElement e) =>
        e.ValueKind == global::System.Text.Json.JsonValueKind.Null ? null : global::System.Text.Json.Nodes.JsonNode.Parse(e.GetRawText());
{{defbool}}
    internal static global::System.Collections.Generic.List<T> ReadList<T>(global::System.Text.Json.JsonElement e, global::System.Func<global::System.Text.Json.JsonElement, T> read)
    {
        if (e.ValueKind != global::System.Text.Json.JsonValueKind.Array)
        {
            throw Error("a JSON array", e);
        }

        var list = new global::System.Collections.Generic.List<T>(e.GetArrayLength());
        foreach (var item in e.EnumerateArray())
        {
            list.Add(read(item));
        }

        return list;
    }

    internal static bool ListEquals<T>(global::System.Collections.Generic.List<T> a, global::System.Collections.Generic.List<T> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!global::System.Collections.Generic.EqualityComparer<T>.Default.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool ListEquals(global::System.Collections.Generic.List<global::System.Text.Json.Nodes.JsonNode?> a, global::System.Collections.Generic.List<global::System.Text.Json.Nodes.JsonNode?> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!global::System.Text.Json.Nodes.JsonNode.DeepEquals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}

""");
    }
}
