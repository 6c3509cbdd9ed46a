// TEMPORARY: a stand-in for the scanner half that the `lex` generator will emit from
// grammar/disk.l. It runs each rule as a .NET regex over the input's bytes (read as
// Latin-1, one char a byte), picks the longest match (ties: earliest rule), and runs
// a copy of the rule file's actions. Slow and throwaway: delete once main generates
// DiskSpecScanner from grammar/disk.l.
using System;
using System.Text;
using System.Text.RegularExpressions;

namespace Colo.Gen;

/// <summary>Stand-in for the generated disk-spec scanner.</summary>
internal sealed partial class DiskSpecScanner
{
    /// <summary>The INITIAL start condition.</summary>
    public const int INITIAL = 0;

    /// <summary>The LEXERR start condition.</summary>
    public const int LEXERR = 1;

    /// <summary>What Lex returns when no rule matches.</summary>
    public const int ScannerJammed = -1;

    private static readonly (int Condition, Regex Pattern)[] Rules = Build(
        (0, @"(?<h>[ \t\n]+)(?:[^ \t\n].*)?"),
        (0, "format=[^,]*,?"),
        (0, "cdrom,?"),
        (0, "devtype=cdrom,?"),
        (0, "devtype=disk,?"),
        (0, "devtype=[^,]*,?"),
        (0, "access=[^,]*,?"),
        (0, "backend=[^,]*,?"),
        (0, "backendtype=[^,]*,?"),
        (0, "specification=[^,]*,?"),
        (0, "vdev=[^,]*,?"),
        (0, "script=[^,]*,?"),
        (0, "direct-io-safe,?"),
        (0, "discard,?"),
        (0, "no-discard,?"),
        (0, "colo,?"),
        (0, "no-colo,?"),
        (0, "colo-params=[^,]*,?"),
        (0, "colo-host=[^,]*,?"),
        (0, "colo-port=[^,]*,?"),
        (0, "colo-export=[^,]*,?"),
        (0, "active-disk=[^,]*,?"),
        (0, "hidden-disk=[^,]*,?"),
        (0, "trusted,?"),
        (0, "untrusted,?"),
        (0, "grant_usage=1,?"),
        (0, "grant_usage=0,?"),
        (0, "target=.*"),
        (0, "[a-z][-a-z0-9]*=[^,],?"),
        (0, "(?<h>(?:raw|qcow2?|vhd):).*"),
        (0, "(?<h>(?:iscsi|e?nbd|drbd):).*"),
        (0, "(?<h>tapdisk:).*"),
        (0, "(?<h>tap2?:).*"),
        (0, "(?<h>aio:).*"),
        (0, "(?<h>ioemu:).*"),
        (0, "(?<h>file:).*"),
        (0, "(?<h>phy:).*"),
        (0, "(?<h>[a-z][a-z0-9]*:)(?:[^a-z0-9].*)?"),
        (0, "[^=,]*,|[^=,]+,?"),
        (0, "."),
        (1, ".*"));

    private byte[] buffer = new byte[256];
    private int length;
    private string latin = string.Empty;
    private int position;
    private int tokenStart;
    private int tokenLength;
    private bool more;

    /// <summary>True after Lex met input no rule matches.</summary>
    public bool IsJammed { get; private set; }

    /// <summary>Where no rule matched.</summary>
    public int JamPosition { get; private set; }

    /// <summary>The current start condition.</summary>
    public int StartCondition { get; private set; }

    /// <summary>The input.</summary>
    public ReadOnlySpan<byte> Input => buffer.AsSpan(0, length);

    /// <summary>yytext.</summary>
    public ReadOnlySpan<byte> TextSpan => buffer.AsSpan(tokenStart, tokenLength);

    /// <summary>yytext decoded.</summary>
    public string Text => Encoding.UTF8.GetString(TextSpan);

    /// <summary>yyleng.</summary>
    public int Length => tokenLength;

    /// <summary>Offset of yytext.</summary>
    public int TokenStart => tokenStart;

    /// <summary>Sets the input.</summary>
    public void SetInput(string text) => SetInput(Encoding.UTF8.GetBytes(text));

    /// <summary>Sets the input.</summary>
    public void SetInput(ReadOnlySpan<byte> utf8)
    {
        if (buffer.Length < utf8.Length)
        {
            buffer = new byte[utf8.Length];
        }

        utf8.CopyTo(buffer);
        length = utf8.Length;
        latin = Encoding.Latin1.GetString(utf8);
        position = 0;
        tokenStart = 0;
        tokenLength = 0;
        more = false;
        IsJammed = false;
        JamPosition = 0;
        StartCondition = INITIAL;
    }

    /// <summary>BEGIN.</summary>
    public void Begin(int condition) => StartCondition = condition;

    /// <summary>yymore.</summary>
    public void More() => more = true;

    /// <summary>yyless.</summary>
    public void Less(int n)
    {
        tokenLength = n;
        position = tokenStart + n;
    }

    /// <summary>yylex.</summary>
    public int Lex()
    {
        while (true)
        {
            if (position >= length)
            {
                return 0;
            }

            int best = -1, bestTotal = 0, bestHead = 0;
            for (int i = 0; i < Rules.Length; i++)
            {
                if (Rules[i].Condition != StartCondition)
                {
                    continue;
                }

                Match m = Rules[i].Pattern.Match(latin, position);
                if (!m.Success || m.Length == 0 || m.Length <= bestTotal)
                {
                    continue;
                }

                best = i;
                bestTotal = m.Length;
                bestHead = m.Groups["h"].Success ? m.Groups["h"].Length : m.Length;
            }

            if (best < 0)
            {
                IsJammed = true;
                JamPosition = position;
                return ScannerJammed;
            }

            int start = more ? tokenStart : position;
            more = false;
            tokenStart = start;
            tokenLength = position + bestHead - start;
            position += bestHead;
            int? result = Act(best);
            if (result is int r)
            {
                return r;
            }
        }
    }

    private static (int, Regex)[] Build(params (int Condition, string Pattern)[] rules)
    {
        var built = new (int, Regex)[rules.Length];
        for (int i = 0; i < rules.Length; i++)
        {
            built[i] = (rules[i].Condition, new Regex(@"\G(?:" + rules[i].Pattern + ")", RegexOptions.CultureInvariant));
        }

        return built;
    }

    // A copy of grammar/disk.l's actions, by rule number.
    private int? Act(int rule)
    {
        switch (rule)
        {
            case 0: break;
            case 1: SetFormat(FromEquals(Stripped((byte)','))); break;
            case 2: Disk.IsCdrom = 1; break;
            case 3: Disk.IsCdrom = 1; break;
            case 4: Disk.IsCdrom = 0; break;
            case 5: Error(TextSpan, "unknown value for type"); break;
            case 6: SetAccess(FromEquals(Stripped((byte)','))); break;
            case 7: Disk.BackendDomname = SaveString("backend", Disk.BackendDomname, FromEquals(Stripped((byte)','))); break;
            case 8: SetBackendType(FromEquals(Stripped((byte)','))); break;
            case 9: SetSpecification(FromEquals(Stripped((byte)','))); break;
            case 10: Disk.Vdev = SaveString("vdev", Disk.Vdev, FromEquals(Stripped((byte)','))); break;
            case 11: Disk.Script = SaveString("script", Disk.Script, FromEquals(Stripped((byte)','))); break;
            case 12: Disk.DirectIoSafe = true; break;
            case 13: Disk.DiscardEnable = Defbool.True; break;
            case 14: Disk.DiscardEnable = Defbool.False; break;
            case 15: Disk.ColoEnable = Defbool.True; break;
            case 16: Disk.ColoEnable = Defbool.False; break;
            case 17: Disk.ColoParams = SaveString("colo-params", Disk.ColoParams, FromEquals(Stripped((byte)','))); break;
            case 18: Disk.ColoHost = SaveString("colo-host", Disk.ColoHost, FromEquals(Stripped((byte)','))); break;
            case 19: SetColoPort(FromEquals(Stripped((byte)','))); break;
            case 20: Disk.ColoExport = SaveString("colo-export", Disk.ColoExport, FromEquals(Stripped((byte)','))); break;
            case 21: Disk.ActiveDisk = SaveString("active-disk", Disk.ActiveDisk, FromEquals(Stripped((byte)','))); break;
            case 22: Disk.HiddenDisk = SaveString("hidden-disk", Disk.HiddenDisk, FromEquals(Stripped((byte)','))); break;
            case 23: Disk.Trusted = Defbool.True; break;
            case 24: Disk.Trusted = Defbool.False; break;
            case 25: Disk.GrantUsage = Defbool.True; break;
            case 26: Disk.GrantUsage = Defbool.False; break;
            case 27: Disk.PdevPath = SaveString("target", Disk.PdevPath, FromEquals(Stripped((byte)','))); break;
            case 28: Error(TextSpan, "unknown parameter"); break;
            case 29: DeprecatedFormatPrefix(Stripped((byte)':')); break;
            case 30: DeprecatedScriptPrefix(Stripped((byte)':')); break;
            case 31: case 32: case 33: case 34: case 35: case 36: IgnoredDeprecatedPrefix(); break;
            case 37: Error(TextSpan, "unknown deprecated disk prefix"); return 0;
            case 38:
                if (!Positional(Stripped((byte)',')))
                {
                    return 0;
                }

                break;
            case 39: Begin(LEXERR); More(); break;
            case 40: Error(TextSpan, "bad disk syntax"); return 0;
        }

        return null;
    }
}
