namespace Colo.Gen.Generator.Emit;

/// <summary>
/// The JSON writer of the support class: yajl's generator as libxl configures it. Two forms from one
/// state machine: the pretty form (4-space indent, "key": value, a final newline) into a string, which
/// <c>ToJson()</c> returns; and the compact form (the same tokens without the whitespace between them)
/// as UTF-8 bytes into a reusable buffer, which batch output copies to a stream without building a
/// string per value. Strings are escaped as yajl escapes them in both: \" \\ \b \f \n \r \t, other
/// characters below U+0020 as \u00XX (upper-case hex), everything else as it is ('/' included).
/// </summary>
internal sealed partial class TypesSupportEmitter
{
    private const string JsonWriterSource = """
    /// <summary>
    /// yajl's generator as libxl configures it: the pretty form (4-space indent, "key": value, a final newline)
    /// as a string, or the compact form (the pretty form without whitespace between tokens) as UTF-8 bytes.
    /// </summary>
    internal sealed class Writer
    {
        // The characters a JSON string cannot hold as they are: '"', '\\' and the controls below U+0020.
        private static readonly global::System.Buffers.SearchValues<char> Escaped = global::System.Buffers.SearchValues.Create(
            "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

        private readonly global::System.Text.StringBuilder? _text;
        private State[] _states = new State[8];
        private int _depth;
        private byte[] _bytes;
        private int _length;

        /// <summary>A writer of the pretty form; <see cref="ToString"/> returns the text.</summary>
        public Writer()
        {
            _text = new global::System.Text.StringBuilder();
            _bytes = global::System.Array.Empty<byte>();
        }

        /// <summary>A writer of the compact form as UTF-8 (<see cref="Utf8"/>), starting with room for <paramref name="capacity"/> bytes.</summary>
        public Writer(int capacity) => _bytes = new byte[global::System.Math.Max(capacity, 16)];

        private enum State { Start, MapStart, MapKey, MapValue, ArrayStart, InArray, Complete }

        /// <summary>What a compact writer has written, as UTF-8.</summary>
        public global::System.ReadOnlySpan<byte> Utf8 => new(_bytes, 0, _length);

        private bool Compact => _text is null;

        private ref State Current => ref _states[_depth];

        /// <summary>Empties the writer for the next value.</summary>
        public void Reset()
        {
            _text?.Clear();
            _length = 0;
            _depth = 0;
            _states[0] = State.Start;
        }

        public void BeginObject() => Open(State.MapStart, '{');

        public void EndObject() => Close('}');

        public void BeginArray() => Open(State.ArrayStart, '[');

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

        public void Number(long value)
        {
            if (!Compact)
            {
                Atom(value.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
                return;
            }

            Separator();
            Reserve(20);
            value.TryFormat(new global::System.Span<byte>(_bytes, _length, _bytes.Length - _length), out int written, default, global::System.Globalization.CultureInfo.InvariantCulture);
            _length += written;
            Appended();
        }

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

        /// <summary>The pretty form's text (a compact writer's bytes, decoded).</summary>
        public override string ToString() => _text?.ToString() ?? global::System.Text.Encoding.UTF8.GetString(_bytes, 0, _length);

        private void Open(State state, char bracket)
        {
            Separator();
            Indent();
            if (++_depth == _states.Length)
            {
                global::System.Array.Resize(ref _states, 2 * _states.Length);
            }

            _states[_depth] = state;
            Put(bracket);
            if (!Compact)
            {
                Put('\n');
            }
        }

        private void Close(char bracket)
        {
            _depth--;
            if (!Compact)
            {
                Put('\n');
            }

            Appended();
            Indent();
            Put(bracket);
            FinalNewLine();
        }

        private void Atom(string text)
        {
            Separator();
            Indent();
            Put(text);
            Appended();
            FinalNewLine();
        }

        // yajl's INSERT_SEP: a comma and newline between items, ": " between key and value.
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private void Separator()
        {
            if (Current is State.MapKey or State.InArray)
            {
                Put(',');
                if (!Compact)
                {
                    Put('\n');
                }
            }
            else if (Current == State.MapValue)
            {
                Put(':');
                if (!Compact)
                {
                    Put(' ');
                }
            }
        }

        // yajl's INSERT_WHITESPACE: four spaces a level, except before a map value.
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private void Indent()
        {
            if (!Compact && Current != State.MapValue)
            {
                _text!.Append(' ', 4 * _depth);
            }
        }

        // yajl's APPENDED_ATOM.
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private void Appended()
        {
            ref State current = ref Current;
            current = current switch
            {
                State.Start => State.Complete,
                State.MapStart or State.MapKey => State.MapValue,
                State.MapValue => State.MapKey,
                State.ArrayStart => State.InArray,
                _ => current,
            };
        }

        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private void FinalNewLine()
        {
            if (!Compact && _depth == 0 && Current == State.Complete)
            {
                Put('\n');
            }
        }

        // yajl_string_encode without escaping '/': runs that need no escape go out whole.
        private void AppendString(string value)
        {
            if (Compact)
            {
                AppendUtf8String(value);
                return;
            }

            const string Hex = "0123456789ABCDEF";
            Put('"');
            global::System.ReadOnlySpan<char> rest = value;
            while (true)
            {
                int at = global::System.MemoryExtensions.IndexOfAny(rest, Escaped);
                Put(at < 0 ? rest : rest.Slice(0, at));
                if (at < 0)
                {
                    break;
                }

                char c = rest[at];
                switch (c)
                {
                    case '"': Put("\\\""); break;
                    case '\\': Put("\\\\"); break;
                    case '\b': Put("\\b"); break;
                    case '\f': Put("\\f"); break;
                    case '\n': Put("\\n"); break;
                    case '\r': Put("\\r"); break;
                    case '\t': Put("\\t"); break;
                    default:
                        Put("\\u00");
                        Put(Hex[c >> 4]);
                        Put(Hex[c & 15]);
                        break;
                }

                rest = rest.Slice(at + 1);
            }

            Put('"');
        }

        // The same escapes, straight to UTF-8 in one pass: ASCII (nearly every character of a disk) is
        // stored as it is tested; anything else goes through the UTF-8 encoder a character at a time.
        private void AppendUtf8String(string value)
        {
            const string Hex = "0123456789ABCDEF";
            Put('"');

            // A short string of printable ASCII without '"' or '\\' (every key, nearly every value): a
            // plain loop stores it before a vectorized search would have been set up; where it stops,
            // the general loop below goes on.
            int i = 0;
            if (value.Length <= 64)
            {
                Reserve(value.Length + 1);
                ref byte start = ref global::System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_bytes);
                int at = _length;
                for (; i < value.Length; i++)
                {
                    char c = value[i];
                    if ((uint)(c - ' ') > (uint)('~' - ' ') || c == '"' || c == '\\')
                    {
                        break;
                    }

                    global::System.Runtime.CompilerServices.Unsafe.Add(ref start, at + i) = (byte)c;
                }

                _length = at + i;
                if (i == value.Length)
                {
                    global::System.Runtime.CompilerServices.Unsafe.Add(ref start, _length++) = (byte)'"';
                    return;
                }
            }

            while (i < value.Length)
            {
                // In slices: six bytes a character at most (\u00XX), and a pair may run one past the slice.
                int sliceEnd = global::System.Math.Min(value.Length, i + 4096);
                Reserve(6 * (sliceEnd - i) + 4);
                ref byte bytes = ref global::System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_bytes);
                global::System.ReadOnlySpan<char> slice = global::System.MemoryExtensions.AsSpan(value, i, sliceEnd - i);
                int n = _length;

                // Most text is printable ASCII without '"' or '\\': found and narrowed with vectorized searches.
                int safe = global::System.MemoryExtensions.IndexOfAnyExceptInRange(slice, ' ', '~');
                safe = safe < 0 ? slice.Length : safe;
                int quote = global::System.MemoryExtensions.IndexOfAny(slice.Slice(0, safe), '"', '\\');
                safe = quote < 0 ? safe : quote;
                global::System.Text.Ascii.FromUtf16(slice.Slice(0, safe), new global::System.Span<byte>(_bytes, n, safe), out int narrowed);
                n += narrowed;
                int k = safe;
                for (; k < slice.Length; k++)
                {
                    char c = slice[k];
                    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\')
                    {
                        global::System.Runtime.CompilerServices.Unsafe.Add(ref bytes, n++) = (byte)c;
                    }
                    else if (c >= 0x80)
                    {
                        int at = i + k;
                        int units = char.IsHighSurrogate(c) && at + 1 < value.Length && char.IsLowSurrogate(value[at + 1]) ? 2 : 1;
                        n += global::System.Text.Encoding.UTF8.GetBytes(global::System.MemoryExtensions.AsSpan(value, at, units), new global::System.Span<byte>(_bytes, n, _bytes.Length - n));
                        k += units - 1;
                    }
                    else
                    {
                        global::System.Runtime.CompilerServices.Unsafe.Add(ref bytes, n++) = (byte)'\\';
                        byte escape = c switch
                        {
                            '"' => (byte)'"',
                            '\\' => (byte)'\\',
                            '\b' => (byte)'b',
                            '\f' => (byte)'f',
                            '\n' => (byte)'n',
                            '\r' => (byte)'r',
                            '\t' => (byte)'t',
                            _ => (byte)'u',
                        };
                        global::System.Runtime.CompilerServices.Unsafe.Add(ref bytes, n++) = escape;
                        if (escape == (byte)'u')
                        {
                            global::System.Runtime.CompilerServices.Unsafe.Add(ref bytes, n++) = (byte)'0';
                            global::System.Runtime.CompilerServices.Unsafe.Add(ref bytes, n++) = (byte)'0';
                            global::System.Runtime.CompilerServices.Unsafe.Add(ref bytes, n++) = (byte)Hex[c >> 4];
                            global::System.Runtime.CompilerServices.Unsafe.Add(ref bytes, n++) = (byte)Hex[c & 15];
                        }
                    }
                }

                // k is the slice's length, or one more when a pair ran past its end.
                i += k;
                _length = n;
            }

            Put('"');
        }

        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private void Put(char c)
        {
            if (_text is not null)
            {
                _text.Append(c);
                return;
            }

            Reserve(1);
            _bytes[_length++] = (byte)c; // the writer's own characters are ASCII
        }

        private void Put(global::System.ReadOnlySpan<char> text)
        {
            if (_text is not null)
            {
                _text.Append(text);
                return;
            }

            // At most three UTF-8 bytes a UTF-16 character (a surrogate pair is four bytes for two).
            Reserve(3 * text.Length);
            _length += global::System.Text.Encoding.UTF8.GetBytes(text, new global::System.Span<byte>(_bytes, _length, _bytes.Length - _length));
        }

        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private void Reserve(int bytes)
        {
            if (_bytes.Length - _length < bytes)
            {
                global::System.Array.Resize(ref _bytes, global::System.Math.Max(_bytes.Length * 2, _length + bytes));
            }
        }
    }
""";
}
