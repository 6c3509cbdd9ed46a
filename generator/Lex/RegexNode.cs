using System;
using System.Linq;
using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// A regular expression over bytes, after parsing and definition expansion. Records
/// compare by value, so a rule's pattern is a cacheable model.
/// </summary>
internal abstract record RegexNode
{
    /// <summary>The fewest bytes a match can have.</summary>
    public abstract int MinLength { get; }

    /// <summary>The most bytes a match can have; -1 when unbounded.</summary>
    public abstract int MaxLength { get; }

    /// <summary>The length of every match when all matches have the same length; else -1.</summary>
    public int FixedLength => MinLength == MaxLength ? MinLength : -1;

    /// <summary>The same language read backwards (used to find where a trailing context begins).</summary>
    public abstract RegexNode Reverse();
}

/// <summary>One byte out of a set.</summary>
internal sealed record SetNode(ByteSet Set) : RegexNode
{
    public override int MinLength => 1;

    public override int MaxLength => 1;

    public override RegexNode Reverse() => this;
}

/// <summary>The empty string.</summary>
internal sealed record EmptyNode : RegexNode
{
    public static readonly EmptyNode Instance = new();

    public override int MinLength => 0;

    public override int MaxLength => 0;

    public override RegexNode Reverse() => this;
}

/// <summary>Its items one after another.</summary>
internal sealed record ConcatNode(EquatableArray<RegexNode> Items) : RegexNode
{
    public override int MinLength => Items.Sum(i => i.MinLength);

    public override int MaxLength => Items.Any(i => i.MaxLength < 0) ? -1 : Items.Sum(i => i.MaxLength);

    public override RegexNode Reverse() => new ConcatNode(Items.Reverse().Select(i => i.Reverse()).ToEquatableArray());
}

/// <summary>Any one of its items.</summary>
internal sealed record AltNode(EquatableArray<RegexNode> Items) : RegexNode
{
    public override int MinLength => Items.Min(i => i.MinLength);

    public override int MaxLength => Items.Any(i => i.MaxLength < 0) ? -1 : Items.Max(i => i.MaxLength);

    public override RegexNode Reverse() => new AltNode(Items.Select(i => i.Reverse()).ToEquatableArray());
}

/// <summary><c>r{Min,Max}</c>; Max is -1 for no upper bound (<c>*</c>, <c>+</c>, <c>{n,}</c>).</summary>
internal sealed record RepeatNode(RegexNode Inner, int Min, int Max) : RegexNode
{
    public override int MinLength => Inner.MinLength * Min;

    public override int MaxLength => Max < 0 || Inner.MaxLength < 0 ? (Max == 0 || Inner.MaxLength == 0 ? 0 : -1) : Inner.MaxLength * Max;

    public override RegexNode Reverse() => this with { Inner = Inner.Reverse() };
}

/// <summary>
/// A rule's whole pattern: <c>^</c>, the matched part, and the trailing context that must
/// follow it (<c>r/s</c>; <c>r$</c> is <c>r/\n</c> as in flex). An end-of-file rule has no regex.
/// </summary>
internal sealed record RulePattern(RegexNode Head, RegexNode? Trail, bool AtLineStart, bool IsEndOfFile)
{
    /// <summary>What the combined automaton matches: the head and its trailing context.</summary>
    public RegexNode Whole => Trail is null ? Head : new ConcatNode(new[] { Head, Trail }.ToEquatableArray());
}

/// <summary>Builds nodes, folding the trivial cases so that patterns stay small.</summary>
internal static class RegexNodes
{
    public static RegexNode Concat(params RegexNode[] items)
    {
        var flat = items.SelectMany(i => i is ConcatNode c ? c.Items.AsImmutableArray().AsEnumerable() : new[] { i })
            .Where(i => i is not EmptyNode).ToArray();
        return flat.Length switch
        {
            0 => EmptyNode.Instance,
            1 => flat[0],
            _ => new ConcatNode(flat.ToEquatableArray()),
        };
    }

    public static RegexNode Alt(params RegexNode[] items)
    {
        var flat = items.SelectMany(i => i is AltNode a ? a.Items.AsImmutableArray().AsEnumerable() : new[] { i }).ToArray();
        return flat.Length == 1 ? flat[0] : new AltNode(flat.ToEquatableArray());
    }

    public static RegexNode Literal(byte[] bytes) => Concat(Array.ConvertAll(bytes, b => (RegexNode)new SetNode(ByteSet.Of(b))));

    /// <summary>
    /// Whether some match of <paramref name="node"/> can hold <paramref name="b"/>. Used for
    /// flex's per-rule newline flag: only rules that can match a newline count lines.
    /// </summary>
    public static bool CanHold(RegexNode node, byte b) => node switch
    {
        SetNode set => set.Set.Contains(b),
        ConcatNode concat => concat.Items.Any(i => CanHold(i, b)),
        AltNode alt => alt.Items.Any(i => CanHold(i, b)),
        RepeatNode repeat => repeat.Max != 0 && CanHold(repeat.Inner, b),
        _ => false,
    };
}
