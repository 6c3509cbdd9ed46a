using System;
using System.Collections.Generic;
using System.Linq;
using Colo.Gen.Generator.Common;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// A regular expression over bytes, after parsing and definition expansion. Records
/// compare by value, so a rule's pattern is a cacheable model. Each node knows, from the
/// moment it is built, its match lengths, how deep it nests and how many NFA states it will
/// need (<see cref="Weight"/>): a definition used many times is one shared node, so these are
/// never computed by walking the expanded tree, and a pattern too large to build is refused
/// before anything is built (<see cref="AutomatonLimits"/>).
/// </summary>
internal abstract record RegexNode
{
    /// <summary>The fewest bytes a match can have (saturating at <see cref="int.MaxValue"/>).</summary>
    public abstract int MinLength { get; }

    /// <summary>The most bytes a match can have; -1 when unbounded (or beyond <see cref="int.MaxValue"/>).</summary>
    public abstract int MaxLength { get; }

    /// <summary>The NFA states <see cref="Nfa.Add"/> makes for this node, saturating.</summary>
    public abstract long Weight { get; }

    /// <summary>How many nodes deep the tree goes (a leaf is 1): the recursion every walk of it needs.</summary>
    public abstract int Depth { get; }

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

    public override long Weight => 2;

    public override int Depth => 1;

    public override RegexNode Reverse() => this;
}

/// <summary>The empty string.</summary>
internal sealed record EmptyNode : RegexNode
{
    public static readonly EmptyNode Instance = new();

    public override int MinLength => 0;

    public override int MaxLength => 0;

    public override long Weight => 2;

    public override int Depth => 1;

    public override RegexNode Reverse() => this;
}

/// <summary>Its items one after another.</summary>
internal sealed record ConcatNode(EquatableArray<RegexNode> Items) : RegexNode
{
    public override int MinLength { get; } = Saturating.ToInt(NodeSizes.SumOfMinLengths(Items));

    public override int MaxLength { get; } = NodeSizes.SumOfMaxLengths(Items);

    public override long Weight { get; } = NodeSizes.SumOfWeights(Items);

    public override int Depth { get; } = 1 + NodeSizes.MaxDepth(Items);

    public override RegexNode Reverse() => new ConcatNode(Items.Reverse().Select(i => i.Reverse()).ToEquatableArray());
}

/// <summary>Any one of its items.</summary>
internal sealed record AltNode(EquatableArray<RegexNode> Items) : RegexNode
{
    public override int MinLength { get; } = NodeSizes.MinOfMinLengths(Items);

    public override int MaxLength { get; } = NodeSizes.MaxOfMaxLengths(Items);

    public override long Weight { get; } = Saturating.Add(2, NodeSizes.SumOfWeights(Items));

    public override int Depth { get; } = 1 + NodeSizes.MaxDepth(Items);

    public override RegexNode Reverse() => new AltNode(Items.Select(i => i.Reverse()).ToEquatableArray());
}

/// <summary><c>r{Min,Max}</c>; Max is -1 for no upper bound (<c>*</c>, <c>+</c>, <c>{n,}</c>).</summary>
internal sealed record RepeatNode(RegexNode Inner, int Min, int Max) : RegexNode
{
    public override int MinLength { get; } = Saturating.ToInt(Saturating.Multiply(Inner.MinLength, Min));

    public override int MaxLength { get; } =
        Max == 0 || Inner.MaxLength == 0 ? 0
        : Max < 0 || Inner.MaxLength < 0 ? -1
        : Saturating.ToLength(Saturating.Multiply(Inner.MaxLength, Max));

    /// <summary>As <see cref="Nfa"/> builds it: an entry, Min copies, then one starred copy and an exit or Max - Min optional copies and an exit.</summary>
    public override long Weight { get; } = Saturating.Add(
        1 + Saturating.Multiply(Inner.Weight, Min),
        Max < 0 ? Saturating.Add(Inner.Weight, 1) : Saturating.Add(1, Saturating.Multiply(Inner.Weight, (long)Max - Min)));

    public override int Depth { get; } = 1 + Inner.Depth;

    public override RegexNode Reverse() => new RepeatNode(Inner.Reverse(), Min, Max);
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

/// <summary>
/// Builds nodes, folding the trivial cases so that patterns stay small. A result whose
/// <see cref="RegexNode.Weight"/> or <see cref="RegexNode.Depth"/> would pass
/// <see cref="AutomatonLimits"/> is refused with <see cref="PatternTooLargeException"/> before it is
/// built, so no input can make the builder itself slow or large.
/// </summary>
internal static class RegexNodes
{
    public static RegexNode Concat(params RegexNode[] items)
    {
        Check(NodeSizes.SumOfWeights(items), 1 + NodeSizes.MaxDepth(items));
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
        Check(Saturating.Add(2, NodeSizes.SumOfWeights(items)), 1 + NodeSizes.MaxDepth(items));
        var flat = items.SelectMany(i => i is AltNode a ? a.Items.AsImmutableArray().AsEnumerable() : new[] { i }).ToArray();
        return flat.Length == 1 ? flat[0] : new AltNode(flat.ToEquatableArray());
    }

    public static RegexNode Repeat(RegexNode inner, int min, int max)
    {
        var node = new RepeatNode(inner, min, max);
        Check(node.Weight, node.Depth);
        return node;
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

    private static void Check(long weight, int depth)
    {
        if (weight > AutomatonLimits.MaxNfaStates)
        {
            throw new PatternTooLargeException("the pattern needs more than " + AutomatonLimits.MaxNfaStates.ToString(System.Globalization.CultureInfo.InvariantCulture) + " NFA states");
        }

        if (depth > AutomatonLimits.MaxNesting)
        {
            throw new PatternTooLargeException("groups, repeats and definitions nest more than " + AutomatonLimits.MaxNesting.ToString(System.Globalization.CultureInfo.InvariantCulture) + " deep");
        }
    }
}

/// <summary>A pattern beyond <see cref="AutomatonLimits"/>; the parser reports it as CG2007 at the pattern.</summary>
internal sealed class PatternTooLargeException : Exception
{
    public PatternTooLargeException(string message)
        : base(message)
    {
    }
}

/// <summary>A node's sizes from its items' (plain loops: they run for every node built).</summary>
internal static class NodeSizes
{
    public static long SumOfWeights(IReadOnlyList<RegexNode> items)
    {
        long sum = 0;
        for (int i = 0; i < items.Count; i++)
        {
            sum = Saturating.Add(sum, items[i].Weight);
        }

        return sum;
    }

    public static int MaxDepth(IReadOnlyList<RegexNode> items)
    {
        int max = 0;
        for (int i = 0; i < items.Count; i++)
        {
            max = Math.Max(max, items[i].Depth);
        }

        return max;
    }

    public static long SumOfMinLengths(IReadOnlyList<RegexNode> items)
    {
        long sum = 0;
        for (int i = 0; i < items.Count; i++)
        {
            sum = Saturating.Add(sum, items[i].MinLength);
        }

        return sum;
    }

    /// <summary>The most bytes a concatenation can match: -1 when an item is unbounded or the sum passes int.</summary>
    public static int SumOfMaxLengths(IReadOnlyList<RegexNode> items)
    {
        long sum = 0;
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].MaxLength < 0)
            {
                return -1;
            }

            sum = Saturating.Add(sum, items[i].MaxLength);
        }

        return Saturating.ToLength(sum);
    }

    public static int MinOfMinLengths(IReadOnlyList<RegexNode> items)
    {
        int min = items.Count == 0 ? 0 : int.MaxValue;
        for (int i = 0; i < items.Count; i++)
        {
            min = Math.Min(min, items[i].MinLength);
        }

        return min;
    }

    /// <summary>The most bytes an alternation can match: -1 when an item is unbounded.</summary>
    public static int MaxOfMaxLengths(IReadOnlyList<RegexNode> items)
    {
        int max = 0;
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].MaxLength < 0)
            {
                return -1;
            }

            max = Math.Max(max, items[i].MaxLength);
        }

        return max;
    }
}

/// <summary>Arithmetic on sizes that stops at a ceiling instead of wrapping, so a huge count stays huge.</summary>
internal static class Saturating
{
    private const long Ceiling = long.MaxValue / 4;

    public static long Add(long a, long b) => Math.Min(Ceiling, a + b);

    public static long Multiply(long a, long b) => a == 0 || b == 0 ? 0 : a > Ceiling / b ? Ceiling : Math.Min(Ceiling, a * b);

    /// <summary>A count as an int, <see cref="int.MaxValue"/> when beyond.</summary>
    public static int ToInt(long value) => (int)Math.Min(int.MaxValue, value);

    /// <summary>A maximum length as an int, -1 (unbounded) when beyond.</summary>
    public static int ToLength(long value) => value > int.MaxValue ? -1 : (int)value;
}
