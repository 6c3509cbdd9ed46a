using System;
using System.Diagnostics.CodeAnalysis;

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
                return QemuOptionValueResult.Refused($"{what} {Quote(raw)} holds {problem}, which QEMU cannot take in an option value");
            }
        }

        return QemuOptionValueResult.Escaped(new QemuOptionValue(raw, written.Replace(",", ",,", StringComparison.Ordinal)));
    }

    /// <inheritdoc/>
    public override string ToString() => Escaped;

    private static string Quote(string raw) =>
        "\"" + raw.Replace("\0", "\\0", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
}

/// <summary>
/// The outcome of <see cref="QemuOptionValue.Escape(string, string)"/> (and of the target policy's
/// <see cref="QemuTargetPolicy.Apply"/>): a value, or the reason there is none; never both, never neither.
/// </summary>
public sealed class QemuOptionValueResult
{
    private QemuOptionValueResult(QemuOptionValue? value, string? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The escaped value; null when refused.</summary>
    public QemuOptionValue? Value { get; }

    /// <summary>Why QEMU cannot take the value (or the target policy refuses it); null on success.</summary>
    public string? Error { get; }

    /// <summary>True when the value was escaped; then <see cref="Value"/> is not null and <see cref="Error"/> is.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Value is not null;

    internal static QemuOptionValueResult Escaped(QemuOptionValue value) => new(value, null);

    internal static QemuOptionValueResult Refused(string error) => new(null, error);
}
