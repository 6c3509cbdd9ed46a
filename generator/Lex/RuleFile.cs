using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// A flex-style rule file as read: options, start conditions, user code and rules with
/// their patterns parsed. Immutable and value-equatable, so an unchanged .l file reuses
/// every later stage from Roslyn's cache.
/// </summary>
internal sealed record RuleFile(
    string FilePath,
    string ClassName,
    string? Namespace,
    ScannerOptions Options,
    EquatableArray<StartCondition> StartConditions,
    EquatableArray<CodeBlock> TopCode,
    EquatableArray<CodeBlock> MemberCode,
    EquatableArray<CodeBlock> LexPrologue,
    EquatableArray<Rule> Rules);

/// <summary>
/// The <c>%option</c>s that change what is generated. Each of the last three adds code only to
/// scanners that ask for it: <see cref="LineNumbers"/> is flex's <c>yylineno</c> (a line number,
/// counted), <see cref="Stack"/> is <c>%option stack</c> (PushState/PopState/TopState), and
/// <see cref="Reject"/> is on when an action calls <c>Reject()</c> (flex's REJECT) or
/// <c>%option reject</c> asks for it (and off under <c>%option noreject</c>). <see cref="DirectCode"/>
/// (on unless <c>%option nodirect-code</c>) lets the generator code the DFA's states as branches
/// where they fit (docs/scanner.md, "Tables and speed").
/// </summary>
internal sealed record ScannerOptions(bool NoDefault, bool Caseless, bool LineNumbers, bool Stack, bool Reject, bool DirectCode = true);

/// <summary>A start condition: <c>INITIAL</c> is number 0, then each <c>%s</c>/<c>%x</c> in the order declared.</summary>
internal sealed record StartCondition(string Name, int Number, bool Exclusive);

/// <summary>
/// C# text copied from the rule file, with where it starts there (0-based line and column)
/// so the emitted code can carry a <c>#line</c> directive back to it.
/// </summary>
internal sealed record CodeBlock(string Text, int Line, int Column);

/// <summary>
/// One rule. <see cref="Conditions"/> lists the start-condition numbers it is active in.
/// <see cref="ActionRule"/> is the index of the rule whose action it runs: itself, or for a
/// <c>|</c> action the next rule with an action of its own.
/// </summary>
internal sealed record Rule(
    int Index,
    string PatternText,
    RulePattern Pattern,
    EquatableArray<int> Conditions,
    CodeBlock? Action,
    int ActionRule,
    LocationInfo Location);
