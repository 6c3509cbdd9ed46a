using System;
using System.Collections.Generic;
using System.IO;

namespace Colo.Gen.Cli;

/// <summary>
/// The bytes of the process's own arguments. .NET hands <c>Main</c> its arguments decoded as UTF-8,
/// with U+FFFD in place of bytes that are not: a spec <c>target=/x\xFF</c> would reach the parser
/// (and QEMU) as another file name. The trust rule is that a user's bytes are never silently
/// changed, so an argument that is not valid UTF-8 is refused, as a <c>--jsonl</c> line of such
/// bytes is. On Linux the bytes are in <c>/proc/self/cmdline</c>.
/// </summary>
internal static class ArgumentBytes
{
    /// <summary>
    /// The first argument that is not valid UTF-8, with its bytes; null when every argument is valid
    /// (or the bytes cannot be known). Only an argument holding U+FFFD can have been changed, so the
    /// usual command line costs no file read.
    /// </summary>
    public static (int Index, byte[] Bytes)? FirstInvalid(string[] args)
    {
        if (!OperatingSystem.IsLinux() || Array.FindIndex(args, a => a.Contains('\uFFFD', StringComparison.Ordinal)) < 0)
        {
            return null;
        }

        byte[] cmdline;
        try
        {
            cmdline = File.ReadAllBytes("/proc/self/cmdline");
        }
        catch (IOException)
        {
            return null;
        }

        // The command line is the host's own arguments (dotnet, the program's path, ...) and then the
        // program's, each ending in NUL: the program's are the last args.Length of them.
        var all = new List<byte[]>();
        for (int start = 0; start < cmdline.Length;)
        {
            int end = Array.IndexOf(cmdline, (byte)0, start);
            end = end < 0 ? cmdline.Length : end;
            all.Add(cmdline[start..end]);
            start = end + 1;
        }

        if (all.Count < args.Length)
        {
            return null;
        }

        for (int i = 0; i < args.Length; i++)
        {
            byte[] bytes = all[all.Count - args.Length + i];
            if (Utf8Text.InvalidUtf8Index(bytes) >= 0)
            {
                return (i, bytes);
            }
        }

        return null;
    }

    /// <summary>
    /// The line that refuses argument <paramref name="index"/> (0-based): its broken bytes after
    /// <c>near</c> and the whole argument after <c>in</c>, each byte that is not part of a whole
    /// character shown as <c>\xNN</c>, as the batch modes show a line of such bytes.
    /// </summary>
    public static string Refusal(int index, byte[] bytes)
    {
        string near = Utf8Text.ShowBrokenAt(bytes, Utf8Text.InvalidUtf8Index(bytes));
        return $"colo-disk: argument {index + 1} is not valid UTF-8: near `{near}' in `{Utf8Text.Show(bytes)}' (arguments are read as UTF-8 and never changed)";
    }
}
