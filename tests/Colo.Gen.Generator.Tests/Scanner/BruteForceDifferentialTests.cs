using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit;
using DotnetRegex = System.Text.RegularExpressions.Regex;

namespace Colo.Gen.Generator.Tests.Scanner;

/// <summary>
/// Random grammars over a three-letter alphabet, each rule a random pattern and some with a
/// random trailing context, scanned by the generated scanner and by a brute-force reference that
/// applies the definition directly: at each position, the longest total match of any rule (ties to
/// the earlier rule), and for r/s the longest head r whose rest matches s (POSIX). Membership is
/// decided by .NET's regex engine on whole strings, so the reference shares no code with the DFA.
/// </summary>
public class BruteForceDifferentialTests
{
    private const int Grammars = 60;
    private const int InputsPerGrammar = 300;

    [Fact]
    public void RandomGrammars_TokenizeAsTheDefinitionSays()
    {
        var random = new Random(20261125);
        int splitTokens = 0;
        for (int g = 0; g < Grammars; g++)
        {
            var rules = new List<(string Head, string? Tail)>();
            int count = random.Next(2, 6);
            for (int i = 0; i < count; i++)
            {
                string head = Atom(random) + Pattern(random, random.Next(3) == 0 ? 2 : 3);
                string? tail = random.Next(3) == 0 ? Pattern(random, 3) : null;
                rules.Add((head, tail));
            }

            var grammar = new StringBuilder("%%\n");
            for (int i = 0; i < rules.Count; i++)
            {
                grammar.Append(rules[i].Head).Append(rules[i].Tail is null ? string.Empty : "/" + rules[i].Tail).Append(" return ").Append(i + 1).Append(";\n");
            }

            grammar.Append(". return ").Append(rules.Count + 1).Append(";\n");
            ScannerHarness direct = ScannerHarness.Build(grammar.ToString(), walk: ScannerWalk.Direct);
            ScannerHarness tables = ScannerHarness.Build(grammar.ToString(), walk: ScannerWalk.Tables);
            var reference = new Reference(rules);
            for (int n = 0; n < InputsPerGrammar; n++)
            {
                var input = new char[random.Next(1, 11)];
                for (int k = 0; k < input.Length; k++)
                {
                    input[k] = "abc"[random.Next(3)];
                }

                string text = new(input);
                string expected = reference.Scan(text);
                string actual = direct.Scan(text);
                Assert.True(expected == actual, $"grammar:\n{grammar}input \"{text}\"\nexpected:\n{expected}direct code:\n{actual}");
                actual = tables.Scan(text);
                Assert.True(expected == actual, $"grammar:\n{grammar}input \"{text}\"\nexpected:\n{expected}tables:\n{actual}");
            }

            splitTokens += reference.ContextTokens;
        }

        // The grammars must have exercised the interesting case: tokens cut before a non-empty context.
        Assert.True(splitTokens > 1000, $"only {splitTokens} tokens were followed by a non-empty trailing context");
    }

    /// <summary>One byte: a letter, a class or a negated class (the first item of every head, so heads are never empty).</summary>
    private static string Atom(Random random) => random.Next(5) switch
    {
        0 => "a",
        1 => "b",
        2 => "[ab]",
        3 => "[^a]",
        _ => ".",
    };

    /// <summary>A random pattern in the syntax flex and .NET share: letters, classes, '.', groups, | * + ? {n,m}.</summary>
    private static string Pattern(Random random, int depth)
    {
        if (depth == 0 || random.Next(4) == 0)
        {
            return random.Next(6) == 0 ? string.Empty : Atom(random);
        }

        string inner = Pattern(random, depth - 1);
        string other = Pattern(random, depth - 1);
        string group = "(" + (inner.Length == 0 ? "c" : inner) + ")";
        return random.Next(7) switch
        {
            0 => inner + other,
            1 => "(" + (inner.Length == 0 ? "a" : inner) + "|" + (other.Length == 0 ? "b" : other) + ")",
            2 => group + "*",
            3 => group + "+",
            4 => group + "?",
            5 => group + "{1,2}",
            _ => inner + other,
        };
    }

    /// <summary>The definition of flex's matching, applied by brute force.</summary>
    private sealed class Reference
    {
        private readonly List<(DotnetRegex Whole, DotnetRegex Head, DotnetRegex? Tail)> _rules = new();

        public Reference(List<(string Head, string? Tail)> rules)
        {
            foreach ((string head, string? tail) in rules)
            {
                _rules.Add((Whole(head + (tail ?? string.Empty)), Whole(head), tail is null ? null : Whole(tail)));
            }
        }

        /// <summary>How many tokens so far ended before a non-empty trailing context.</summary>
        public int ContextTokens { get; private set; }

        public string Scan(string input)
        {
            var output = new StringBuilder();
            int at = 0;
            while (at < input.Length)
            {
                int best = -1, bestEnd = -1;
                for (int i = 0; i < _rules.Count; i++)
                {
                    for (int end = input.Length; end > at && end > bestEnd; end--)
                    {
                        if (_rules[i].Whole.IsMatch(input[at..end]))
                        {
                            best = i;
                            bestEnd = end;
                            break;
                        }
                    }
                }

                int tokenEnd;
                int rule;
                if (best < 0)
                {
                    rule = _rules.Count;
                    tokenEnd = at + 1;
                }
                else
                {
                    rule = best;
                    tokenEnd = bestEnd;
                    if (_rules[best].Tail is { } tail)
                    {
                        tokenEnd = -1;
                        for (int h = bestEnd; h >= at && tokenEnd < 0; h--)
                        {
                            if (_rules[best].Head.IsMatch(input[at..h]) && tail.IsMatch(input[h..bestEnd]))
                            {
                                tokenEnd = h;
                                ContextTokens += h < bestEnd ? 1 : 0;
                            }
                        }
                    }
                }

                if (tokenEnd == at)
                {
                    output.Append("JAM ").Append(at).Append('\n');
                    break;
                }

                output.Append(rule + 1).Append(' ').Append(Convert.ToHexString(Encoding.ASCII.GetBytes(input[at..tokenEnd]))).Append('\n');
                at = tokenEnd;
            }

            return output.ToString();
        }

        private static DotnetRegex Whole(string pattern) =>
            new("^(?:" + pattern + ")$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }
}
