using System;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// The flags flex's <c>(?isx-isx:...)</c> groups set for the text they enclose (and
/// <c>%option caseless</c> for all patterns): letters match both cases, <c>.</c> matches every
/// byte, whitespace and <c>/* */</c> comments are skipped.
/// </summary>
[Flags]
internal enum PatternFlags
{
    None = 0,
    CaseInsensitive = 1,
    DotAll = 2,
    SkipWhitespace = 4,
}
