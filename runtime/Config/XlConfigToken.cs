namespace Colo.Gen.Config;

/// <summary>
/// The tokens of an xl configuration file, numbered as bison numbers the symbols of libxlutil's
/// grammar (libxlu_cfg_y.y): the numbers order the "expecting" lists of syntax errors, so they
/// are part of the messages and must not change.
/// </summary>
internal enum XlConfigToken
{
    /// <summary>The end of the input (bison's <c>$end</c>; the scanner returns 0 there).</summary>
    End = 0,

    /// <summary>The error token of bison's error recovery; the scanner never returns it.</summary>
    Error = 1,

    /// <summary>A setting's name: a lower-case letter, then lower-case letters, digits, '.' and '_'.</summary>
    Ident = 3,

    /// <summary>A single- or double-quoted string, its escapes decoded.</summary>
    String = 4,

    /// <summary>A number, kept as its text (a digit, then digits, a-f and x).</summary>
    Number = 5,

    /// <summary>A newline, or a '#' comment with the newline that ends it.</summary>
    Newline = 6,

    /// <summary><c>+=</c>.</summary>
    AddAssign = 7,

    /// <summary><c>=</c>.</summary>
    Assign = 8,

    /// <summary><c>;</c>, which ends a statement as a newline does.</summary>
    Semicolon = 9,

    /// <summary><c>[</c>.</summary>
    OpenBracket = 10,

    /// <summary><c>]</c>.</summary>
    CloseBracket = 11,

    /// <summary><c>,</c>.</summary>
    Comma = 12,
}

/// <summary>The names bison's verbose syntax errors give the tokens.</summary>
internal static class XlConfigTokenNames
{
    /// <summary>
    /// The name of <paramref name="token"/> in a syntax error: bison's symbol name, with the double
    /// quotes of a string-literal token removed as bison 3.3's yytnamerr removes them (<c>"+="</c>
    /// prints as <c>+=</c>), character literals in single quotes.
    /// </summary>
    public static string Of(XlConfigToken token) => token switch
    {
        XlConfigToken.End => "$end",
        XlConfigToken.Error => "error",
        XlConfigToken.Ident => "IDENT",
        XlConfigToken.String => "STRING",
        XlConfigToken.Number => "NUMBER",
        XlConfigToken.Newline => "NEWLINE",
        XlConfigToken.AddAssign => "+=",
        XlConfigToken.Assign => "'='",
        XlConfigToken.Semicolon => "';'",
        XlConfigToken.OpenBracket => "'['",
        XlConfigToken.CloseBracket => "']'",
        XlConfigToken.Comma => "','",
        _ => "$undefined",
    };
}
