using System;
using System.Collections.Generic;
using System.Linq;
using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Lex;

/// <summary>The rules section and <c>%option</c> lines.</summary>
internal sealed partial class RuleFileParser
{
    private sealed record PendingRule(
        string PatternText, RulePattern? Pattern, List<int>? Conditions, CodeBlock? Action, bool IsBar, LocationInfo Location);

    private int ParseRulesSection(int line)
    {
        var scopes = new List<List<int>>();
        while (line < LineCount)
        {
            _cancellation.ThrowIfCancellationRequested();
            string s = Line(line);
            if (s.StartsWith("%%", StringComparison.Ordinal))
            {
                return line + 1;
            }

            string trimmed = s.Trim();
            if (trimmed.Length == 0)
            {
                line++;
            }
            else if (s.StartsWith("%{", StringComparison.Ordinal))
            {
                var block = new List<CodeBlock>();
                line = ReadPercentBlock(line, block);
                if (_rules.Count == 0)
                {
                    _prologue.AddRange(block);
                }
                else if (block.Any(b => CSharpCode.HasCode(b.Text)))
                {
                    Report(LexDiagnostics.StrayCode, line - 1, 0);
                }
            }
            else if (trimmed == "}" && scopes.Count > 0)
            {
                scopes.RemoveAt(scopes.Count - 1);
                line++;
            }
            else if (char.IsWhiteSpace(s[0]) && (scopes.Count == 0 || trimmed.StartsWith("/*", StringComparison.Ordinal) || trimmed.StartsWith("//", StringComparison.Ordinal)))
            {
                // One line at a time: in the rules section an indented line may be a rule of a scope.
                line = ReadIndented(line, _rules.Count == 0 ? _prologue : null, gatherFollowing: false);
            }
            else
            {
                line = ReadRule(line, s, scopes);
            }
        }

        return line;
    }

    /// <summary>flex's end-of-input pattern, which takes the place of a regex in a rule.</summary>
    private const string EndOfFile = "<<EOF>>";

    private int ReadRule(int line, string s, List<List<int>> scopes)
    {
        int col = 0;
        while (col < s.Length && char.IsWhiteSpace(s[col]))
        {
            col++;
        }

        List<int>? conditions = scopes.Count > 0 ? new List<int>(scopes.SelectMany(x => x).Distinct()) : null;
        if (s[col] == '<' && string.CompareOrdinal(s, col, EndOfFile, 0, EndOfFile.Length) != 0)
        {
            int close = s.IndexOf('>', col);
            if (close < 0)
            {
                Report(LexDiagnostics.MalformedLine, line, col, "A start-condition prefix '<' has no closing '>'");
                return line + 1;
            }

            conditions ??= new List<int>();
            int offset = col + 1;
            foreach (string name in s.Substring(col + 1, close - col - 1).Split(','))
            {
                string n = name.Trim();
                if (n == "*")
                {
                    conditions.AddRange(_conditions.Select(c => c.Number));
                }
                else if (_conditions.FirstOrDefault(c => c.Name == n) is { } known)
                {
                    conditions.Add(known.Number);
                }
                else
                {
                    Report(LexDiagnostics.UnknownStartCondition, line, offset, n);
                }

                offset += name.Length + 1;
            }

            col = close + 1;
            string rest = s.Substring(col).Trim();
            if (rest == "{")
            {
                scopes.Add(conditions.Distinct().ToList());
                return line + 1;
            }
        }

        LocationInfo location = Location(line, col);
        RulePattern? pattern;
        string patternText;
        if (string.CompareOrdinal(s, col, EndOfFile, 0, EndOfFile.Length) == 0)
        {
            patternText = EndOfFile;
            pattern = new RulePattern(EmptyNode.Instance, null, AtLineStart: false, IsEndOfFile: true);
            col += EndOfFile.Length;
        }
        else
        {
            int end = FindPatternEnd(s, col);
            patternText = s.Substring(col, end - col);
            pattern = ParsePattern(patternText, line, col);
            col = end;
        }

        while (col < s.Length && char.IsWhiteSpace(s[col]))
        {
            col++;
        }

        string action = s.Substring(col);
        int next = line + 1;
        CodeBlock? code;
        bool isBar = false;
        if (action.Trim() == "|")
        {
            code = null;
            isBar = true;
        }
        else if (action.StartsWith("{", StringComparison.Ordinal))
        {
            int open = _lineStarts[line] + col;
            int close = CSharpCode.FindClosingBrace(_text, open);
            if (close < 0)
            {
                Report(LexDiagnostics.UnterminatedAction, line, col);
                return LineCount;
            }

            code = new CodeBlock(_text.Substring(open, close - open + 1), line, col);
            next = LineOf(close) + 1;
        }
        else if (action.StartsWith("%{", StringComparison.Ordinal))
        {
            int open = _lineStarts[line] + col;
            int close = _text.IndexOf("%}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                Report(LexDiagnostics.UnterminatedCode, line, col, "%{", "%}");
                return LineCount;
            }

            code = new CodeBlock(new string(' ', 2) + _text.Substring(open + 2, close - open - 2), line, col);
            next = LineOf(close) + 1;
        }
        else
        {
            // A one-line action: the rest of the line (possibly empty: the text is discarded).
            code = new CodeBlock(action, line, col);
        }

        _rules.Add(new PendingRule(patternText, pattern, conditions, code, isBar, location));
        return next;
    }

    private RulePattern? ParsePattern(string text, int line, int col)
    {
        if (text.Length == 0)
        {
            Report(LexDiagnostics.BadPattern, line, col, "a rule needs a pattern before its action");
            return null;
        }

        try
        {
            return RegexParser.ParseRule(text, name => _definitions.TryGetValue(name, out string? body) ? body : null, _caseless);
        }
        catch (RegexError error)
        {
            Report(error.IsUnknownDefinition ? LexDiagnostics.UnknownDefinition : LexDiagnostics.BadPattern, line, col + error.Offset, error.Message);
            return null;
        }
    }

    /// <summary>A pattern ends at the first whitespace outside quotes and brackets.</summary>
    private static int FindPatternEnd(string s, int start)
    {
        int i = start;
        bool quoted = false;
        while (i < s.Length)
        {
            char c = s[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }

            if (quoted)
            {
                quoted = c != '"';
                i++;
                continue;
            }

            if (c == '"')
            {
                quoted = true;
            }
            else if (c == '[')
            {
                i = SkipClass(s, i);
                continue;
            }
            else if (char.IsWhiteSpace(c))
            {
                break;
            }

            i++;
        }

        return Math.Min(i, s.Length);
    }

    private static int SkipClass(string s, int i)
    {
        i++;
        if (i < s.Length && s[i] == '^')
        {
            i++;
        }

        if (i < s.Length && s[i] == ']')
        {
            i++;
        }

        while (i < s.Length && s[i] != ']')
        {
            if (s[i] == '\\')
            {
                i += 2;
            }
            else if (s[i] == '[' && i + 1 < s.Length && s[i + 1] == ':')
            {
                int close = s.IndexOf(":]", i + 2, StringComparison.Ordinal);
                i = close < 0 ? i + 1 : close + 2;
            }
            else
            {
                i++;
            }
        }

        return Math.Min(i + 1, s.Length);
    }

    /// <summary>Numbers the rules, gives each its start conditions, and points '|' actions at the action they share.</summary>
    private EquatableArray<Rule> ResolveRules()
    {
        var rules = new List<Rule>();
        var indexes = new int[_rules.Count];
        int[] defaults = _conditions.Where(c => !c.Exclusive).Select(c => c.Number).ToArray();
        for (int i = 0; i < _rules.Count; i++)
        {
            PendingRule p = _rules[i];
            indexes[i] = -1;
            if (p.Pattern is null)
            {
                continue;
            }

            int[] conditions = p.Conditions is { } listed
                ? listed.Distinct().OrderBy(n => n).ToArray()
                : p.Pattern.IsEndOfFile ? Array.Empty<int>() : defaults;
            indexes[i] = rules.Count;
            rules.Add(new Rule(rules.Count, p.PatternText, p.Pattern, conditions.ToEquatableArray(), p.Action, rules.Count, p.Location));
        }

        for (int i = 0; i < _rules.Count; i++)
        {
            if (!_rules[i].IsBar || indexes[i] < 0)
            {
                continue;
            }

            int target = -1;
            bool found = false;
            for (int j = i + 1; j < _rules.Count && !found; j++)
            {
                found = !_rules[j].IsBar;
                target = found ? indexes[j] : -1;
            }

            if (!found)
            {
                _diagnostics.Add(DiagnosticInfo.Create(LexDiagnostics.BarActionAtEnd, _rules[i].Location));
            }

            if (target < 0)
            {
                // No action to share (reported above, or the next rule's pattern was bad).
                target = indexes[i];
            }

            rules[indexes[i]] = rules[indexes[i]] with { ActionRule = target };
        }

        return rules.ToEquatableArray();
    }
}
