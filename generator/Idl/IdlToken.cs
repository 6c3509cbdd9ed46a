using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Idl;

/// <summary>The kinds of token in the Python subset that libxl's IDL is written in.</summary>
internal enum IdlTokenKind
{
    /// <summary>An identifier, including the keywords None, True and False.</summary>
    Name,

    /// <summary>An integer literal (decimal, 0x, 0o or 0b).</summary>
    Integer,

    /// <summary>A string literal in either quote; <see cref="IdlToken.Text"/> holds its value.</summary>
    String,

    /// <summary>One of ( ) [ ] { } , : = ; - ~ .</summary>
    Punctuation,

    /// <summary>The end of a logical line (newlines inside brackets are not tokens).</summary>
    NewLine,

    /// <summary>The end of the file.</summary>
    EndOfFile,
}

/// <summary>
/// One token: its kind, its text (the decoded value for strings), the magnitude of an
/// integer, and where it is.
/// </summary>
internal readonly record struct IdlToken(IdlTokenKind Kind, string Text, ulong Integer, LocationInfo Location)
{
    public bool Is(string punctuation) => Kind == IdlTokenKind.Punctuation && Text == punctuation;

    public string Describe() => Kind switch
    {
        IdlTokenKind.EndOfFile => "end of file",
        IdlTokenKind.NewLine => "end of line",
        IdlTokenKind.String => "string literal",
        IdlTokenKind.Integer => "integer " + Text,
        _ => "'" + Text + "'",
    };
}
