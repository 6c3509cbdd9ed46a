using System;
using System.Collections.Generic;
using System.Text;

namespace Colo.Gen.Config;

/// <summary>
/// Reads an xl configuration file as libxlutil's bison parser does (libxlu_cfg_y.y, bison 3.3's
/// yacc skeleton with <c>%error-verbose</c>): it runs <see cref="XlConfigAutomaton"/> over the tokens
/// of the scanner generated from grammar/xl_cfg.l, stores settings as libxlutil's actions do, and
/// recovers from errors the same way (pop to a state that shifts <c>error</c>, drop tokens up to a
/// newline, stay quiet until three tokens have been shifted), so every message is the same.
/// </summary>
internal sealed class XlConfigParser
{
    /// <summary>bison's YYMAXDEPTH: a stack that would reach this many states is "memory exhausted".</summary>
    private const int MaximumDepth = 10000;

    /// <summary>Tokens after an error that must be shifted before another syntax error is reported (bison's yyerrstatus).</summary>
    private const int RecoveringTokens = 3;

    /// <summary>One parser a thread, reused, so a read allocates only what it keeps (the scanner's buffer and the stacks stay).</summary>
    [ThreadStatic]
    private static XlConfigParser? threadParser;

    private readonly XlConfigScanner scanner = new();
    private XlConfigReport report = null!;
    private XlConfigStore store = null!;

    // The parse stack: a state, the line of its symbol (bison's location) and its value (a token's
    // bytes, a value being built), as three arrays with one top index.
    private int[] states = new int[64];
    private int[] lines = new int[64];
    private object?[] values = new object?[64];
    private int depth;

    private XlConfigToken? lookahead;
    private object? lookaheadValue;

    /// <summary>
    /// bison's yylloc.first_line: the line of the last token read (the end of input leaves it as it
    /// was). libxlutil declares its own location type, so bison starts it at 0, not 1.
    /// </summary>
    private int lookaheadLine;

    /// <summary>Reads <paramref name="content"/> into <paramref name="store"/>, reporting to <paramref name="report"/>.</summary>
    public static void Parse(ReadOnlySpan<byte> content, XlConfigReport report, XlConfigStore store)
    {
        XlConfigParser parser = threadParser ?? new XlConfigParser();
        threadParser = null; // not shared while it runs
        parser.report = report;
        parser.store = store;
        parser.depth = 0;
        parser.lookahead = null;
        parser.lookaheadValue = null;
        parser.lookaheadLine = 0;
        parser.scanner.Start(content, report);
        parser.Run();
        if (report.Failed && parser.scanner.LikelyPython)
        {
            report.LikelyPython();
        }

        // Keep nothing of this read alive through the cached parser.
        Array.Clear(parser.values);
        parser.lookaheadValue = null;
        parser.scanner.Release();
        parser.report = null!;
        parser.store = null!;
        threadParser = parser;
    }

    private void Run()
    {
        int errorStatus = 0;
        if (!Push(0, 0, null))
        {
            return;
        }

        while (true)
        {
            int state = states[depth - 1];
            if (state == XlConfigAutomaton.AcceptState)
            {
                return;
            }

            int rule = XlConfigAutomaton.ReductionWithoutLookahead(state);
            if (rule == 0)
            {
                XlConfigToken token = ReadLookahead();
                int action = XlConfigAutomaton.Action(state, token);
                if (action > 0)
                {
                    if (errorStatus > 0)
                    {
                        errorStatus--;
                    }

                    object? value = lookaheadValue;
                    lookahead = null;
                    if (!Push(action, lookaheadLine, value))
                    {
                        return;
                    }

                    continue;
                }

                if (action == 0)
                {
                    // yyerrlab: report unless recovering, drop the token if it was the one that failed.
                    if (errorStatus == 0)
                    {
                        report.Error(lookaheadLine, scanner.CurrentText, SyntaxError(state, token));
                    }

                    if (errorStatus == RecoveringTokens)
                    {
                        if (token == XlConfigToken.End)
                        {
                            report.Fail();
                            return;
                        }

                        lookahead = null;
                    }

                    errorStatus = RecoveringTokens;
                    if (!Recover())
                    {
                        report.Fail();
                        return;
                    }

                    continue;
                }

                rule = -action;
            }

            if (!Reduce(rule))
            {
                return;
            }
        }
    }

    private XlConfigToken ReadLookahead()
    {
        if (lookahead is XlConfigToken pending)
        {
            return pending;
        }

        int token = scanner.NextToken();
        if (token <= 0)
        {
            // The end of input; a jam cannot happen (the rules cover every byte in both conditions).
            lookahead = XlConfigToken.End;
            lookaheadValue = null;
            return XlConfigToken.End;
        }

        lookahead = (XlConfigToken)token;
        lookaheadValue = scanner.TokenValue;
        lookaheadLine = scanner.TokenLine;
        return (XlConfigToken)token;
    }

    /// <summary>
    /// yyerrlab1: pops states until one shifts the error token, then shifts it. False when the
    /// stack empties first (bison aborts the parse).
    /// </summary>
    private bool Recover()
    {
        while (true)
        {
            int target = XlConfigAutomaton.Action(states[depth - 1], XlConfigToken.Error);
            if (target > 0)
            {
                return Push(target, 0, null);
            }

            if (depth == 1)
            {
                return false;
            }

            Pop(1);
        }
    }

    private bool Reduce(int rule)
    {
        (XlConfigAutomaton.Symbol left, int length) = XlConfigAutomaton.Rule(rule);
        int first = depth - length;

        // YYLLOC_DEFAULT: a symbol starts where its first part does; an empty one takes the end line
        // of what is below it, which libxlutil's scanner never sets, so it stays at its initial 0.
        int line = length > 0 ? lines[first] : 0;
        object? value = length > 0 ? values[first] : null;
        switch (rule)
        {
            case 8:
            case 9:
                store.Store(
                    values[first] as string,
                    rule == 8 ? XlConfigOperation.Assign : XlConfigOperation.Add,
                    (XlConfigValue?)values[first + 2],
                    lines[first + 2],
                    scanner);
                value = null;
                break;
            case 12:
                // xlu__cfg_string_mk: after an error nothing is built.
                value = report.Failed || values[first] is not byte[] atom ? null : XlConfigValue.String(atom, lines[first]);
                break;
            case 13:
                value = values[first + 2];
                break;
            case 16:
                // xlu__cfg_list_mk(NULL, &yylloc): an empty list is placed at the token after it.
                value = report.Failed ? null : XlConfigValue.List(null, lookaheadLine);
                break;
            case 19:
                value = report.Failed || values[first] is not XlConfigValue item ? null : XlConfigValue.List(item, lines[first]);
                break;
            case 20:
                if (!report.Failed && values[first] is XlConfigValue list && values[first + 3] is XlConfigValue appended)
                {
                    list.Append(appended);
                }

                break;
        }

        Pop(length);
        return Push(XlConfigAutomaton.Goto(states[depth - 1], left), line, value);
    }

    /// <summary>Pushes a state; false (after bison's "memory exhausted") when the stack is full.</summary>
    private bool Push(int state, int line, object? value)
    {
        if (depth + 1 >= states.Length)
        {
            return PushGrowing(state, line, value);
        }

        states[depth] = state;
        lines[depth] = line;
        values[depth] = value;
        depth++;
        return true;
    }

    /// <summary><see cref="Push"/> when the arrays are full: they grow up to bison's limit, where the parse ends.</summary>
    private bool PushGrowing(int state, int line, object? value)
    {
        if (depth + 1 >= MaximumDepth)
        {
            // bison's check comes after the state is pushed: a stack reaching MaximumDepth states is exhausted.
            report.Error(lookaheadLine, scanner.CurrentText, "memory exhausted");
            report.Fail();
            return false;
        }

        int size = Math.Min(2 * states.Length, MaximumDepth);
        Array.Resize(ref states, size);
        Array.Resize(ref lines, size);
        Array.Resize(ref values, size);
        return Push(state, line, value);
    }

    /// <summary>Pops states; their values stay in the array until overwritten or the read ends (then all are cleared).</summary>
    private void Pop(int count) => depth -= count;

    /// <summary>The tokens in bison's symbol order, without <c>error</c>: the order of "expecting" lists.</summary>
    private static readonly XlConfigToken[] Terminals =
    [
        XlConfigToken.End, XlConfigToken.Ident, XlConfigToken.String, XlConfigToken.Number, XlConfigToken.Newline,
        XlConfigToken.AddAssign, XlConfigToken.Assign, XlConfigToken.Semicolon, XlConfigToken.OpenBracket,
        XlConfigToken.CloseBracket, XlConfigToken.Comma,
    ];

    /// <summary>
    /// bison 3.3's verbose message: <c>syntax error, unexpected X</c>, then <c>, expecting A or B</c>
    /// naming the tokens the state has an action for, in symbol order, unless there are more than four.
    /// </summary>
    private static string SyntaxError(int state, XlConfigToken unexpected)
    {
        var message = new StringBuilder("syntax error, unexpected ").Append(XlConfigTokenNames.Of(unexpected));
        var expected = new List<XlConfigToken>(4);
        foreach (XlConfigToken token in Terminals)
        {
            if (XlConfigAutomaton.Action(state, token) == 0)
            {
                continue;
            }

            if (expected.Count == 4)
            {
                return "syntax error, unexpected " + XlConfigTokenNames.Of(unexpected);
            }

            expected.Add(token);
        }

        for (int i = 0; i < expected.Count; i++)
        {
            message.Append(i == 0 ? ", expecting " : " or ").Append(XlConfigTokenNames.Of(expected[i]));
        }

        return message.ToString();
    }
}
