using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Emit;

/// <summary>%option stack: flex's start-condition stack (yy_push_state, yy_pop_state, yy_top_state).</summary>
internal static partial class ScannerEmitter
{
    private static void WriteStartConditionStack(SourceWriter w)
    {
        w.Line();
        w.Line("private int[] yyStack = new int[8];");
        w.Line("private int yyStackDepth;");
        w.Line();
        Doc(w, "Saves the current start condition on the stack and switches to <paramref name=\"condition\"/> (flex's <c>yy_push_state</c>, %option stack).");
        w.Line("/// <param name=\"condition\">One of the start-condition constants.</param>");
        using (w.OpenBlock("public void PushState(int condition)"))
        {
            using (w.OpenBlock("if (yyStackDepth == yyStack.Length)"))
            {
                w.Line("global::System.Array.Resize(ref yyStack, 2 * yyStack.Length);");
            }

            w.Line();
            w.Line("yyStack[yyStackDepth++] = yyStartCondition;");
            w.Line("yyStartCondition = condition;");
        }

        w.Line();
        Doc(w, "Switches back to the start condition on top of the stack and removes it (flex's <c>yy_pop_state</c>).");
        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">The stack is empty (flex stops with \"start-condition stack underflow\").</exception>");
        using (w.OpenBlock("public void PopState()"))
        {
            w.Line("yyStartCondition = TopState();");
            w.Line("yyStackDepth--;");
        }

        w.Line();
        Doc(w, "The start condition on top of the stack, which stays there (flex's <c>yy_top_state</c>).");
        w.Line("/// <returns>The start condition <see cref=\"PopState\"/> would switch to.</returns>");
        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">The stack is empty.</exception>");
        using (w.OpenBlock("public int TopState()"))
        {
            using (w.OpenBlock("if (yyStackDepth == 0)"))
            {
                w.Line("throw new global::System.InvalidOperationException(\"The start-condition stack is empty: PopState and TopState need a PushState first.\");");
            }

            w.Line();
            w.Line("return yyStack[yyStackDepth - 1];");
        }
    }
}
