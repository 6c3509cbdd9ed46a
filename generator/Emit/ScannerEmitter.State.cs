using System.Globalization;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Lex;

namespace Colo.Gen.Generator.Emit;

/// <summary>The scanner's state and the members actions and callers use.</summary>
internal static partial class ScannerEmitter
{
    private static void WriteState(SourceWriter w, RuleFile file, ScannerAutomaton a)
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
        if (a.AuxStateCount > 1)
        {
            w.Line("private bool[] yyMarks = new bool[64];");
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
        Doc(w, "Starts scanning <paramref name=\"utf8\"/> from its beginning in start condition INITIAL; the bytes are copied into a buffer the scanner reuses.");
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
            w.Line("yyLength = length;");
            w.Line("yyPosition = 0;");
            w.Line("yyTokenStart = 0;");
            w.Line("yyTokenLength = 0;");
            w.Line("yyStartCondition = INITIAL;");
            w.Line("yyMore = false;");
            w.Line("IsJammed = false;");
            w.Line("JamPosition = 0;");
        }
    }

    private static void WriteFindHead(SourceWriter w, ScannerAutomaton a)
    {
        string classCount = a.ClassCount.ToString(CultureInfo.InvariantCulture);
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Where the head of a trailing-context match [start, end) ends when neither part has a fixed");
        w.Line("/// length: the reversed context DFA marks every split the context accepts, then the head DFA");
        w.Line("/// keeps the last marked end it accepts (POSIX: the longest head whose rest matches the context).");
        w.Line("/// </summary>");
        using (w.OpenBlock("private int YyFindHead(int start, int end, int headState, int tailState)"))
        {
            w.Line("global::System.ReadOnlySpan<byte> input = new global::System.ReadOnlySpan<byte>(yyBuffer, 0, yyLength);");
            w.Line("global::System.ReadOnlySpan<byte> classOf = YyClassOf;");
            w.Line("var transitions = YyAuxTransitions;");
            w.Line("global::System.ReadOnlySpan<bool> accept = YyAuxAccept;");
            using (w.OpenBlock("if (yyMarks.Length <= end)"))
            {
                w.Line("yyMarks = new bool[global::System.Math.Max(end + 1, 2 * yyMarks.Length)];");
            }

            w.Line();
            w.Line("global::System.Span<bool> marks = new global::System.Span<bool>(yyMarks, start, end - start + 1);");
            w.Line("marks.Clear();");
            w.Line("int state = tailState;");
            w.Line("marks[end - start] = accept[state];");
            using (w.OpenBlock("for (int at = end - 1; at >= start && state != 0; at--)"))
            {
                w.Line("state = transitions[state * " + classCount + " + classOf[input[at]]];");
                w.Line("marks[at - start] = accept[state];");
            }

            w.Line();
            w.Line("state = headState;");
            w.Line("int best = accept[state] && marks[0] ? start : -1;");
            using (w.OpenBlock("for (int at = start; at < end && state != 0; at++)"))
            {
                w.Line("state = transitions[state * " + classCount + " + classOf[input[at]]];");
                using (w.OpenBlock("if (accept[state] && marks[at + 1 - start])"))
                {
                    w.Line("best = at + 1;");
                }
            }

            w.Line();
            w.Line("return best < 0 ? end : best;");
        }
    }

    private static void Doc(SourceWriter w, string summary) => w.Line("/// <summary>" + summary + "</summary>");
}
