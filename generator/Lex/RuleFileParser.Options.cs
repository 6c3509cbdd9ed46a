using System;
using System.Collections.Generic;
using System.Linq;

namespace Colo.Gen.Generator.Lex;

/// <summary><c>%option</c> lines: the options honoured, the ones accepted without effect, the unsupported ones.</summary>
internal sealed partial class RuleFileParser
{
    /// <summary>Options flex users write that have no meaning for a C# scanner: accepted silently.</summary>
    private static readonly HashSet<string> NoEffectOptions = new(StringComparer.Ordinal)
    {
        "yywrap", "unput", "input", "batch", "interactive", "never-interactive", "always-interactive",
        "fast", "full", "ecs", "meta-ecs", "align", "read", "perf-report", "verbose", "warn", "debug",
        "reentrant", "bison-bridge", "bison-locations", "line", "prefix", "outfile", "header-file",
        "header", "tables-file", "extra-type", "yyclass", "array", "pointer", "main", "8bit", "7bit",
        "yymore", "ansi-definitions", "ansi-prototypes", "backup", "trace", "stdinit",
        "c++", "yylex", "noline", "default", "unistd",
    };

    /// <summary>
    /// Options that change a flex scanner in ways this generator does not reproduce: lex-compat
    /// (AT&amp;T lex's unparenthesized definitions and more) and posix-compat (POSIX repeat
    /// precedence, no <c>(?...)</c> groups). docs/scanner.md lists them.
    /// </summary>
    private static readonly HashSet<string> UnsupportedOptions = new(StringComparer.Ordinal)
    {
        "lex-compat", "posix-compat",
    };

    private void ReadOptions(int line, string s)
    {
        int i = "%option".Length;
        while (i < s.Length)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            if (i >= s.Length)
            {
                break;
            }

            int start = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != '=')
            {
                i++;
            }

            string name = s.Substring(start, i - start);
            string? value = null;
            if (i < s.Length && s[i] == '=')
            {
                i++;
                if (i < s.Length && s[i] == '"')
                {
                    int close = s.IndexOf('"', i + 1);
                    if (close < 0)
                    {
                        Report(LexDiagnostics.MalformedLine, line, i, "The value of %option " + name + " has no closing '\"'");
                        return;
                    }

                    value = s.Substring(i + 1, close - i - 1);
                    i = close + 1;
                }
                else
                {
                    int vs = i;
                    while (i < s.Length && !char.IsWhiteSpace(s[i]))
                    {
                        i++;
                    }

                    value = s.Substring(vs, i - vs);
                }
            }

            ApplyOption(line, start, name, value);
        }
    }

    private void ApplyOption(int line, int column, string name, string? value)
    {
        switch (name)
        {
            case "class":
            case "namespace":
                if (value is null || !value.Split('.').All(IsIdentifier) || (name == "class" && value.Contains('.')))
                {
                    Report(LexDiagnostics.MalformedLine, line, column, "%option " + name + " needs a C# " + (name == "class" ? "class name" : "namespace") + ", as " + name + "=\"Name\"");
                }
                else if ((name == "class" ? ReservedReason(value) : value.Split('.').Select(KeywordReason).FirstOrDefault(r => r is not null)) is { } reason)
                {
                    Report(LexDiagnostics.ReservedName, line, column, value, name == "class" ? "scanner class" : "namespace", reason);
                }
                else if (name == "class")
                {
                    _className = value;
                }
                else
                {
                    _namespace = value;
                }

                return;
            case "nodefault":
                _noDefault = true;
                return;
            case "caseless":
            case "case-insensitive":
                _caseless = true;
                return;
            case "case-sensitive":
            case "caseful":
                _caseless = false;
                return;
            case "yylineno":
                _lineNumbers = true;
                return;
            case "noyylineno":
                _lineNumbers = false;
                return;
            case "stack":
                _stack = true;
                return;
            case "nostack":
                _stack = false;
                return;
            case "reject":
            case "noreject":
                _rejectOption = name == "reject";
                return;
            case "direct-code":
            case "nodirect-code":
                _directCode = name == "direct-code";
                return;
        }

        string bare = name.StartsWith("no", StringComparison.Ordinal) ? name.Substring(2) : name;
        if (UnsupportedOptions.Contains(name))
        {
            Report(LexDiagnostics.UnsupportedOption, line, column, name);
        }
        else if (!NoEffectOptions.Contains(name) && !NoEffectOptions.Contains(bare) && !UnsupportedOptions.Contains(bare) && !bare.StartsWith("yy", StringComparison.Ordinal))
        {
            Report(LexDiagnostics.UnknownOption, line, column, name);
        }
    }
}
