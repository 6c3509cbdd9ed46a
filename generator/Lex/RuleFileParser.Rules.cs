using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Colo.Gen.Generator.Common;
using Microsoft.CodeAnalysis;

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

        List<int>? conditions = scopes.Count > 0 ? new List<int>(scopes[scopes.Count - 1]) : null;
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
                else if (_conditionsByName.TryGetValue(n, out StartCondition? known))
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
                // A scope holds the conditions of every scope around it (kept whole, so a rule copies one list).
                var scope = conditions.Distinct().ToList();
                if (CountMemberships(scope.Count, line, col))
                {
                    scopes.Add(scope);
                }

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
            // A pattern may go on over lines ((?x:...) groups, (?#...) comments); the action follows it.
            int from = _lineStarts[line] + col;
            int end = PatternExtent.End(_text, from);
            patternText = _text.Substring(from, end - from);
            pattern = ParsePattern(patternText, from);
            line = LineOf(end);
            s = Line(line);
            col = Math.Min(end - _lineStarts[line], s.Length);
            if (pattern is not null && !CountStates(pattern, location))
            {
                pattern = null;
            }
        }

        if (pattern is not null && conditions is not null && !CountMemberships(conditions.Count, line, 0))
        {
            pattern = null;
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

    private RulePattern? ParsePattern(string text, int offset)
    {
        if (text.Length == 0)
        {
            ReportAt(LexDiagnostics.BadPattern, offset, "a rule needs a pattern before its action");
            return null;
        }

        try
        {
            _patternDefinitions ??= new PatternDefinitions(_definitions);
            return RegexParser.ParseRule(text, _patternDefinitions, _caseless ? PatternFlags.CaseInsensitive : PatternFlags.None);
        }
        catch (RegexError error)
        {
            DiagnosticDescriptor descriptor = error.Kind switch
            {
                RegexErrorKind.UnknownDefinition => LexDiagnostics.UnknownDefinition,
                RegexErrorKind.TooLarge => LexDiagnostics.TooManyStates,
                _ => LexDiagnostics.BadPattern,
            };
            ReportAt(descriptor, offset + error.Offset, error.Message);
            _tooLargeReported |= error.Kind == RegexErrorKind.TooLarge;
            return null;
        }
    }

    /// <summary>
    /// Adds a rule's NFA states to the file's total; beyond <see cref="AutomatonLimits.MaxNfaStates"/>
    /// the rule that crosses it gets CG2007 (once) and the rule is dropped, so the model stays small.
    /// </summary>
    private bool CountStates(RulePattern pattern, LocationInfo location)
    {
        _nfaStates = Saturating.Add(_nfaStates, pattern.Whole.Weight);
        if (_nfaStates <= AutomatonLimits.MaxNfaStates)
        {
            return true;
        }

        if (!_tooLargeReported)
        {
            _tooLargeReported = true;
            _diagnostics.Add(DiagnosticInfo.Create(
                LexDiagnostics.TooManyStates, location, "the rules up to this one need more than " + AutomatonLimits.MaxNfaStates.ToString(CultureInfo.InvariantCulture) + " NFA states"));
        }

        return false;
    }

    /// <summary>
    /// Counts start-condition memberships (a rule or scope in N conditions is N); beyond
    /// <see cref="AutomatonLimits.MaxConditionMemberships"/>, CG2007 once and the rule or scope is dropped.
    /// </summary>
    private bool CountMemberships(int count, int line, int column)
    {
        _conditionMemberships += count;
        if (_conditionMemberships <= AutomatonLimits.MaxConditionMemberships)
        {
            return true;
        }

        if (!_tooLargeReported)
        {
            _tooLargeReported = true;
            Report(LexDiagnostics.TooManyStates, line, column, "rules and scopes belong to start conditions more than " + AutomatonLimits.MaxConditionMemberships.ToString(CultureInfo.InvariantCulture) + " times in all");
        }

        return false;
    }

    /// <summary>Numbers the rules, gives each its start conditions, and points '|' actions at the action they share.</summary>
    private EquatableArray<Rule> ResolveRules()
    {
        var rules = new List<Rule>();
        var indexes = new int[_rules.Count];
        EquatableArray<int> defaults = _conditions.Where(c => !c.Exclusive).Select(c => c.Number).ToEquatableArray();
        for (int i = 0; i < _rules.Count; i++)
        {
            PendingRule p = _rules[i];
            indexes[i] = -1;
            if (p.Pattern is null)
            {
                continue;
            }

            // A rule without a prefix is active in every inclusive condition: those count too.
            if (p.Conditions is null && !p.Pattern.IsEndOfFile && !CountMemberships(defaults.Count, LineOf(p.Location.Span.Start), 0))
            {
                continue;
            }

            EquatableArray<int> conditions = p.Conditions is { } listed
                ? listed.Distinct().OrderBy(n => n).ToEquatableArray()
                : p.Pattern.IsEndOfFile ? EquatableArray<int>.Empty : defaults;
            indexes[i] = rules.Count;
            rules.Add(new Rule(rules.Count, p.PatternText, p.Pattern, conditions, p.Action, rules.Count, p.Location));
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
