using Microsoft.CodeAnalysis;

namespace Colo.Gen.Generator.Lex;

/// <summary>The diagnostics a rule file can cause (CG2xxx). Each is listed in the README's table.</summary>
internal static class LexDiagnostics
{
    private const string Category = "Colo.Gen.RuleFile";

    public static readonly DiagnosticDescriptor BadPattern = Error("CG2001", "Bad pattern", "Bad pattern: {0}");

    public static readonly DiagnosticDescriptor UnknownDefinition = Error("CG2002", "Undefined definition", "{0}");

    public static readonly DiagnosticDescriptor UnknownStartCondition = Error(
        "CG2003", "Undeclared start condition", "Start condition '{0}' is not declared; declare it with %x or %s in the definitions section");

    public static readonly DiagnosticDescriptor UnterminatedAction = Error(
        "CG2004", "Unterminated action", "The action that starts here has no matching '}'");

    public static readonly DiagnosticDescriptor UnterminatedCode = Error(
        "CG2005", "Unterminated code block", "'{0}' has no closing '{1}'");

    public static readonly DiagnosticDescriptor RuleNeverMatches = Warning(
        "CG2006", "Rule can never match", "Rule '{0}' can never match: earlier rules match all its input at least as long");

    public static readonly DiagnosticDescriptor TooManyStates = Error(
        "CG2007", "Automaton too large", "The scanner is too large to build: {0}; simplify the patterns (large repeat counts, and definitions used many times, multiply its size)");

    public static readonly DiagnosticDescriptor UnknownOption = Warning(
        "CG2008", "Unknown option", "Unknown %option '{0}'; it is ignored");

    public static readonly DiagnosticDescriptor MalformedLine = Error("CG2009", "Malformed rule file", "{0}");

    public static readonly DiagnosticDescriptor DuplicateStartCondition = Error(
        "CG2010", "Duplicate start condition", "Start condition '{0}' is declared twice");

    public static readonly DiagnosticDescriptor BarActionAtEnd = Error(
        "CG2011", "'|' action without a following rule", "The '|' action says 'same as the next rule', but no rule with an action follows");

    public static readonly DiagnosticDescriptor UnsupportedOption = Warning(
        "CG2012", "Unsupported option", "%option {0} is not supported by this generator and is ignored");

    public static readonly DiagnosticDescriptor StrayCode = Warning(
        "CG2013", "Code between rules is ignored", "Indented code after the first rule has no defined place (flex copies it without meaning); it is ignored");

    public static readonly DiagnosticDescriptor EmptyRuleFile = Warning(
        "CG2014", "Rule file has no rules", "The rule file has no rules; the scanner only reports end of input");

    public static readonly DiagnosticDescriptor ReservedName = Error(
        "CG2015", "Name not usable in the scanner", "'{0}' cannot name a {1}: {2}; choose another name");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
