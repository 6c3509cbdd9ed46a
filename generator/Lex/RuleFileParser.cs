using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Colo.Gen.Generator.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// Reads a flex-style rule file: the definitions section (<c>%option</c>, <c>%x</c>/<c>%s</c>,
/// <c>%{ %}</c>, <c>%top{ }</c>, <c>NAME regex</c>), the rules section (<c>&lt;SC,...&gt;</c>
/// prefixes and scopes, <c>&lt;&lt;EOF&gt;&gt;</c>, brace actions spanning lines, one-line
/// actions, <c>|</c>), and the user-code section. Problems become diagnostics at their
/// line and column; reading goes on where it can.
/// </summary>
internal sealed partial class RuleFileParser
{
    private readonly string _path;
    private readonly string _text;
    private readonly CancellationToken _cancellation;
    private readonly List<int> _lineStarts = new();
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly Dictionary<string, string> _definitions = new(StringComparer.Ordinal);
    private readonly List<StartCondition> _conditions = new() { new StartCondition("INITIAL", 0, Exclusive: false) };
    private readonly Dictionary<string, (int Line, int Column)> _conditionLocations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StartCondition> _conditionsByName = new(StringComparer.Ordinal) { ["INITIAL"] = new StartCondition("INITIAL", 0, Exclusive: false) };
    private readonly List<CodeBlock> _top = new();
    private readonly List<CodeBlock> _members = new();
    private readonly List<CodeBlock> _prologue = new();
    private readonly List<PendingRule> _rules = new();
    private string _className;
    private string? _namespace;
    private bool _noDefault;
    private bool _caseless;
    private PatternDefinitions? _patternDefinitions;
    private long _nfaStates;
    private long _conditionMemberships;
    private bool _tooLargeReported;
    private bool _lineNumbers;
    private bool _stack;
    private bool? _rejectOption;
    private bool _directCode = true;

    private RuleFileParser(string path, string text, string className, string? ns, CancellationToken cancellation)
    {
        _path = path;
        _text = text;
        _className = className;
        _namespace = ns;
        _cancellation = cancellation;
        _lineStarts.Add(0);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    private int LineCount => _lineStarts.Count;

    /// <summary>Reads a rule file. The model is null only when the file's structure could not be read at all.</summary>
    public static Result<RuleFile> Parse(string path, string text, string? defaultNamespace, CancellationToken cancellation = default)
    {
        var parser = new RuleFileParser(path, text, DefaultClassName(path), defaultNamespace, cancellation);
        RuleFile? model = parser.ParseFile();
        return Result<RuleFile>.From(model, parser._diagnostics);
    }

    /// <summary>
    /// For a file whose structure could not be read (no '%%' line, CG2009, or a '%{' or comment left
    /// open that swallowed it): the declarations before the first error, read as if a '%%' line
    /// followed them, only to learn the class, namespace and start conditions the file declares (the
    /// generator emits a scanner without rules from them). <paramref name="diagnostics"/> are the
    /// first read's and stay the only ones reported.
    /// </summary>
    public static RuleFile? DeclarationsBeforeFirstError(string path, string text, string? defaultNamespace, EquatableArray<DiagnosticInfo> diagnostics, CancellationToken cancellation = default)
    {
        int firstErrorLine = int.MaxValue;
        foreach (DiagnosticInfo d in diagnostics)
        {
            if (d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error && d.Location is { } where)
            {
                firstErrorLine = Math.Min(firstErrorLine, where.LineSpan.Start.Line);
            }
        }

        int end = 0;
        for (int line = 0; line < firstErrorLine; line++)
        {
            int newline = text.IndexOf('\n', end);
            if (newline < 0)
            {
                end = text.Length;
                break;
            }

            end = newline + 1;
        }

        return Parse(path, text.Substring(0, end) + "\n%%\n", defaultNamespace, cancellation).Model;
    }

    /// <summary>The class a file's scanner gets without <c>%option class</c>: <c>disk_spec.l</c> → <c>DiskSpecScanner</c>.</summary>
    public static string DefaultClassName(string path)
    {
        string name = System.IO.Path.GetFileNameWithoutExtension(path);
        var sb = new System.Text.StringBuilder();
        bool upper = true;
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        if (sb.Length == 0 || char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        return sb.Append("Scanner").ToString();
    }

    private RuleFile? ParseFile()
    {
        int line = ParseDefinitionsSection();
        if (line >= LineCount)
        {
            Report(LexDiagnostics.MalformedLine, LineCount - 1, 0, "The rule file has no '%%' line: a rule file is definitions, '%%', rules");
            return null;
        }

        line = ParseRulesSection(line + 1);
        if (line < LineCount)
        {
            // The user-code section: members of the scanner class.
            int start = _lineStarts[line];
            if (start < _text.Length)
            {
                _members.Add(new CodeBlock(_text.Substring(start), line, 0));
            }
        }

        if (_conditionLocations.TryGetValue(_className, out (int Line, int Column) clash))
        {
            Report(LexDiagnostics.ReservedName, clash.Line, clash.Column, _className, "start condition", "the scanner class has that name");
        }

        EquatableArray<Rule> rules = ResolveRules();
        if (rules.Count == 0)
        {
            Report(LexDiagnostics.EmptyRuleFile, 0, 0);
        }

        return new RuleFile(
            _path,
            _className,
            _namespace,
            new ScannerOptions(_noDefault, _caseless, _lineNumbers, _stack, _rejectOption ?? rules.Any(r => r.Action is { } action && CSharpCode.FindCalls(action.Text, "Reject").Count > 0), _directCode),
            _conditions.ToEquatableArray(),
            _top.ToEquatableArray(),
            _members.ToEquatableArray(),
            _prologue.ToEquatableArray(),
            rules);
    }

    /// <summary>Reads up to the first <c>%%</c> line; returns its line number (or the line count when missing).</summary>
    private int ParseDefinitionsSection()
    {
        int line = 0;
        while (line < LineCount)
        {
            _cancellation.ThrowIfCancellationRequested();
            string s = Line(line);
            if (s.StartsWith("%%", StringComparison.Ordinal))
            {
                return line;
            }

            if (s.StartsWith("%{", StringComparison.Ordinal))
            {
                line = ReadPercentBlock(line, _members);
            }
            else if (s.StartsWith("%top", StringComparison.Ordinal))
            {
                line = ReadTopBlock(line);
            }
            else if (s.StartsWith("%option", StringComparison.Ordinal))
            {
                ReadOptions(line, s);
                line++;
            }
            else if (StartConditionDirective(s) > 0)
            {
                ReadStartConditions(line, s);
                line++;
            }
            else if (s.StartsWith("%array", StringComparison.Ordinal) || s.StartsWith("%pointer", StringComparison.Ordinal) || IsTableSizeDirective(s))
            {
                line++;
            }
            else if (s.StartsWith("%", StringComparison.Ordinal))
            {
                Report(LexDiagnostics.MalformedLine, line, 0, "Unknown directive '" + s.Split(' ', '\t')[0] + "'");
                line++;
            }
            else if (s.Trim().Length == 0)
            {
                line++;
            }
            else if (char.IsWhiteSpace(s[0]))
            {
                line = ReadIndented(line, _members, gatherFollowing: true);
            }
            else if (s.StartsWith("/*", StringComparison.Ordinal))
            {
                line = SkipComment(line);
            }
            else
            {
                ReadDefinition(line, s);
                line++;
            }
        }

        return line;
    }

    /// <summary>
    /// AT&amp;T lex's table-size lines (<c>%e 2000</c>, <c>%p 5000</c>, one of <c>aceknopr</c> then
    /// whitespace or a number), which flex accepts and ignores.
    /// </summary>
    private static bool IsTableSizeDirective(string s) =>
        s.Length >= 2 && s[0] == '%' && "aceknopr".IndexOf(char.ToLowerInvariant(s[1])) >= 0
        && (s.Length == 2 || char.IsWhiteSpace(s[2]) || s.Substring(2).Trim().All(char.IsDigit));

    private void ReadDefinition(int line, string s)
    {
        int i = 0;
        while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_' || s[i] == '-'))
        {
            i++;
        }

        if (i == 0 || char.IsDigit(s[0]) || s[0] == '-')
        {
            Report(LexDiagnostics.MalformedLine, line, 0, "Expected a definition 'NAME pattern', an option or '%%'");
            return;
        }

        string name = s.Substring(0, i);
        string body = s.Substring(i).Trim();
        if (body.Length == 0 || !char.IsWhiteSpace(s[i]))
        {
            Report(LexDiagnostics.MalformedLine, line, i, "Definition '" + name + "' has no pattern");
            return;
        }

        if (_definitions.ContainsKey(name))
        {
            Report(LexDiagnostics.MalformedLine, line, 0, "Definition '" + name + "' is given twice");
            return;
        }

        _definitions[name] = body;
    }

    /// <summary>Reads <c>%{ ... %}</c>; returns the line after <c>%}</c>.</summary>
    private int ReadPercentBlock(int line, List<CodeBlock> into)
    {
        int first = line + 1;
        for (int l = first; l < LineCount; l++)
        {
            if (Line(l).StartsWith("%}", StringComparison.Ordinal))
            {
                into.Add(new CodeBlock(Lines(first, l), first, 0));
                return l + 1;
            }
        }

        Report(LexDiagnostics.UnterminatedCode, line, 0, "%{", "%}");
        return LineCount;
    }

    /// <summary>Reads <c>%top{ ... }</c> (brace-matched); returns the line after it.</summary>
    private int ReadTopBlock(int line)
    {
        int open = _text.IndexOf('{', _lineStarts[line]);
        if (open < 0 || LineOf(open) != line)
        {
            Report(LexDiagnostics.MalformedLine, line, 0, "'%top' must be followed by '{'");
            return line + 1;
        }

        int close = CSharpCode.FindClosingBrace(_text, open);
        if (close < 0)
        {
            Report(LexDiagnostics.UnterminatedCode, line, open - _lineStarts[line], "%top{", "}");
            return LineCount;
        }

        int bodyLine = line + 1;
        int bodyStart = Math.Min(_lineStarts[Math.Min(bodyLine, LineCount - 1)], close);
        _top.Add(new CodeBlock(_text.Substring(bodyStart, close - bodyStart), LineOf(bodyStart), bodyStart - _lineStarts[LineOf(bodyStart)]));
        return LineOf(close) + 1;
    }

    /// <summary>
    /// Reads an indented line (and the lines a comment opened there spans) as one code block;
    /// with <paramref name="gatherFollowing"/>, the indented lines after it join the block too.
    /// Returns the next line. Without a list, code (not comments) is reported as stray.
    /// </summary>
    private int ReadIndented(int line, List<CodeBlock>? into, bool gatherFollowing)
    {
        int first = line;
        int end = CSharpCode.EndOfLineOutsideComment(_text, _lineStarts[first]);
        if (end < 0)
        {
            Report(LexDiagnostics.UnterminatedCode, first, 0, "/*", "*/");
            return LineCount;
        }

        int l = LineOf(end) + 1;

        while (gatherFollowing && l < LineCount && Line(l).Length > 0 && char.IsWhiteSpace(Line(l)[0]) && Line(l).Trim().Length > 0)
        {
            l++;
        }

        string text = Lines(first, l);
        if (into is not null)
        {
            into.Add(new CodeBlock(text, first, 0));
        }
        else if (CSharpCode.HasCode(text))
        {
            Report(LexDiagnostics.StrayCode, first, 0);
        }

        return l;
    }

    private int SkipComment(int line)
    {
        int start = _lineStarts[line];
        int close = _text.IndexOf("*/", start + 2, StringComparison.Ordinal);
        if (close < 0)
        {
            Report(LexDiagnostics.UnterminatedCode, line, 0, "/*", "*/");
            return LineCount;
        }

        return LineOf(close) + 1;
    }

    private string Line(int line)
    {
        int start = _lineStarts[line];
        int end = line + 1 < LineCount ? _lineStarts[line + 1] - 1 : _text.Length;
        if (end > start && _text[end - 1] == '\r')
        {
            end--;
        }

        return _text.Substring(start, Math.Max(0, end - start));
    }

    /// <summary>The text of lines [from, to), newlines included.</summary>
    private string Lines(int from, int to)
    {
        int start = _lineStarts[Math.Min(from, LineCount - 1)];
        int end = to < LineCount ? _lineStarts[to] : _text.Length;
        return from >= LineCount ? string.Empty : _text.Substring(start, Math.Max(0, end - start));
    }

    private int LineOf(int offset)
    {
        int index = _lineStarts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }

    private LocationInfo Location(int line, int column, int length = 0)
    {
        int offset = Math.Min(_text.Length, _lineStarts[Math.Min(line, LineCount - 1)] + column);
        return new LocationInfo(
            _path,
            new TextSpan(offset, Math.Max(0, Math.Min(length, _text.Length - offset))),
            new LinePositionSpan(new LinePosition(line, column), new LinePosition(line, column + length)));
    }

    private void Report(DiagnosticDescriptor descriptor, int line, int column, params string[] args) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, Location(Math.Max(0, line), column), args));

    /// <summary>Reports at an offset of the file's text.</summary>
    private void ReportAt(DiagnosticDescriptor descriptor, int offset, params string[] args)
    {
        int line = LineOf(Math.Min(offset, _text.Length));
        Report(descriptor, line, Math.Min(offset, _text.Length) - _lineStarts[line], args);
    }
}
