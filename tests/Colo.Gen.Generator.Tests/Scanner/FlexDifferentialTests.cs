using System.IO;
using Xunit;

namespace Colo.Gen.Generator.Tests.Scanner;

/// <summary>
/// Grammars built both by this generator and by Debian's flex tokenize thousands of random
/// inputs identically: the same rule numbers, token bytes and lengths, start conditions and
/// line numbers. Needs flex and gcc
/// (skipped with the reason on a machine without them; required in CI).
/// </summary>
public class FlexDifferentialTests
{
    private const int InputsPerSeed = 3000;

    public static TheoryData<string, string, string, string> Grammars => new()
    {
        {
            "disk.l shapes", "%x LEXERR\n",
            """
            [ \t\n]+/([^ \t\n].*)?     return 1;
            format=[^,]*,?             return 2;
            cdrom,?                    return 3;
            devtype=cdrom,?            return 4;
            devtype=[^,]*,?            return 5;
            colo-port=[^,]*,?          return 6;
            grant_usage=1,?            return 7;
            target=.*                  return 8;
            [a-z][-a-z0-9]*=[^,],?     return 9;
            (raw|qcow2?|vhd):/.*       return 10;
            (iscsi|e?nbd|drbd):/.*     return 11;
            tap2?:/.*                  return 12;
            [a-z][a-z0-9]*:/([^a-z0-9].*)? return 13;
            [^=,]*,|[^=,]+,?           return 14;
            .                          { Begin(LEXERR); More(); }
            <LEXERR>.*                 { Begin(INITIAL); return 15; }
            <LEXERR>\n                 { Begin(INITIAL); return 16; }

            """,
            "abcdefmortvgpqwx2=,:-_ \t\n/.\u00e9"
        },
        {
            "tokens", "DIGIT [0-9]\nID [a-z_][a-z0-9_]*\n",
            """
            if|else|while              return 1;
            {ID}                       return 2;
            {DIGIT}{1,3}               return 3;
            {DIGIT}+"."{DIGIT}*        return 4;
            \"([^"\\\n]|\\.)*\"        return 5;
            "/*"([^*]|\*+[^*/])*\*+"/" return 6;
            ^#[a-z]*                   return 7;
            [a-z]+$                    return 8;
            [^a-z0-9 \n]               return 9;
            [ \n]+                     return 10;
            .|\n                       return 11;

            """,
            "aeifls0129._\"\\/* \n#x"
        },
        {
            "conditions, yymore, yyless", "%x STR\n%s CMT\n",
            """
            \"                         { Begin(STR); More(); }
            <STR>[^"\n]+               { More(); }
            <STR>\"                    { Begin(INITIAL); return 1; }
            <STR>\n                    { Begin(INITIAL); return 2; }
            "(*"                       { Begin(CMT); return 3; }
            <CMT>"*)"                  { Begin(INITIAL); return 4; }
            <CMT>[a-z]+                return 5;
            abc                        { Less(1); return 6; }
            [a-z]                      return 7;
            <INITIAL,CMT>.|\n          return 8;

            """,
            "abc\"()*x\n "
        },
        {
            "unambiguous trailing context", "",
            """
            [a-z]+/[0-9]               return 1;
            [a-z]+/"="                 return 2;
            [0-9]+/[a-z]+,             return 3;
            ab/c*d                     return 4;
            x+/(y|yz)                  return 5;
            [a-z0-9]                   return 6;
            .|\n                       return 7;

            """,
            "abcdxyz09=,\n"
        },
    };

    /// <summary>
    /// %option yylineno: newlines in tokens, in text kept by More, given back by Less, cut off
    /// as trailing context, and counted by rules that can match a newline only.
    /// </summary>
    public static TheoryData<string, string, string, string> LineNumberGrammars => new()
    {
        {
            "yylineno", "%option yylineno\n%x STR\n",
            """
            \"                         { Begin(STR); More(); }
            <STR>[^"\n]*\n             { More(); }
            <STR>[^"\n]*\"             { Begin(INITIAL); return 1; }
            <STR>[^"\n]+               { Begin(INITIAL); return 2; }
            [a-z]+\n[a-z]*             { Less(2); return 3; }
            x\n/[a-z]                  return 4;
            [a-z]+/\n+[a-z]            return 5;
            \n\n+                      return 6;
            ^#.*                       return 7;
            [a-z]+$                    return 8;
            b\n*/\n#                   return 10;
            .|\n                       return 9;

            """,
            "abx#\"\n\n\n "
        },
        {
            // Xen's xl config lexer (libxlu_cfg_l.l), its actions reduced to returns: the next rule
            // file the project compiles, with yylineno and More/Begin into an exclusive condition.
            "xl config lexer shapes", "%option yylineno\n%x lexerr\n",
            """
            [a-z][._0-9a-z]*           return 1;
            [0-9][0-9a-fx]*            return 2;

            [ \t]

            ,                          return 3;
            \[                         return 4;
            \]                         return 5;
            \+\=                       return 6;
            \=                         return 7;
            \;                         return 8;
            \n|\#.*\n                 return 9;
            \'([^\'\\\n]|\\.)*\'       return 10;
            \"([^\"\\\n]|\\.)*\"       return 11;
            [+-.():]                   { Begin(lexerr); More(); }
            .                          { Begin(lexerr); More(); }
            <lexerr>[^ \t\n]*|[ \t]    { Begin(0); return 12; }
            <lexerr>\n                 { Begin(0); return 13; }

            """,
            "ab1x =+[],;'\"\\#.(\n\t\n"
        },
    };

    /// <summary>
    /// More, Less and Begin in one action and across returns: Less keeping part of the text
    /// More kept (the scan goes on from inside it), More after Less, Begin with both.
    /// </summary>
    public static TheoryData<string, string, string, string> MoreLessBeginGrammars => new()
    {
        {
            "More, Less, Begin", "%x K\n",
            """
            "~"                        { More(); return 1; }
            "^"                        { Begin(K); More(); }
            "%"[a-z]*                  { Begin(K); Less(1); }
            <K>[a-z]                   { More(); }
            <K>[0-9]                   { Begin(INITIAL); Less(Length > 2 ? 2 : 1); return 2; }
            <K>.|\n                    { Begin(INITIAL); return 3; }
            [0-9]+                     { if (Length > 1) { Less(1); } else { return 4; } }
            [a-z]{2}                   { More(); Less(Length - 1); }
            [a-z]                      { return 5; }
            .|\n                       return 6;

            """,
            "~^%ab12\n"
        },
    };

    /// <summary>
    /// The pattern language beyond disk.l: definitions that begin with '^' or end with '$' (pasted
    /// without parentheses, as flex does) used at the start, middle and end of rules; class set
    /// operations; pattern options and comments; %start; repeat counts above 1000.
    /// </summary>
    public static TheoryData<string, string, string, string> PatternLanguageGrammars => new()
    {
        {
            "anchored definitions", "%s S\nANCH ^\"%\"\nANCHALT ^[a-c]|b\nTAIL \"~\"$\nTAILALT x|y$\nNESTED {TAIL}\n",
            """
            {ANCH}[a-z]+               return 1;
            <S>{ANCHALT}c              return 2;
            {TAIL}                     return 3;
            a{TAIL}                    return 4;
            {TAIL}x                    return 5;
            {TAIL}|b                   return 6;
            z{TAILALT}                 return 7;
            {NESTED}y                  return 8;
            "!"                        { Begin(S); return 9; }
            "?"                        { Begin(INITIAL); return 10; }
            .|\n                       return 11;

            """,
            "%abcxyz~$!?\n"
        },
        {
            "class set operations", "",
            """
            [a-z]{-}[aeiou]+           return 1;
            [a-c]{+}[0-2]+             return 2;
            [^a-c]{-}[\n]              return 3;
            [a-z]{-}[b-y]{+}[4-5]      return 4;
            (?i:[a-d]{-}[b])           return 5;
            [[:alpha:]]{-}[[:lower:]]  return 6;
            .|\n                       return 7;

            """,
            "abcdeuxzAB0145!\n"
        },
        {
            "pattern options", "%start LONG\n",
            """
            (?i:ab)                    return 1;
            (?s:c.)                    return 2;
            (?x: d e /* two letters */ ) return 3;
            (?#a comment)f             return 4;
            (?i-s:g.)                  return 5;
            (?i:[x-z]+)(?-i:q)         return 6;
            (?x: h
                 (?-x:i" "j)
            )                          return 7;
            (?:k|l)+                   return 8;
            <LONG>a{1001}              return 9;
            "#"                        { Begin(LONG); return 10; }
            .|\n                       return 11;

            """,
            "aAbBcCdefgGhij kKlLqQxXzZ# \n"
        },
        {
            "caseless pattern options", "%option caseless\n",
            """
            (?-i:ab)                   return 1;
            a[b-d]                     return 2;
            (?-i:[x-z])(?i:[x-z])      return 3;
            [[:upper:]]{3}             return 4;
            .|\n                       return 5;

            """,
            "aAbBcCdDxXyYzZ\n"
        },
    };

    /// <summary>
    /// %option stack and REJECT. REJECT grammars trace, in a field both languages declare the
    /// same way, the rules whose actions ran before one returned; one rejects after More, one
    /// after Less, and one rule has a fixed-length trailing context.
    /// </summary>
    public static TheoryData<string, string, string, string> FeatureGrammars => new()
    {
        {
            "start-condition stack", "%option stack\n%x PAREN BRACK\n",
            """
            <INITIAL,PAREN,BRACK>"("   { PushState(PAREN); return 1; }
            <INITIAL,PAREN,BRACK>"["   { PushState(BRACK); return 2; }
            <PAREN>")"                 { PopState(); return 3; }
            <BRACK>"]"                 { PopState(); return 4; }
            <PAREN,BRACK>"?"           { return 10 + TopState(); }
            <PAREN,BRACK>"!"           { Begin(INITIAL); return 7; }
            <PAREN,BRACK>[a-z]+        return 5;
            <*>.|\n                    return 6;

            """,
            "()[]?!ab\n"
        },
        {
            "REJECT", "%{\nint Trace;\n%}\n",
            """
            abc                        { Trace = (Trace * 10 + 1) % 1000003; Reject(); }
            [a-c]+                     { Trace = (Trace * 10 + 2) % 1000003; if (Length > 2) { Reject(); } else { int t = Trace; Trace = 0; return t + 100; } }
            ab|bc                      { Trace = (Trace * 10 + 3) % 1000003; Reject(); }
            b/c                        { Trace = (Trace * 10 + 4) % 1000003; Reject(); }
            x+                         { More(); Reject(); }
            y[a-c]                     { Less(1); Trace = (Trace * 10 + 6) % 1000003; Reject(); }
            .|\n                       { int t = (Trace * 10 + 5) % 1000003; Trace = 0; return t + 100; }

            """,
            "abcxy\n"
        },
    };

    [Theory]
    [MemberData(nameof(FeatureGrammars))]
    public void GeneratedScanner_HasFlexsOptionalFeatures(string name, string definitions, string rules, string alphabet) =>
        GeneratedScanner_TokenizesAsFlex(name, definitions, rules, alphabet);

    [Theory]
    [MemberData(nameof(PatternLanguageGrammars))]
    public void GeneratedScanner_ReadsThePatternLanguageAsFlex(string name, string definitions, string rules, string alphabet) =>
        GeneratedScanner_TokenizesAsFlex(name, definitions, rules, alphabet);

    [Theory]
    [MemberData(nameof(MoreLessBeginGrammars))]
    public void GeneratedScanner_KeepsAndGivesBackTextAsFlex(string name, string definitions, string rules, string alphabet) =>
        GeneratedScanner_TokenizesAsFlex(name, definitions, rules, alphabet);

    [Theory]
    [MemberData(nameof(LineNumberGrammars))]
    public void GeneratedScanner_CountsLinesAsFlex(string name, string definitions, string rules, string alphabet) =>
        GeneratedScanner_TokenizesAsFlex(name, definitions, rules, alphabet);

    [Theory]
    [MemberData(nameof(Grammars))]
    public void GeneratedScanner_TokenizesAsFlex(string name, string definitions, string rules, string alphabet)
    {
        // A directory of its own: test runs of other checkouts on the same machine build twins too.
        string directory = Directory.CreateTempSubdirectory("colo-gen-flex-").FullName;
        FlexTwin flex;
        try
        {
            flex = FlexTwin.Build(definitions, rules, directory);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }

        using var cleanup = flex;
        // Both walks of the generated scanner: the direct-coded one and the table walk.
        ScannerHarness direct = ScannerHarness.Build(definitions + "%%\n" + rules, trace: true, ScannerWalk.Direct);
        ScannerHarness tables = ScannerHarness.Build(definitions + "%%\n" + rules, trace: true, ScannerWalk.Tables);
        foreach (int seed in new[] { 1, 2, 3 })
        {
            var inputs = FlexTwin.RandomInputs(seed, InputsPerSeed, alphabet, 24);
            var expected = flex.Scan(inputs);
            for (int i = 0; i < inputs.Count; i++)
            {
                foreach ((string walk, ScannerHarness ours) in new[] { ("direct code", direct), ("tables", tables) })
                {
                    string actual = ours.Scan(inputs[i]);
                    Assert.True(
                        expected[i] == actual,
                        $"{name} ({walk}), seed {seed}, input {i} \"{System.Convert.ToHexString(inputs[i])}\":\nflex:\n{expected[i]}\nours:\n{actual}");
                }
            }
        }
    }
}
