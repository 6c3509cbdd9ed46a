using System;

namespace Colo.Gen.Qemu;

/// <summary>
/// A value from a user (a path, a host, an export name) made safe to place after <c>NAME=</c>
/// in a QEMU option string. QEMU's option parser (QemuOpts) ends a value at a single comma and
/// reads a doubled comma as one literal comma, so every comma is doubled and the value can
/// never end early and start an option of its own.
/// </summary>
public sealed record QemuOptionValue
{
    private QemuOptionValue(string raw, string escaped)
    {
        Raw = raw;
        Escaped = escaped;
    }

    /// <summary>The value as the user gave it.</summary>
    public string Raw { get; }

    /// <summary>The value as written into the option string (escaped; for an image name, as the target policy writes it).</summary>
    public string Escaped { get; }

    /// <summary>
    /// Escapes <paramref name="raw"/>, or says why QEMU cannot take it: a NUL ends a C
    /// argument early, a line break would split the one-argument-a-line output and QEMU's own
    /// error lines, and a lone UTF-16 surrogate has no UTF-8 form to pass in argv.
    /// </summary>
    /// <param name="raw">The user's value.</param>
    /// <param name="what">What the value is, for the message (e.g. "target").</param>
    public static QemuOptionValueResult Escape(string raw, string what) => Escape(raw, what, raw);

    /// <summary>
    /// Checks <paramref name="raw"/> as <see cref="Escape(string, string)"/> does, and escapes
    /// <paramref name="written"/>, the form of it QEMU is given (the target policy's <c>./NAME</c>).
    /// </summary>
    internal static QemuOptionValueResult Escape(string raw, string what, string written)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(what);
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                i++; // a surrogate pair is one character, and a fine one
                continue;
            }

            string? problem = c switch
            {
                '\0' => "a NUL character",
                '\n' or '\r' => "a line break",
                _ when char.IsSurrogate(c) => "an unpaired UTF-16 surrogate",
                _ => null,
            };
            if (problem is not null)
            {
                return new QemuOptionValueResult(null, $"{what} {Quote(raw)} holds {problem}, which QEMU cannot take in an option value");
            }
        }

        return new QemuOptionValueResult(new QemuOptionValue(raw, written.Replace(",", ",,", StringComparison.Ordinal)), null);
    }

    /// <inheritdoc/>
    public override string ToString() => Escaped;

    private static string Quote(string raw) =>
        "\"" + raw.Replace("\0", "\\0", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
}

/// <summary>The outcome of <see cref="QemuOptionValue.Escape(string, string)"/>: a value or the reason there is none.</summary>
/// <param name="Value">The escaped value; null when refused.</param>
/// <param name="Error">Why QEMU cannot take the value; null on success.</param>
public readonly record struct QemuOptionValueResult(QemuOptionValue? Value, string? Error)
{
    /// <summary>True when the value was escaped.</summary>
    public bool Succeeded => Value is not null;
}
