using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Emit;

/// <summary>
/// Where a trailing-context token ends when neither its head nor its context has a fixed length:
/// the longest head when that is known to be the split (<see cref="Lex.TrailingSplit"/>), otherwise
/// the POSIX split found with the head, context and reversed-context DFAs.
/// </summary>
internal static partial class ScannerEmitter
{
    private static void WriteLongestHead(SourceWriter w, ScannerTableLayout t)
    {
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Where the longest head of a trailing-context match [start, end) ends: for rules where no byte that");
        w.Line("/// can go on from the end of a head can begin the context, that is the only split (the generator proved it).");
        w.Line("/// </summary>");
        w.Line(HotPath);
        using (w.OpenBlock("private int YyLongestHead(int start, int end, int row)"))
        {
            WriteTableRefs(w, t.ElementType, "YyAuxTransitions");
            w.Line("int head = start;");
            using (w.OpenBlock("for (int at = start; at < end;)"))
            {
                WriteStep(w, "rows", "at", "break;");
                w.Line("at++;");
                using (w.OpenBlock("if (" + UnsafeAdd + "(ref rows, row) >= YyAccepting)"))
                {
                    w.Line("head = at;");
                }
            }

            w.Line();
            w.Line("return head;");
        }
    }

    private static void WriteFindHead(SourceWriter w, ScannerTableLayout t)
    {
        string element = t.ElementType;
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Where the head of a trailing-context match [start, end) ends when neither part has a fixed");
        w.Line("/// length (POSIX: the longest head whose rest matches the context). The head DFA marks the ends");
        w.Line("/// it accepts going forward; the reversed context DFA marks, going back from the end, where the");
        w.Line("/// context can begin; the last position marked by both wins.");
        w.Line("/// </summary>");
        w.Line(HotPath);
        using (w.OpenBlock("private int YyFindHead(int start, int end, int headRow, int tailRow, int tailForwardRow)"))
        {
            WriteTableRefs(w, element, "YyAuxTransitions");
            w.Line("const byte HeadEnds = 1, ContextStarts = 2; // the marks a position can carry");
            using (w.OpenBlock("if (yyMarks.Length <= end - start)"))
            {
                w.Line("yyMarks = new byte[global::System.Math.Max(end - start + 1, 2 * yyMarks.Length)];");
            }

            w.Line();
            w.Line("// Forward: every end of a head, as far as the head DFA lives.");
            w.Line("int row = headRow;");
            w.Line("int limit = start;");
            w.Line("yyMarks[0] = (byte)(" + UnsafeAdd + "(ref rows, row) >= YyAccepting ? HeadEnds : 0);");
            using (w.OpenBlock("for (int at = start; at < end;)"))
            {
                WriteStep(w, "rows", "at", "break;");
                w.Line("at++;");
                w.Line("yyMarks[at - start] = (byte)(" + UnsafeAdd + "(ref rows, row) >= YyAccepting ? HeadEnds : 0);");
                w.Line("limit = at;");
            }

            w.Line();
            w.Line("// Most often the longest head is the answer: check its context forwards (runs make that quick).");
            using (w.OpenBlock("for (int h = limit; h >= start; h--)"))
            {
                using (w.OpenBlock("if (yyMarks[h - start] == HeadEnds)"))
                {
                    using (w.OpenBlock("if (YyContextMatches(h, end, tailForwardRow))"))
                    {
                        w.Line("return h;");
                    }

                    w.Line();
                    w.Line("break;");
                }
            }

            w.Line();
            w.Line("// Backward: every start of a context, down to where heads end.");
            w.Line("row = tailRow;");
            using (w.OpenBlock("for (int at = end; ;)"))
            {
                w.Line("int word = " + UnsafeAdd + "(ref rows, row);");
                using (w.OpenBlock("if (word >= YyAccepting && at <= limit)"))
                {
                    w.Line("yyMarks[at - start] |= ContextStarts;");
                }

                w.Line();
                using (w.OpenBlock("if (at == start)"))
                {
                    w.Line("break;");
                }

                w.Line();
                using (w.OpenBlock("if ((word & YyRunMask) != 0)"))
                {
                    w.Line("// Every position back to the line start (or the match start) begins a context too.");
                    w.Line("int lineStart = (word & YyRunMask) == YyRunToInputEnd ? start : global::System.Math.Max(start, YyLineStart(at));");
                    using (w.OpenBlock("if ((word & YyRunMask) != YyRunToEndWithoutNewline || lineStart == start)"))
                    {
                        using (w.OpenBlock("for (int q = global::System.Math.Min(at - 1, limit); q >= lineStart; q--)"))
                        {
                            w.Line("yyMarks[q - start] |= ContextStarts;");
                        }

                        w.Line();
                        w.Line("break;");
                    }
                }

                w.Line();
                WriteStep(w, "rows", "at - 1", "break;");
                w.Line("at--;");
            }

            w.Line();
            using (w.OpenBlock("for (int h = limit; h >= start; h--)"))
            {
                using (w.OpenBlock("if (yyMarks[h - start] == (HeadEnds | ContextStarts))"))
                {
                    w.Line("return h;");
                }
            }

            w.Line();
            w.Line("return end;");
        }
    }

    private static void WriteContextMatches(SourceWriter w, ScannerTableLayout t)
    {
        string element = t.ElementType;
        w.Line();
        w.Line("/// <summary>Whether the trailing context DFA starting at <paramref name=\"row\"/> matches exactly [from, end).</summary>");
        w.Line(HotPath);
        using (w.OpenBlock("private bool YyContextMatches(int from, int end, int row)"))
        {
            WriteTableRefs(w, element, "YyAuxTransitions");
            using (w.OpenBlock("for (int at = from; ; at++)"))
            {
                w.Line("int word = " + UnsafeAdd + "(ref rows, row);");
                using (w.OpenBlock("if (at == end)"))
                {
                    w.Line("return word >= YyAccepting;");
                }

                w.Line();
                using (w.OpenBlock("if ((word & YyRunMask) != 0)"))
                {
                    w.Line("// The context accepts at every position up to the line end or the input end (by the run kind).");
                    using (w.OpenBlock("if ((word & YyRunMask) == YyRunToInputEnd || end <= YyLineEnd(at))"))
                    {
                        w.Line("return true;");
                    }

                    w.Line();
                    using (w.OpenBlock("if ((word & YyRunMask) == YyRunToLineEnd)"))
                    {
                        w.Line("return false;");
                    }
                }

                w.Line();
                WriteStep(w, "rows", "at", "return false;");
            }
        }
    }

}
