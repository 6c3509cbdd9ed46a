using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Colo.Gen;

/// <summary>
/// The hand-written half of the disk-spec scanner: the state libxlutil keeps in its
/// parse context and the helpers the actions of grammar/disk.l call. Each helper does
/// what the C function or macro of the same purpose in libxlu_disk_l.l does.
/// </summary>
partial class DiskSpecScanner
{
    private DiskSpecErrors? errors;
    private string source = DiskSpecParser.CommandLine;
    private string? spec;
    private bool specInInput;
    private int specIndex = -1;
    private bool asciiSpec;
    private int mappedByte;
    private int mappedChar;
    private bool hadDeprecatedPrefix;
    private bool accessSet;

    /// <summary>The disk the actions fill in (libxlutil's <c>dpc->disk</c>).</summary>
    internal DiskDevice Disk { get; private set; } = new();

    /// <summary>True once any error was reported (libxlutil's <c>dpc->err</c>).</summary>
    internal bool HasError { get; private set; }

    /// <summary>The errors reported for this disk, in order (a fresh object each disk, so it can be handed on); null when none.</summary>
    internal DiskSpecErrors? Errors => errors;

    /// <summary>Starts a new disk: fresh context, as libxlutil's memset of its parse context.</summary>
    internal void StartDisk(DiskDevice disk, string sourceName)
    {
        Disk = disk;
        source = sourceName;
        errors = null;
        spec = null;
        specInInput = false;
        specIndex = -1;
        HasError = false;
        hadDeprecatedPrefix = false;
        accessSet = false;
    }

    /// <summary>Feeds the next spec of the disk (valid UTF-16: the parser checks it first); the errors quote it.</summary>
    internal void StartSpec(string text, int index)
    {
        spec = text;
        specInInput = false;
        specIndex = index;
        SetInput(text);

        // Valid UTF-16 has as many UTF-8 bytes as characters only when it is all ASCII; then a
        // byte offset is a character index and errors need no mapping.
        asciiSpec = Input.Length == text.Length;
        mappedByte = 0;
        mappedChar = 0;
    }

    /// <summary>
    /// Feeds the next spec of the disk as UTF-8 bytes (valid UTF-8: the parser checks it first). The spec's
    /// string, which errors quote, is decoded from the scanner's copy only when an error needs it.
    /// </summary>
    /// <param name="utf8">The spec's bytes.</param>
    /// <param name="index">Which spec of the disk it is.</param>
    /// <param name="ascii">True when the caller knows the bytes are ASCII (then they need no check).</param>
    internal void StartSpec(ReadOnlySpan<byte> utf8, int index, bool ascii)
    {
        spec = null;
        specInInput = true;
        specIndex = index;
        SetInput(utf8);
        asciiSpec = ascii || Ascii.IsValid(utf8);
        mappedByte = 0;
        mappedChar = 0;
    }

    /// <summary>
    /// A value's text. Spec values are nearly always short ASCII: they are widened on the stack in one
    /// vectorized pass that also checks them, then copied once into the string; anything else is
    /// decoded as UTF-8 (ASCII decodes to the same characters either way).
    /// </summary>
    [SkipLocalsInit]
    private static string Decode(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length <= ShortValue)
        {
            Span<char> chars = stackalloc char[ShortValue];
            if (Ascii.ToUtf16(utf8, chars, out int written) == OperationStatus.Done)
            {
                return new string(chars[..written]);
            }
        }

        return Encoding.UTF8.GetString(utf8);
    }

    private const int ShortValue = 256;

    /// <summary>The token without one trailing <paramref name="delimiter"/> (libxlutil's STRIP).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Stripped(byte delimiter)
    {
        ReadOnlySpan<byte> text = TextSpan;
        return text.Length > 0 && text[^1] == delimiter ? text[..^1] : text;
    }

    /// <summary>What follows the first '=' (libxlutil's FROMEQUALS).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> FromEquals(ReadOnlySpan<byte> text) => text[(text.IndexOf((byte)'=') + 1)..];

    /// <summary>
    /// libxlutil's savestring: a string already set to something non-empty is an
    /// "OPTION respecified" error (and keeps its value); an empty one is overwritten silently.
    /// Returns the field's new value, so a rule reads <c>Disk.F = SaveString("name", Disk.F, value);</c>
    /// and a new string option is that one line in grammar/disk.l and nothing else.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? SaveString(string option, string? current, ReadOnlySpan<byte> value)
    {
        if (!string.IsNullOrEmpty(current))
        {
            Respecified(value, option);
            return current;
        }

        return Decode(value);
    }

    /// <summary>
    /// libxlutil's way with a number, as its setcoloport does it: C's atoi of the value, and a
    /// value of 0 (which is also what atoi makes of text that is no number) or outside
    /// [<paramref name="min"/>, <paramref name="max"/>] is "unknown value for NAME" (and keeps the
    /// field's value). Returns the field's new value, so a rule reads
    /// <c>Disk.F = SaveInt("f", Disk.F, value, 1, 64);</c> and a new range-checked integer option
    /// is that one line in grammar/disk.l and nothing else. A number given twice is not an error:
    /// the last one counts, as in libxlutil.
    /// </summary>
    private int SaveInt(string name, int current, ReadOnlySpan<byte> value, int min, int max)
    {
        int number = CAtoi.Parse(value);
        if (number == 0 || number < min || number > max)
        {
            Error(value, "unknown value for " + name);
            return current;
        }

        return number;
    }

    /// <summary>libxlutil's setaccess: r/ro read-only; rw/w/empty read-write.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SetAccess(ReadOnlySpan<byte> value)
    {
        if (value.SequenceEqual("r"u8) || value.SequenceEqual("ro"u8))
        {
            Disk.Readwrite = false;
        }
        else if (value.SequenceEqual("rw"u8) || value.SequenceEqual("w"u8) || value.IsEmpty)
        {
            Disk.Readwrite = true;
        }
        else
        {
            Error(value, "unknown value for access");
        }
    }

    /// <summary>
    /// libxlutil's setformat. The names come from the IDL's enum; libxlutil compares
    /// with strcmp (case matters) and knows no "unknown"; an empty format means raw.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SetFormat(ReadOnlySpan<byte> value)
    {
        DiskFormat format = DiskFormat.Raw;
        if (!value.IsEmpty
            && (!DiskFormatExtensions.TryParseLibxl(value, out format, ignoreCase: false) || format == DiskFormat.Unknown))
        {
            Error(value, "unknown value for format");
            return;
        }

        // DSET: a second, different value is an error; the same value again is not.
        if (Disk.Format != DiskFormat.Unknown && Disk.Format != format)
        {
            Error(value, "format respecified");
            return;
        }

        Disk.Format = format;
    }

    /// <summary>libxlutil's setbackendtype (case-sensitive; "unknown" is not a value).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SetBackendType(ReadOnlySpan<byte> value)
    {
        if (!DiskBackendExtensions.TryParseLibxl(value, out DiskBackend backend, ignoreCase: false) || backend == DiskBackend.Unknown)
        {
            Error(value, "unknown value for backendtype");
        }
        else if (Disk.Backend != DiskBackend.Unknown && Disk.Backend != backend)
        {
            Error(value, "backend respecified");
        }
        else
        {
            Disk.Backend = backend;
        }
    }

    /// <summary>libxlutil's setspecification (case-sensitive; "unknown" is not a value).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SetSpecification(ReadOnlySpan<byte> value)
    {
        if (!DiskSpecificationExtensions.TryParseLibxl(value, out DiskSpecification specification, ignoreCase: false)
            || specification == DiskSpecification.Unknown)
        {
            Error(value, "unknown value for specification");
        }
        else if (Disk.Specification != DiskSpecification.Unknown && Disk.Specification != specification)
        {
            Error(value, "specification respecified");
        }
        else
        {
            Disk.Specification = specification;
        }
    }

    /// <summary><c>raw:</c>, <c>qcow:</c>, <c>qcow2:</c>, <c>vhd:</c> before the target set the format.</summary>
    private void DeprecatedFormatPrefix(ReadOnlySpan<byte> format)
    {
        hadDeprecatedPrefix = true;
        SetFormat(format);
    }

    /// <summary><c>iscsi:</c>, <c>nbd:</c>, <c>enbd:</c>, <c>drbd:</c> before the target set the script block-NAME.</summary>
    private void DeprecatedScriptPrefix(ReadOnlySpan<byte> name)
    {
        hadDeprecatedPrefix = true;
        Span<byte> script = stackalloc byte[6 + name.Length];
        "block-"u8.CopyTo(script);
        name.CopyTo(script[6..]);
        Disk.Script = SaveString("script", Disk.Script, script);
    }

    /// <summary><c>tapdisk: tap: tap2: aio: ioemu: file: phy:</c> are accepted and ignored.</summary>
    private void IgnoredDeprecatedPrefix() => hadDeprecatedPrefix = true;

    /// <summary>
    /// A positional parameter: the first fills the target, then the format (or, after
    /// an empty target, a vdev:devtype makes an empty CD-ROM), then the vdev, then the
    /// access. Returns false when the spec must stop ("too many positional parameters").
    /// After an earlier error, positional parameters are passed over in silence.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Positional(ReadOnlySpan<byte> text)
    {
        if (HasError)
        {
            // earlier errors may just lead to later ones
        }
        else if (Disk.PdevPath is null)
        {
            Disk.PdevPath = SaveString("target", Disk.PdevPath, text);
        }
        else if (!hadDeprecatedPrefix && Disk.Format == DiskFormat.Unknown)
        {
            if (Disk.PdevPath.Length == 0 && VdevAndDevtype(text))
            {
                Disk.Format = DiskFormat.Empty;
            }
            else
            {
                SetFormat(text);
            }
        }
        else if (Disk.Vdev is null)
        {
            if (!VdevAndDevtype(text))
            {
                Disk.Vdev = SaveString("vdev", Disk.Vdev, text);
            }
        }
        else if (!accessSet)
        {
            accessSet = true;
            SetAccess(text);
        }
        else
        {
            Error(text, "too many positional parameters");
            return false;
        }

        return true;
    }

    /// <summary>
    /// libxlutil's vdev_and_devtype: <c>VDEV:cdrom</c> or <c>VDEV:disk</c>, split at the
    /// last colon. Returns false (doing nothing) when there is no colon.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool VdevAndDevtype(ReadOnlySpan<byte> text)
    {
        int colon = text.LastIndexOf((byte)':');
        if (colon < 0)
        {
            return false;
        }

        Disk.Vdev = SaveString("vdev", Disk.Vdev, text[..colon]);
        ReadOnlySpan<byte> type = text[(colon + 1)..];
        if (type.SequenceEqual("cdrom"u8))
        {
            Disk.IsCdrom = true;
        }
        else if (type.SequenceEqual("disk"u8))
        {
            Disk.IsCdrom = false;
        }
        else
        {
            Error(type, "unknown deprecated type");
        }

        return true;
    }
}
