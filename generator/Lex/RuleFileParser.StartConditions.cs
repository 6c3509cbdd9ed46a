using System;
using System.Linq;

namespace Colo.Gen.Generator.Lex;

/// <summary>Start-condition declarations (<c>%s</c>, <c>%x</c>, <c>%start</c>) and the names the generated scanner cannot take.</summary>
internal sealed partial class RuleFileParser
{
    /// <summary>
    /// The length of a start-condition directive at the line's start, or 0: flex reads <c>%s</c> or
    /// <c>%x</c>, either case, and any name characters glued to it, so <c>%start</c> (lex's old
    /// spelling) and <c>%Start</c> declare inclusive conditions too.
    /// </summary>
    private static int StartConditionDirective(string s)
    {
        if (s.Length < 2 || s[0] != '%' || char.ToLowerInvariant(s[1]) is not ('s' or 'x'))
        {
            return 0;
        }

        int i = 2;
        while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_' || s[i] == '-'))
        {
            i++;
        }

        return i == s.Length || char.IsWhiteSpace(s[i]) ? i : 0;
    }

    private void ReadStartConditions(int line, string s)
    {
        bool exclusive = char.ToLowerInvariant(s[1]) == 'x';
        int directive = StartConditionDirective(s);
        int offset = directive;
        foreach (string name in s.Substring(directive).Split(new[] { ' ', '\t', ',' }, StringSplitOptions.None))
        {
            int column = offset;
            offset += name.Length + 1;
            if (name.Length == 0)
            {
                continue;
            }

            if (!IsIdentifier(name))
            {
                Report(LexDiagnostics.MalformedLine, line, column, "'" + name + "' is not a start condition name");
            }
            else if (ReservedReason(name) is { } reason)
            {
                Report(LexDiagnostics.ReservedName, line, column, name, "start condition", reason);
            }
            else if (_conditionsByName.ContainsKey(name))
            {
                Report(LexDiagnostics.DuplicateStartCondition, line, column, name);
            }
            else
            {
                var condition = new StartCondition(name, _conditions.Count, exclusive);
                _conditions.Add(condition);
                _conditionsByName[name] = condition;
                _conditionLocations[name] = (line, column);
            }
        }
    }

    /// <summary>The scanner's own members, which a start condition's constant must not hide.</summary>
    private static readonly string[] GeneratedMembers =
    {
        "Lex", "Text", "TextSpan", "Length", "TokenStart", "StartCondition", "IsJammed", "JamPosition", "Output",
        "Input", "SetInput", "Begin", "More", "Less", "Echo", "ScannerJammed", "LineNumber", "PushState", "PopState",
        "TopState", "Reject",
    };

    /// <summary>Why a name cannot be used for a generated member, or null when it can.</summary>
    private static string? ReservedReason(string name)
    {
        if (KeywordReason(name) is { } keyword)
        {
            return keyword;
        }

        if (Array.IndexOf(GeneratedMembers, name) >= 0)
        {
            return "the scanner has a member of that name";
        }

        return name.StartsWith("yy", StringComparison.OrdinalIgnoreCase) ? "names starting with 'yy' belong to the generated scanner" : null;
    }

    private static string? KeywordReason(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "it is a C# keyword" : null;

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}
