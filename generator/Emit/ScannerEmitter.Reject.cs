using System.Linq;
using System.Text;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Lex;

namespace Colo.Gen.Generator.Emit;

/// <summary>
/// REJECT (<c>Reject()</c>), emitted only for scanners whose actions call it or that ask with
/// <c>%option reject</c>. As in flex, the scan records every length at which some rule matched,
/// and the matches are tried longest first, at one length in rule order: an action that calls
/// <c>Reject()</c> stops there and the next match runs instead, with the text, length and
/// position that match has; what the rejected action did to start conditions, <c>More()</c> and
/// the scanner's own fields stays done. flex's REJECT is a branch (a macro holding a goto);
/// here each <c>Reject()</c> call in an action is compiled as <c>goto yyR</c> (same length, so
/// the <c>#line</c> columns of what follows stay right), which is why it must be called directly in
/// the action, not from a lambda or another method.
/// </summary>
internal static partial class ScannerEmitter
{
    /// <summary>The label an action's <c>Reject()</c> jumps to; as long as the call it replaces needs at least.</summary>
    private const string RejectLabel = "yyR";

    private const string RejectJump = "goto " + RejectLabel;

    /// <summary>The part of Lex from the match to the action, for a scanner with REJECT.</summary>
    private static void WriteRejectingScan(SourceWriter w, RuleFile file, ScannerTableLayout t)
    {
        w.Line("int yyRule = YyFirstCandidate(yyScanStart, out int yyEnd);");
        w.Line("bool yyMoreBefore = yyMore;");
        w.Line("yyTokenStart = yyMore ? yyTokenStart : yyScanStart;");
        w.Line("yyMore = false;");
        w.Line("int yyConditionBefore = yyStartCondition;");
        if (file.Options.LineNumbers)
        {
            w.Line("int yyLinesBefore = yyLineNumber;");
        }

        bool rejects = file.Rules.Any(r => r.Action is { } action && CSharpCode.FindCalls(action.Text, "Reject").Count > 0);
        if (rejects)
        {
            w.Raw("yyCandidate:\n");
        }

        WriteNoMatch(w, file);
        WriteTrailingSplit(w, t);
        w.Line();
        w.Line("yyTokenLength = yyEnd - yyTokenStart;");
        w.Line("yyPosition = yyEnd;");
        if (file.Options.LineNumbers)
        {
            w.Line("yyLineNumber = yyLinesBefore; // a rejected match's lines are not counted twice");
        }

        WriteLineCounting(w, file);
        WriteActions(w, file);
        WriteNoProgressGuard(w);
        if (rejects)
        {
            w.Line();
            w.Line("continue;");
            w.Raw(RejectLabel + ":\n");
            w.Line("// Reject() in an action comes here: the next match, shorter or by a later rule, runs instead.");
            w.Line("yyRule = YyNextCandidate(out yyEnd);");
            w.Line("goto yyCandidate;");
        }
    }

    /// <summary>An action as compiled: with REJECT, each <c>Reject()</c> call becomes the jump, padded to the call's length.</summary>
    private static CodeBlock? RuleAction(RuleFile file, CodeBlock? action)
    {
        if (action is null || !file.Options.Reject)
        {
            return action;
        }

        var calls = CSharpCode.FindCalls(action.Text, "Reject");
        if (calls.Count == 0)
        {
            return action;
        }

        var text = new StringBuilder(action.Text);
        foreach ((int start, int length) in calls)
        {
            // The jump, then spaces; line breaks inside "Reject( )" stay, so the lines after it keep their numbers.
            for (int i = 0; i < length; i++)
            {
                char original = text[start + i];
                text[start + i] = i < RejectJump.Length ? RejectJump[i] : original is '\n' or '\r' ? original : ' ';
            }
        }

        return action with { Text = text.ToString() };
    }

    /// <summary>
    /// The walk of a scanner with REJECT: every position where the DFA accepts is recorded (no run
    /// or loop shortcut skips one), then the matches are handed out longest first and, at one
    /// length, in rule order, from the state's list of accepted rules.
    /// </summary>
    private static void WriteCandidates(SourceWriter w, ScannerAutomaton a, ScannerTableLayout t)
    {
        w.Line();
        w.Line("/// <summary>Walks the DFA from <paramref name=\"start\"/>, recording where it accepts; returns the first match to try (-1: none) and where it ends.</summary>");
        w.Line(HotPath);
        using (w.OpenBlock("private int YyFirstCandidate(int start, out int end)"))
        {
            WriteTableRefs(w, t.ElementType, "YyTransitions");
            w.Line(StartRow(a));
            w.Line("yyAccepted = 0;");
            using (w.OpenBlock("for (int at = start; at < yyLength;)"))
            {
                WriteStep(w, "rows", "at", "break;");
                w.Line("at++;");
                using (w.OpenBlock("if (" + UnsafeAdd + "(ref rows, row) >= YyAccepting)"))
                {
                    using (w.OpenBlock("if (yyAccepted == yyAcceptedAt.Length)"))
                    {
                        w.Line("global::System.Array.Resize(ref yyAcceptedAt, 2 * yyAccepted);");
                        w.Line("global::System.Array.Resize(ref yyAcceptedRow, 2 * yyAccepted);");
                    }

                    w.Line();
                    w.Line("yyAcceptedAt[yyAccepted] = at;");
                    w.Line("yyAcceptedRow[yyAccepted] = row;");
                    w.Line("yyAccepted++;");
                }
            }

            w.Line();
            w.Line("yyAcceptedRank = -1;");
            w.Line("return YyNextCandidate(out end);");
        }

        w.Line();
        w.Line("/// <summary>The next match to try: the next rule at the same length, else the first rule of the next shorter one; -1 when none is left.</summary>");
        using (w.OpenBlock("private int YyNextCandidate(out int end)"))
        {
            using (w.OpenBlock("while (yyAccepted > 0)"))
            {
                w.Line("int state = yyAcceptedRow[yyAccepted - 1] / YyRowWidth;");
                w.Line("int first = YyAcceptListStarts[state];");
                using (w.OpenBlock("if (++yyAcceptedRank < YyAcceptListStarts[state + 1] - first)"))
                {
                    w.Line("end = yyAcceptedAt[yyAccepted - 1];");
                    w.Line("return YyAcceptLists[first + yyAcceptedRank];");
                }

                w.Line();
                w.Line("yyAccepted--;");
                w.Line("yyAcceptedRank = -1;");
            }

            w.Line();
            w.Line("end = 0;");
            w.Line("return -1;");
        }
    }
}
