using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Colo.Gen.Config;

/// <summary>
/// An xl domain configuration file read exactly as Xen's libxlutil reads it (<c>xlu_cfg_readdata</c>):
/// its settings in file order with their lines, and libxlutil's messages word for word. The getters
/// (in XlConfig.Getters.cs) and the domain's disks (<see cref="XlConfigDisks"/>) read it as xl does.
/// </summary>
public sealed partial class XlConfig
{
    private readonly XlConfigStore store;

    private XlConfig(string sourceName, XlConfigStore store, List<string> messages, bool succeeded)
    {
        SourceName = sourceName;
        this.store = store;
        Messages = messages;
        Succeeded = succeeded;
    }

    /// <summary>The name messages start with (libxlutil's config source; xl gives the file name as typed).</summary>
    public string SourceName { get; }

    /// <summary>
    /// Every stored setting in file order, a repeated name as often as it was set. After an error,
    /// the settings stored before it (libxlutil keeps them; xl refuses the file).
    /// </summary>
    public IReadOnlyList<XlConfigSetting> Settings => store.Settings;

    /// <summary>
    /// What libxlutil wrote to its report while reading, one line each, without the newline: parse
    /// errors (<c>SOURCE:LINE: config parsing error near `TOKEN': MESSAGE</c>) and the warning about
    /// Python. Bytes of the file that are not UTF-8 appear as <c>\xNN</c> (<see cref="XlConfigText"/>).
    /// </summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>True when the file was read without error (libxlutil returned 0); xl refuses a file otherwise.</summary>
    public bool Succeeded { get; }

    /// <summary>
    /// Reads the file at <paramref name="path"/> whole and parses it, as xl does. A file that cannot be
    /// read gives a failed config whose message is libxlutil's <c>PATH: unable to open configuration
    /// file: REASON</c> (with the real reason: libxlutil 4.17 prints the wrong error number there).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="sourceName">The name messages start with; the path when null.</param>
    public static XlConfig Load(string path, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var report = new XlConfigReport(sourceName ?? path, []);
            return new XlConfig(sourceName ?? path, new XlConfigStore(report), [$"{path}: unable to open configuration file: {Reason(e, path)}"], succeeded: false);
        }

        return Parse(content, sourceName ?? path);
    }

    /// <summary>Parses a whole file's bytes (libxlutil's <c>xlu_cfg_readdata</c>).</summary>
    /// <param name="content">The file's bytes, any bytes at all.</param>
    /// <param name="sourceName">The name messages start with.</param>
    public static XlConfig Parse(ReadOnlySpan<byte> content, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        var messages = new List<string>();
        var report = new XlConfigReport(sourceName, messages);
        var store = new XlConfigStore(report);
        XlConfigParser.Parse(content, report, store);
        return new XlConfig(sourceName, store, messages, !report.Failed);
    }

    /// <summary>
    /// Parses a file given as text (its UTF-8 bytes). Text that is not valid Unicode (a lone UTF-16
    /// surrogate, which has no UTF-8 form) is not read at all: the config fails, with no settings and
    /// one message in libxlutil's form naming the line and the surrogate
    /// (<c>SOURCE:LINE: config parsing error near `\uD800': not valid Unicode (an unpaired UTF-16 surrogate)</c>),
    /// as the disk parser reports one; it is never replaced by U+FFFD.
    /// </summary>
    /// <param name="text">The file's text.</param>
    /// <param name="sourceName">The name messages start with.</param>
    public static XlConfig Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        int surrogate = Utf8Text.LoneSurrogateIndex(text);
        if (surrogate < 0)
        {
            return Parse(Encoding.UTF8.GetBytes(text), sourceName);
        }

        var messages = new List<string>();
        var report = new XlConfigReport(sourceName, messages);
        int line = 1 + text.AsSpan(0, surrogate).Count('\n');
        report.LexicalError(line, Encoding.ASCII.GetBytes(Utf8Text.ShowSurrogate(text[surrogate])), "not valid Unicode (an unpaired UTF-16 surrogate)");
        return new XlConfig(sourceName, new XlConfigStore(report), messages, succeeded: false);
    }

    /// <summary>The last setting named <paramref name="name"/> (the one every getter reads), or null.</summary>
    public XlConfigSetting? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return store.Find(name);
    }

    /// <summary>C's strerror text for why <paramref name="path"/> could not be read, as libxlutil would print it.</summary>
    private static string Reason(Exception e, string path) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "No such file or directory",

        // .NET throws the same exception for reading a directory (EISDIR) as for EACCES.
        UnauthorizedAccessException when Directory.Exists(path) => "Is a directory",
        UnauthorizedAccessException => "Permission denied",
        _ => e.Message,
    };
}
