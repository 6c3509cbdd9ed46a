using System;
using System.Collections.Generic;

namespace Colo.Gen.Generator.Lex;

/// <summary>
/// A rule file's definitions (<c>NAME pattern</c> lines) and what their parenthesized uses
/// parsed to, per pattern options: shared by all of the file's rules, so a definition is read once
/// however often, and however deeply, it is used.
/// </summary>
internal sealed class PatternDefinitions
{
    private readonly Dictionary<string, string> _bodies;
    private readonly Dictionary<(string Name, PatternFlags Flags), RegexNode> _parsed = new();
    private readonly Dictionary<(string Name, PatternFlags Flags), RegexError> _failed = new();

    public PatternDefinitions(Dictionary<string, string> bodies) => _bodies = bodies;

    /// <summary>The text of a definition, or null when there is none of that name.</summary>
    public string? Body(string name) => _bodies.TryGetValue(name, out string? body) ? body : null;

    /// <summary>
    /// The node of a parenthesized use under <paramref name="flags"/>: parsed by <paramref name="parse"/>
    /// the first time, shared after. A definition that failed fails again, at the new reference
    /// (<paramref name="offset"/>), without being parsed again.
    /// </summary>
    public RegexNode Parsed(string name, PatternFlags flags, int offset, Func<RegexNode> parse)
    {
        var key = (name, flags);
        if (_parsed.TryGetValue(key, out RegexNode? node))
        {
            return node;
        }

        if (_failed.TryGetValue(key, out RegexError? failed))
        {
            throw new RegexError(offset, failed.Message, failed.Kind);
        }

        try
        {
            node = parse();
        }
        catch (RegexError error)
        {
            _failed[key] = error;
            throw;
        }

        _parsed[key] = node;
        return node;
    }
}
