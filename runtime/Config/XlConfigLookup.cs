namespace Colo.Gen.Config;

/// <summary>
/// The result of one of <see cref="XlConfig"/>'s getters: libxlutil's return code as
/// <see cref="Status"/>, the value when found, and the warning libxlutil would print (when its
/// caller does not pass <c>dont_warn</c>), word for word. Only the getters make one; a default
/// value is <see cref="XlConfigLookupStatus.Missing"/>, never a success.
/// </summary>
/// <typeparam name="T">The kind of value the getter reads.</typeparam>
public readonly record struct XlConfigLookup<T>
{
    internal XlConfigLookup(XlConfigLookupStatus status, T? value, string? warning)
    {
        Status = status;
        Value = value;
        Warning = warning;
    }

    /// <summary>Found, or why not.</summary>
    public XlConfigLookupStatus Status { get; }

    /// <summary>The value when <see cref="Status"/> is <see cref="XlConfigLookupStatus.Found"/>, else the type's default.</summary>
    public T? Value { get; }

    /// <summary>libxlutil's warning line (no newline), or null when it prints none (found, or missing).</summary>
    public string? Warning { get; }

    /// <summary>True when the setting exists and has a value of the kind asked for.</summary>
    public bool Found => Status == XlConfigLookupStatus.Found;

    /// <summary>Splits the result into its status, value and warning.</summary>
    /// <param name="status">Receives <see cref="Status"/>.</param>
    /// <param name="value">Receives <see cref="Value"/>.</param>
    /// <param name="warning">Receives <see cref="Warning"/>.</param>
    public void Deconstruct(out XlConfigLookupStatus status, out T? value, out string? warning)
    {
        status = Status;
        value = Value;
        warning = Warning;
    }

    internal static XlConfigLookup<T> Success(T value) => new(XlConfigLookupStatus.Found, value, null);

    internal static XlConfigLookup<T> Missing() => new(XlConfigLookupStatus.Missing, default, null);

    internal static XlConfigLookup<T> Invalid(string warning) => new(XlConfigLookupStatus.Invalid, default, warning);
}

/// <summary>Why a getter found no value (libxlutil's error numbers, and one of this library's own).</summary>
public enum XlConfigLookupStatus
{
    /// <summary>There is no setting of that name (libxlutil's ESRCH); no warning. Also what a default <see cref="XlConfigLookup{T}"/> says.</summary>
    Missing,

    /// <summary>The value was found (libxlutil returns 0).</summary>
    Found,

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
