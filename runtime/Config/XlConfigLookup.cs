namespace Colo.Gen.Config;

/// <summary>
/// The result of one of <see cref="XlConfig"/>'s getters: libxlutil's return code as
/// <see cref="Status"/>, the value when found, and the warning libxlutil would print (when its
/// caller does not pass <c>dont_warn</c>), word for word.
/// </summary>
/// <typeparam name="T">The kind of value the getter reads.</typeparam>
/// <param name="Status">Found, or why not.</param>
/// <param name="Value">The value when <paramref name="Status"/> is <see cref="XlConfigLookupStatus.Found"/>, else the type's default.</param>
/// <param name="Warning">libxlutil's warning line (no newline), or null when it prints none (found, or missing).</param>
public readonly record struct XlConfigLookup<T>(XlConfigLookupStatus Status, T? Value, string? Warning)
{
    /// <summary>True when the setting exists and has a value of the kind asked for.</summary>
    public bool Found => Status == XlConfigLookupStatus.Found;

    internal static XlConfigLookup<T> Success(T value) => new(XlConfigLookupStatus.Found, value, null);

    internal static XlConfigLookup<T> Missing() => new(XlConfigLookupStatus.Missing, default, null);

    internal static XlConfigLookup<T> Invalid(string warning) => new(XlConfigLookupStatus.Invalid, default, warning);
}

/// <summary>Why a getter found no value (libxlutil's error numbers, and one of this library's own).</summary>
public enum XlConfigLookupStatus
{
    /// <summary>The value was found (libxlutil returns 0).</summary>
    Found,

    /// <summary>There is no setting of that name (libxlutil's ESRCH); no warning.</summary>
    Missing,

    /// <summary>The setting has the wrong kind or form of value (libxlutil's EINVAL), with a warning.</summary>
    Invalid,

    /// <summary>A number beyond the range of a 64-bit long (libxlutil's ERANGE from strtol), with a warning.</summary>
    OutOfRange,

    /// <summary>
    /// The string's bytes are not UTF-8, so they are no .NET string (this library's own case:
    /// libxlutil hands out the bytes, which <see cref="XlConfig.GetBytes"/> does too).
    /// </summary>
    NotText,
}
