using System.Globalization;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Lex;

namespace Colo.Gen.Generator.Emit;

/// <summary>The scanner's state and the members actions and callers use.</summary>
internal static partial class ScannerEmitter
{
    private static void WriteState(SourceWriter w, RuleFile file, ScannerTableLayout t, bool direct)
    {
        w.Line();
        foreach (StartCondition condition in file.StartConditions)
        {
            w.Line("/// <summary>Start condition " + condition.Name + (condition.Number == 0 ? " (the one scanning starts in)" : condition.Exclusive ? " (%x: exclusive)" : " (%s: inclusive)") + ".</summary>");
            w.Line("public const int " + condition.Name + " = " + condition.Number.ToString(CultureInfo.InvariantCulture) + ";");
            w.Line();
        }

        w.Line("/// <summary>What <see cref=\"Lex\"/> returns when no rule matches the input (only under %option nodefault).</summary>");
        w.Line("public const int ScannerJammed = -1;");
        w.Line();
        w.Line("private byte[] yyBuffer = new byte[64];");
        w.Line("private int yyLength;");
        w.Line("private int yyPosition;");
        w.Line("private int yyTokenStart;");
        w.Line("private int yyTokenLength;");
        w.Line("private int yyStartCondition;");
        w.Line("private bool yyMore;");
        w.Line("private int yyLineFrom;");
        w.Line("private int yyLineTo = -1;");
        if (file.Options.LineNumbers)
        {
            w.Line("private int yyLineNumber = 1;");
        }

        if (t.SplitsWithContext)
        {
            w.Line("private byte[] yyMarks = new byte[64];");
        }

        if (file.Options.Reject)
        {
            w.Line("private int[] yyAcceptedAt = new int[16]; // REJECT: where the last walk accepted,");
            w.Line("private int[] yyAcceptedRow = new int[16]; // in which rows,");
            w.Line("private int yyAccepted; // how many of those are left to try,");
            w.Line("private int yyAcceptedRank; // and which rule of the last one's list was tried last.");
        }

        w.Line();
        Doc(w, "The input being scanned, as UTF-8 bytes.");
        w.Line("public global::System.ReadOnlySpan<byte> Input => new global::System.ReadOnlySpan<byte>(yyBuffer, 0, yyLength);");
        w.Line();
        Doc(w, "The current token's bytes (flex's <c>yytext</c>), including text kept by <see cref=\"More\"/>.");
        w.Line("public global::System.ReadOnlySpan<byte> TextSpan => new global::System.ReadOnlySpan<byte>(yyBuffer, yyTokenStart, yyTokenLength);");
        w.Line();
        Doc(w, "The current token decoded from UTF-8 (flex's <c>yytext</c>); allocates, so hot paths use <see cref=\"TextSpan\"/>.");
        w.Line("public string Text => global::System.Text.Encoding.UTF8.GetString(yyBuffer, yyTokenStart, yyTokenLength);");
        w.Line();
        Doc(w, "The current token's length in bytes (flex's <c>yyleng</c>).");
        w.Line("public int Length => yyTokenLength;");
        w.Line();
        Doc(w, "Where the current token starts in <see cref=\"Input\"/>.");
        w.Line("public int TokenStart => yyTokenStart;");
        w.Line();
        if (file.Options.LineNumbers)
        {
            Doc(w, "The line the scan has reached, from 1 (flex's <c>yylineno</c>, %option yylineno): in an action, the line the token ends on; actions may set it.");
            w.Line("public int LineNumber { get => yyLineNumber; set => yyLineNumber = value; }");
            w.Line();
        }

        Doc(w, "The current start condition (flex's <c>YY_START</c>).");
        w.Line("public int StartCondition => yyStartCondition;");
        w.Line();
        Doc(w, "True once <see cref=\"Lex\"/> returned <see cref=\"ScannerJammed\"/>.");
        w.Line("public bool IsJammed { get; private set; }");
        w.Line();
        Doc(w, "Where in <see cref=\"Input\"/> no rule matched, when <see cref=\"IsJammed\"/>.");
        w.Line("public int JamPosition { get; private set; }");
        w.Line();
        Doc(w, "Where <see cref=\"Echo\"/> (and so flex's default rule) writes; nothing is written when null.");
        w.Line("public global::System.IO.Stream? Output { get; set; }");
        w.Line();
        Doc(w, "Starts scanning <paramref name=\"utf8\"/> from its beginning in start condition INITIAL" + (file.Options.Stack ? " with an empty start-condition stack" : string.Empty) + "; the bytes are copied into a buffer the scanner reuses.");
        w.Line("/// <param name=\"utf8\">The input.</param>");
        using (w.OpenBlock("public void SetInput(global::System.ReadOnlySpan<byte> utf8)"))
        {
            w.Line("YyReserve(utf8.Length);");
            w.Line("utf8.CopyTo(yyBuffer);");
            w.Line("YyReset(utf8.Length);");
        }

        w.Line();
        Doc(w, "Starts scanning the UTF-8 form of <paramref name=\"text\"/> (a lone surrogate becomes U+FFFD) from its beginning in start condition INITIAL.");
        w.Line("/// <param name=\"text\">The input.</param>");
        w.Line("public void SetInput(string text) => SetInput(global::System.MemoryExtensions.AsSpan(text));");
        w.Line();
        Doc(w, "Starts scanning the UTF-8 form of <paramref name=\"text\"/> (a lone surrogate becomes U+FFFD) from its beginning in start condition INITIAL.");
        w.Line("/// <param name=\"text\">The input.</param>");
        using (w.OpenBlock("public void SetInput(global::System.ReadOnlySpan<char> text)"))
        {
            w.Line("// ASCII text (nearly all input) narrows in one vectorized pass; anything else goes through the UTF-8 encoder.");
            w.Line("YyReserve(text.Length);");
            using (w.OpenBlock("if (global::System.Text.Ascii.FromUtf16(text, yyBuffer, out int yyAscii) == global::System.Buffers.OperationStatus.Done)"))
            {
                w.Line("YyReset(yyAscii);");
                w.Line("return;");
            }

            w.Line();
            w.Line("YyReserve(yyBuffer.Length >= text.Length * 3L ? 0 : global::System.Text.Encoding.UTF8.GetByteCount(text));");
            w.Line("YyReset(global::System.Text.Encoding.UTF8.GetBytes(text, yyBuffer));");
        }

        w.Line();
        Doc(w, "Switches to start condition <paramref name=\"condition\"/> (flex's <c>BEGIN</c>).");
        w.Line("/// <param name=\"condition\">One of the start-condition constants.</param>");
        w.Line("public void Begin(int condition) => yyStartCondition = condition;");
        w.Line();
        Doc(w, "Keeps the current token: the next token's text starts where this one did (flex's <c>yymore</c>).");
        w.Line("public void More() => yyMore = true;");
        w.Line();
        Doc(w, "Keeps the first <paramref name=\"count\"/> bytes of the token and gives the rest back to the input (flex's <c>yyless</c>).");
        w.Line("/// <param name=\"count\">How many bytes of the token to keep.</param>");
        using (w.OpenBlock("public void Less(int count)"))
        {
            using (w.OpenBlock("if ((uint)count > (uint)yyTokenLength)"))
            {
                w.Line("throw new global::System.ArgumentOutOfRangeException(nameof(count), count, \"Less keeps at most the whole token.\");");
            }

            w.Line();
            if (file.Options.LineNumbers)
            {
                w.Line("// The lines of the bytes given back are counted again when they are scanned again.");
                w.Line("yyLineNumber -= YyNewlines(yyTokenStart + count, yyTokenStart + yyTokenLength);");
            }

            w.Line("yyTokenLength = count;");
            w.Line("yyPosition = yyTokenStart + count;");
        }

        w.Line();
        Doc(w, "Writes the current token to <see cref=\"Output\"/> (flex's <c>ECHO</c>).");
        w.Line("public void Echo() => Output?.Write(TextSpan);");
        w.Line();
        using (w.OpenBlock("private void YyReserve(int length)"))
        {
            using (w.OpenBlock("if (yyBuffer.Length < length)"))
            {
                w.Line("yyBuffer = new byte[global::System.Math.Max(length, 2 * yyBuffer.Length)];");
            }
        }

        w.Line();
        using (w.OpenBlock("private void YyReset(int length)"))
        {
            if (direct)
            {
                w.Line("YyCountInput(length);");
            }


            w.Line("yyLength = length;");
            w.Line("yyPosition = 0;");
            w.Line("yyTokenStart = 0;");
            w.Line("yyTokenLength = 0;");
            w.Line("yyStartCondition = INITIAL;");
            w.Line("yyMore = false;");
            w.Line("yyLineFrom = 0;");
            w.Line("yyLineTo = -1;");
            if (file.Options.LineNumbers)
            {
                w.Line("yyLineNumber = 1;");
            }

            if (file.Options.Stack)
            {
                w.Line("yyStackDepth = 0;");
            }

            w.Line("IsJammed = false;");
            w.Line("JamPosition = 0;");
        }
    }

    /// <summary>The line-run helpers: where the newline-free stretch around a position begins and ends, cached.</summary>
    private static void WriteLineRuns(SourceWriter w)
    {
        w.Line();
        w.Line("/// <summary>Where a match in a state whose accept word has <paramref name=\"run\"/> surely ends, or -1 when it must be walked.</summary>");
        w.Line(HotPath);
        using (w.OpenBlock("private int YyRunEnd(int run, int at)"))
        {
            using (w.OpenBlock("if (run == YyRunToInputEnd)"))
            {
                w.Line("return yyLength;");
            }

            w.Line();
            w.Line("int lineEnd = YyLineEnd(at);");
            w.Line("return run == YyRunToLineEnd || lineEnd == yyLength ? lineEnd : -1;");
        }

        WriteCachedLineBound(w, "YyLineEnd", "yyLineTo", "The first newline at or after <paramref name=\"at\"/>, or the input's length.");
        WriteCachedLineBound(w, "YyLineStart", "yyLineFrom", "Just after the last newline before <paramref name=\"at\"/>, or 0.");

        w.Line();
        w.Line("/// <summary>Caches the newline-free stretch holding <paramref name=\"at\"/>: each stretch is searched once, so runs stay linear.</summary>");
        w.Line(HotPath);
        using (w.OpenBlock("private void YyFindLine(int at)"))
        {
            w.Line("global::System.ReadOnlySpan<byte> input = new global::System.ReadOnlySpan<byte>(yyBuffer, 0, yyLength);");
            w.Line("int before = global::System.MemoryExtensions.LastIndexOf(input.Slice(0, at), (byte)'\\n');");
            w.Line("int after = global::System.MemoryExtensions.IndexOf(input.Slice(at), (byte)'\\n');");
            w.Line("yyLineFrom = before + 1;");
            w.Line("yyLineTo = after < 0 ? yyLength : at + after;");
        }
    }

    private static void WriteCachedLineBound(SourceWriter w, string name, string field, string summary)
    {
        w.Line();
        w.Line("/// <summary>" + summary + "</summary>");
        w.Line(HotPath);
        using (w.OpenBlock("private int " + name + "(int at)"))
        {
            using (w.OpenBlock("if (at < yyLineFrom || at > yyLineTo)"))
            {
                w.Line("YyFindLine(at);");
            }

            w.Line();
            w.Line("return " + field + ";");
        }
    }

    /// <summary>The unchecked references a walk reads through: the input, the class table and a transition table.</summary>
    private static void WriteTableRefs(SourceWriter w, string element, string table)
    {
        w.Line("ref byte input = ref " + MemoryMarshal + ".GetArrayDataReference(yyBuffer);");
        w.Line("ref byte classOf = ref " + MemoryMarshal + ".GetReference(YyClassOf);");
        w.Line("ref " + element + " rows = ref " + MemoryMarshal + ".GetReference(" + table + ");");
    }

    /// <summary>Writes one DFA step, <c>row = next row for the byte at position</c>, and what to do when it dies.</summary>
    private static void WriteStep(SourceWriter w, string rows, string position, string onDead)
    {
        w.Line("row = " + UnsafeAdd + "(ref " + rows + ", row + YyRowHeader + " + UnsafeAdd + "(ref classOf, " + UnsafeAdd + "(ref input, " + position + ")));");
        using (w.OpenBlock("if (row == 0)"))
        {
            w.Line(onDead);
        }

        w.Line();
    }

    private static void Doc(SourceWriter w, string summary) => w.Line("/// <summary>" + summary + "</summary>");
}
