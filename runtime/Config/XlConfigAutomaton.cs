namespace Colo.Gen.Config;

/// <summary>
/// The LALR(1) automaton of libxlutil's configuration grammar (libxlu_cfg_y.y) as bison builds it,
/// written out state by state: which states act without reading a token, their shifts, their
/// reductions and their gotos. The parser that runs it is <see cref="XlConfigParser"/>.
/// <code>
///  1 file: stmts                     12 value: atom
///  2     | stmts assignment          13      | '[' nlok valuelist ']'
///  3 stmts: (empty)                  14 atom: STRING
///  4      | stmts stmt               15     | NUMBER
///  5 stmt: assignment endstmt        16 valuelist: (empty)
///  6     | endstmt                   17          | values
///  7     | error NEWLINE             18          | values ',' nlok
///  8 assignment: IDENT '=' value     19 values: value nlok
///  9           | IDENT "+=" value    20       | values ',' nlok value nlok
/// 10 endstmt: NEWLINE                21 nlok: (empty)
/// 11        | ';'                    22     | nlok NEWLINE
/// </code>
/// Two bison habits shape the messages and must be kept: a state whose only action is one
/// reduction takes it without reading the next token (so a setting is stored before the token
/// after it is scanned), and a state with a reduction and shifts reduces on every token it cannot
/// shift, so a syntax error is found in a later state, whose tokens the "expecting" list names.
/// State 2 shifts the error token, so bison gives it no default reduction.
/// </summary>
internal static class XlConfigAutomaton
{
    /// <summary>The state that accepts the input once <c>$end</c> is shifted into it.</summary>
    public const int AcceptState = 3;

    private const int StateCount = 32;
    private const int TokenCount = (int)XlConfigToken.Comma + 1;
    private const int SymbolCount = (int)Symbol.OptionalNewlines + 1;
    private const int RuleCount = 23;

    // The switches below are the automaton as one reads it; the parser's loop reads these arrays,
    // filled once from them (a table read a step instead of a chain of pattern tests).
    private static readonly sbyte[] Actions = Fill(StateCount * TokenCount, i => ActionOf(i / TokenCount, (XlConfigToken)(i % TokenCount)));
    private static readonly sbyte[] Gotos = Fill(StateCount * SymbolCount, i => GotoOf(i / SymbolCount, (Symbol)(i % SymbolCount)));
    private static readonly sbyte[] Reductions = Fill(StateCount, ReductionWithoutLookaheadOf);
    private static readonly sbyte[] RuleLefts = Fill(RuleCount, r => (int)RuleOf(r).Left);
    private static readonly sbyte[] RuleLengths = Fill(RuleCount, r => RuleOf(r).Length);

    /// <summary>The nonterminals, numbered for <see cref="Goto"/>.</summary>
    public enum Symbol
    {
        /// <summary>The whole file.</summary>
        File,

        /// <summary>The statements before the last one.</summary>
        Statements,

        /// <summary>A statement with its end.</summary>
        Statement,

        /// <summary><c>IDENT = value</c> or <c>IDENT += value</c>.</summary>
        Assignment,

        /// <summary>A newline or ';'.</summary>
        EndStatement,

        /// <summary>An atom or a bracketed list.</summary>
        Value,

        /// <summary>A string or a number.</summary>
        Atom,

        /// <summary>What is between a list's brackets.</summary>
        ValueList,

        /// <summary>One or more list items.</summary>
        Values,

        /// <summary>Any number of newlines.</summary>
        OptionalNewlines,
    }

    /// <summary>The rule's left-hand side and how many symbols its right-hand side has.</summary>
    public static (Symbol Left, int Length) Rule(int rule) => ((Symbol)RuleLefts[rule], RuleLengths[rule]);

    /// <summary>
    /// The reduction a state makes without reading a token (bison's consistent states), or 0 when
    /// the state needs to see the next token.
    /// </summary>
    public static int ReductionWithoutLookahead(int state) => Reductions[state];

    /// <summary>
    /// What a state that reads a token does with <paramref name="token"/>: a positive number shifts
    /// to that state, a negative one reduces by that rule, 0 is a syntax error.
    /// </summary>
    public static int Action(int state, XlConfigToken token) => Actions[(state * TokenCount) + (int)token];

    /// <summary>The state after reducing to <paramref name="symbol"/> on top of <paramref name="state"/>.</summary>
    public static int Goto(int state, Symbol symbol) => Gotos[(state * SymbolCount) + (int)symbol];

    private static sbyte[] Fill(int length, System.Func<int, int> entry)
    {
        var table = new sbyte[length];
        for (int i = 0; i < length; i++)
        {
            table[i] = checked((sbyte)entry(i));
        }

        return table;
    }

    private static (Symbol Left, int Length) RuleOf(int rule) => rule switch
    {
        1 => (Symbol.File, 1),
        2 => (Symbol.File, 2),
        3 => (Symbol.Statements, 0),
        4 => (Symbol.Statements, 2),
        5 => (Symbol.Statement, 2),
        6 => (Symbol.Statement, 1),
        7 => (Symbol.Statement, 2),
        8 => (Symbol.Assignment, 3),
        9 => (Symbol.Assignment, 3),
        10 => (Symbol.EndStatement, 1),
        11 => (Symbol.EndStatement, 1),
        12 => (Symbol.Value, 1),
        13 => (Symbol.Value, 4),
        14 => (Symbol.Atom, 1),
        15 => (Symbol.Atom, 1),
        16 => (Symbol.ValueList, 0),
        17 => (Symbol.ValueList, 1),
        18 => (Symbol.ValueList, 3),
        19 => (Symbol.Values, 2),
        20 => (Symbol.Values, 5),
        21 => (Symbol.OptionalNewlines, 0),
        22 => (Symbol.OptionalNewlines, 2),
        _ => (Symbol.File, 0),
    };

    private static int ReductionWithoutLookaheadOf(int state) => state switch
    {
        0 => 3,   // $accept: . file $end; stmts: .
        6 => 10,  // endstmt: NEWLINE .
        7 => 11,  // endstmt: ';' .
        8 => 4,   // stmts: stmts stmt .
        10 => 6,  // stmt: endstmt .
        11 => 7,  // stmt: error NEWLINE .
        14 => 5,  // stmt: assignment endstmt .
        15 => 14, // atom: STRING .
        16 => 15, // atom: NUMBER .
        17 => 21, // value: '[' . nlok valuelist ']'
        18 => 9,  // assignment: IDENT "+=" value .
        19 => 12, // value: atom .
        20 => 8,  // assignment: IDENT '=' value .
        22 => 22, // nlok: nlok NEWLINE .
        23 => 21, // values: value . nlok
        27 => 13, // value: '[' nlok valuelist ']' .
        28 => 21, // values ',' . nlok (in valuelist and values)
        30 => 21, // values: values ',' nlok value . nlok
        _ => 0,
    };

    // Tokens not listed take the state's default reduction, if it has one.
    private static int ActionOf(int state, XlConfigToken token) => (state, token) switch
    {
        // $accept: file . $end
        (1, XlConfigToken.End) => AcceptState,

        // file: stmts . | stmts . assignment; stmts: stmts . stmt
        (2, XlConfigToken.Error) => 4,
        (2, XlConfigToken.Ident) => 5,
        (2, XlConfigToken.Newline) => 6,
        (2, XlConfigToken.Semicolon) => 7,
        (2, XlConfigToken.End) => -1,

        // stmt: error . NEWLINE
        (4, XlConfigToken.Newline) => 11,

        // assignment: IDENT . '=' value | IDENT . "+=" value
        (5, XlConfigToken.AddAssign) => 12,
        (5, XlConfigToken.Assign) => 13,

        // file: stmts assignment . ; stmt: assignment . endstmt
        (9, XlConfigToken.Newline) => 6,
        (9, XlConfigToken.Semicolon) => 7,
        (9, _) => -2,

        // assignment: IDENT "+=" . value | IDENT '=' . value
        (12 or 13, XlConfigToken.String) => 15,
        (12 or 13, XlConfigToken.Number) => 16,
        (12 or 13, XlConfigToken.OpenBracket) => 17,

        // value: '[' nlok . valuelist ']' (and, in 29, values ',' nlok . value nlok); nlok: nlok . NEWLINE
        (21 or 29, XlConfigToken.String) => 15,
        (21 or 29, XlConfigToken.Number) => 16,
        (21 or 29, XlConfigToken.Newline) => 22,
        (21 or 29, XlConfigToken.OpenBracket) => 17,
        (21, _) => -16,
        (29, _) => -18,

        // value: '[' nlok valuelist . ']'
        (24, XlConfigToken.CloseBracket) => 27,

        // valuelist: values . | values . ',' nlok; values: values . ',' nlok value nlok
        (25, XlConfigToken.Comma) => 28,
        (25, _) => -17,

        // values: value nlok . (26), values ',' nlok value nlok . (31); nlok: nlok . NEWLINE
        (26 or 31, XlConfigToken.Newline) => 22,
        (26, _) => -19,
        (31, _) => -20,

        _ => 0,
    };

    private static int GotoOf(int state, Symbol symbol) => (state, symbol) switch
    {
        (0, Symbol.File) => 1,
        (0, Symbol.Statements) => 2,
        (2, Symbol.Statement) => 8,
        (2, Symbol.Assignment) => 9,
        (2, Symbol.EndStatement) => 10,
        (9, Symbol.EndStatement) => 14,
        (12, Symbol.Value) => 18,
        (13, Symbol.Value) => 20,
        (12 or 13 or 21 or 29, Symbol.Atom) => 19,
        (17, Symbol.OptionalNewlines) => 21,
        (21, Symbol.Value) => 23,
        (21, Symbol.ValueList) => 24,
        (21, Symbol.Values) => 25,
        (23, Symbol.OptionalNewlines) => 26,
        (28, Symbol.OptionalNewlines) => 29,
        (29, Symbol.Value) => 30,
        (30, Symbol.OptionalNewlines) => 31,
        _ => -1,
    };
}
