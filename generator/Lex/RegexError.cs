using System;

namespace Colo.Gen.Generator.Lex;

/// <summary>What kind of problem a <see cref="RegexError"/> is, which decides its diagnostic.</summary>
internal enum RegexErrorKind
{
    /// <summary>Not a pattern flex accepts (CG2001).</summary>
    Syntax,

    /// <summary>A <c>{NAME}</c> with no definition (CG2002).</summary>
    UnknownDefinition,

    /// <summary>Beyond <see cref="AutomatonLimits"/> (CG2007).</summary>
    TooLarge,
}

/// <summary>Why a pattern could not be read, and where in the pattern (0-based char offset).</summary>
internal sealed class RegexError : Exception
{
    public RegexError(int offset, string message, RegexErrorKind kind = RegexErrorKind.Syntax)
        : base(message)
    {
        Offset = offset;
        Kind = kind;
    }

    public int Offset { get; }

    public RegexErrorKind Kind { get; }
}
