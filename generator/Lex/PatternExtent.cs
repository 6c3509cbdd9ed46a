using System;
using System.Collections.Generic;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// Where a rule's pattern ends in the rule file: at the first whitespace outside quotes,
/// classes and <c>(?x:...)</c> groups, as flex's own scanner decides. Inside an <c>x</c> group
/// whitespace, newlines and <c>/* */</c> comments belong to the pattern, and a <c>(?#...)</c>
/// comment runs to its ')', so a pattern may span lines; the action starts after it.
/// </summary>
internal static class PatternExtent
{
    /// <summary>The offset just after the pattern that starts at <paramref name="start"/>.</summary>
    public static int End(string text, int start)
    {
        // One entry per open group: whether whitespace is skipped inside it (the x option).
        var skipping = new Stack<bool>();
        int i = start;
        while (i < text.Length)
        {
            char c = text[i];
            bool skip = skipping.Count > 0 && skipping.Peek();
            if (c == '\\')
            {
                i += 2;
            }
            else if (c == '"')
            {
                i = SkipQuoted(text, i);
            }
            else if (c == '[')
            {
                i = SkipClass(text, i);
            }
            else if (c == '(' && At(text, i + 1, '?') && At(text, i + 2, '#'))
            {
                int close = text.IndexOf(')', i + 3);
                i = close < 0 ? text.Length : close + 1;
            }
            else if (c == '(')
            {
                i++;
                if (At(text, i, '?'))
                {
                    i = ReadOptions(text, i + 1, ref skip);
                }

                skipping.Push(skip);
            }
            else if (c == ')')
            {
                if (skipping.Count > 0)
                {
                    skipping.Pop();
                }

                i++;
            }
            else if (skip && c == '/' && At(text, i + 1, '*'))
            {
                int close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + 2;
            }
            else if (char.IsWhiteSpace(c) && !skip)
            {
                break;
            }
            else
            {
                i++;
            }
        }

        return Math.Min(i, text.Length);
    }

    private static bool At(string text, int i, char c) => i < text.Length && text[i] == c;

    /// <summary>Reads the letters of <c>(?isx-isx:</c> from just after the '?'; returns the offset after the ':'.</summary>
    private static int ReadOptions(string text, int i, ref bool skip)
    {
        bool clear = false;
        while (i < text.Length && text[i] != ':' && text[i] != '\n')
        {
            if (text[i] == '-')
            {
                clear = true;
            }
            else if (text[i] == 'x')
            {
                skip = !clear;
            }

            i++;
        }

        return i < text.Length && text[i] == ':' ? i + 1 : i;
    }

    /// <summary>A quoted string ends at its closing '"' or, unclosed, before the line's end.</summary>
    private static int SkipQuoted(string text, int i)
    {
        i++;
        while (i < text.Length && text[i] != '"' && text[i] != '\n')
        {
            i += text[i] == '\\' ? 2 : 1;
        }

        return Math.Min(text.Length, i < text.Length && text[i] == '"' ? i + 1 : i);
    }

    /// <summary>A class ends at its ']' (a first ']' or one after '^' is a member) or, unclosed, before the line's end.</summary>
    private static int SkipClass(string text, int i)
    {
        i++;
        if (At(text, i, '^'))
        {
            i++;
        }

        if (At(text, i, ']'))
        {
            i++;
        }

        int eol = text.IndexOf('\n', i);
        eol = eol < 0 ? text.Length : eol;
        int nameEnd = -1; // the next ":]" on the line, found once (every later "[:" would find the same)
        while (i < text.Length && text[i] != ']' && text[i] != '\n')
        {
            if (text[i] == '\\')
            {
                i += 2;
            }
            else if (text[i] == '[' && At(text, i + 1, ':'))
            {
                if (nameEnd != int.MaxValue && nameEnd < i + 2)
                {
                    nameEnd = i + 2 < eol ? text.IndexOf(":]", i + 2, eol - (i + 2), StringComparison.Ordinal) : -1;
                    nameEnd = nameEnd < 0 ? int.MaxValue : nameEnd;
                }

                i = nameEnd == int.MaxValue ? i + 1 : nameEnd + 2;
            }
            else
            {
                i++;
            }
        }

        return Math.Min(text.Length, i < text.Length && text[i] == ']' ? i + 1 : i);
    }
}
