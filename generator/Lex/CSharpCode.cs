using System.Collections.Generic;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// Just enough C# lexing to find where an action ends: braces inside strings (regular,
/// verbatim, interpolated, raw), character literals and comments do not count.
/// </summary>
internal static class CSharpCode
{
    /// <summary>
    /// How deeply interpolation holes may nest inside strings inside holes: each level recurses,
    /// so beyond it the text counts as unterminated (no real code comes near it).
    /// </summary>
    private const int MaxInterpolationNesting = 100;

    /// <summary>The index of the '}' that closes the '{' at <paramref name="open"/>, or -1.</summary>
    public static int FindClosingBrace(string text, int open) => FindClosingBrace(text, open, 0);

    /// <summary>
    /// Where the line at <paramref name="from"/> ends, a <c>/* */</c> comment opened on it (or a
    /// string) going on over the lines it spans: the index of that '\n' (or the text's length), or
    /// -1 when a comment opened there never closes. One pass over the text.
    /// </summary>
    public static int EndOfLineOutsideComment(string text, int from)
    {
        int i = from;
        while (i < text.Length)
        {
            if (text[i] == '\n')
            {
                return i;
            }

            if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                int close = text.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                if (close < 0)
                {
                    return -1;
                }

                i = close + 2;
                continue;
            }

            int next = SkipNonCode(text, i, 0);
            if (next < 0)
            {
                // An unterminated string or character: the line ends where it does.
                int eol = text.IndexOf('\n', i);
                return eol < 0 ? text.Length : eol;
            }

            i = next > i ? next : i + 1;
        }

        return text.Length;
    }

    /// <summary>
    /// Where the code (not comments, strings or character literals) calls <paramref name="name"/>
    /// with no arguments, as a whole identifier (<c>Reject()</c>, not <c>x.Reject()</c> or
    /// <c>MyReject()</c>): each call's start and length, <c>Reject ( )</c> included.
    /// </summary>
    public static List<(int Start, int Length)> FindCalls(string text, string name)
    {
        var calls = new List<(int Start, int Length)>();
        int i = 0;
        while (i < text.Length)
        {
            int next = SkipNonCode(text, i, 0);
            if (next < 0)
            {
                break;
            }

            if (next > i)
            {
                i = next;
                continue;
            }

            if (string.CompareOrdinal(text, i, name, 0, name.Length) == 0 && (i == 0 || !IsIdentifierOrMember(text[i - 1])))
            {
                int j = SkipSpaces(text, i + name.Length);
                if (j < text.Length && text[j] == '(')
                {
                    int close = SkipSpaces(text, j + 1);
                    if (close < text.Length && text[close] == ')')
                    {
                        calls.Add((i, close + 1 - i));
                        i = close + 1;
                        continue;
                    }
                }
            }

            // Step over a whole identifier, so a name inside a longer one is not taken.
            if (char.IsLetterOrDigit(text[i]) || text[i] == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }
        }

        return calls;
    }

    private static bool IsIdentifierOrMember(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '@';

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int FindClosingBrace(string text, int open, int nesting)
    {
        int depth = 0;
        int i = open;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '{')
            {
                depth++;
                i++;
            }
            else if (c == '}')
            {
                depth--;
                if (depth == 0)
                {
                    return i;
                }

                i++;
            }
            else
            {
                int skipped = SkipNonCode(text, i, nesting);
                i = skipped < 0 ? -1 : skipped > i ? skipped : i + 1;
                if (i < 0)
                {
                    return -1;
                }
            }
        }

        return -1;
    }

    /// <summary>True when the text holds anything besides whitespace and comments.</summary>
    public static bool HasCode(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (IsCommentStart(text, i))
            {
                int next = SkipNonCode(text, i, 0);
                if (next < 0)
                {
                    return true;
                }

                i = next;
                continue;
            }

            return true;
        }

        return false;
    }

    private static bool IsCommentStart(string text, int i) =>
        text[i] == '/' && i + 1 < text.Length && (text[i + 1] == '/' || text[i + 1] == '*');

    /// <summary>
    /// If a comment, string or char literal starts at <paramref name="i"/>, returns the index
    /// just after it (-1 when it never ends); otherwise returns <paramref name="i"/>.
    /// </summary>
    private static int SkipNonCode(string text, int i, int nesting)
    {
        char c = text[i];
        if (c == '/' && i + 1 < text.Length)
        {
            if (text[i + 1] == '/')
            {
                int eol = text.IndexOf('\n', i);
                return eol < 0 ? text.Length : eol;
            }

            if (text[i + 1] == '*')
            {
                int close = text.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                return close < 0 ? -1 : close + 2;
            }

            return i;
        }

        if (c == '\'')
        {
            int j = i + 1;
            while (j < text.Length && text[j] != '\'' && text[j] != '\n')
            {
                j += text[j] == '\\' ? 2 : 1;
            }

            return j < text.Length && text[j] == '\'' ? j + 1 : -1;
        }

        // String prefixes: $, @, $@, @$, any number of $ before raw strings.
        int k = i;
        bool interpolated = false, verbatim = false;
        while (k < text.Length && (text[k] == '$' || text[k] == '@'))
        {
            interpolated |= text[k] == '$';
            verbatim |= text[k] == '@';
            k++;
        }

        if (k >= text.Length || text[k] != '"')
        {
            return i;
        }

        if (k + 2 < text.Length && text[k + 1] == '"' && text[k + 2] == '"')
        {
            return SkipRawString(text, k);
        }

        return SkipString(text, k + 1, interpolated, verbatim, nesting);
    }

    private static int SkipRawString(string text, int k)
    {
        int quotes = 0;
        while (k < text.Length && text[k] == '"')
        {
            quotes++;
            k++;
        }

        string close = new('"', quotes);
        int end = text.IndexOf(close, k, System.StringComparison.Ordinal);
        return end < 0 ? -1 : end + quotes;
    }

    private static int SkipString(string text, int j, bool interpolated, bool verbatim, int nesting)
    {
        while (j < text.Length)
        {
            char c = text[j];
            if (c == '"')
            {
                if (verbatim && j + 1 < text.Length && text[j + 1] == '"')
                {
                    j += 2;
                    continue;
                }

                return j + 1;
            }

            if (c == '\\' && !verbatim)
            {
                j += 2;
                continue;
            }

            if (c == '\n' && !verbatim)
            {
                return -1;
            }

            if (interpolated && c == '{')
            {
                if (j + 1 < text.Length && text[j + 1] == '{')
                {
                    j += 2;
                    continue;
                }

                // An interpolation hole holds code, which may hold strings and braces of its own.
                int close = nesting < MaxInterpolationNesting ? FindClosingBrace(text, j, nesting + 1) : -1;
                if (close < 0)
                {
                    return -1;
                }

                j = close + 1;
                continue;
            }

            j++;
        }

        return -1;
    }
}
