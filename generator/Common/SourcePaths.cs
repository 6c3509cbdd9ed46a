using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Colo.Gen.Generator.Common;

/// <summary>One entry of the compiler's path map (<c>/pathmap:PREFIX=REPLACEMENT</c>).</summary>
internal readonly record struct PathMapEntry(string Prefix, string Replacement);

/// <summary>
/// The paths of an input file that generated code names. Generated text must be the same
/// wherever the checkout sits, or the same commit builds different code on different machines
/// (no deterministic build, no build cache hit, SourceLink pointing nowhere). The compiler has
/// one answer for its own output, the path map: MSBuild's <c>PathMap</c> (which
/// <c>DeterministicSourcePaths</c>, on in CI builds with <c>ContinuousIntegrationBuild</c>, fills
/// with the repository root → <c>/_/</c>) rewrites the prefixes of every path it writes into PDBs
/// and <c>CallerFilePath</c>. The generators honour the same map, read from the compilation, for
/// the paths they write.
/// </summary>
internal static class SourcePaths
{
    /// <summary>The project property that holds the project's folder (the .NET SDK makes it visible to generators).</summary>
    public const string ProjectDirectoryProperty = "build_property.ProjectDir";

    /// <summary>The compiler's path map, as its source resolver holds it; empty when it has none.</summary>
    public static EquatableArray<PathMapEntry> PathMapOf(Compilation compilation)
    {
        if (compilation.Options.SourceReferenceResolver is not SourceFileResolver resolver || resolver.PathMap.IsDefaultOrEmpty)
        {
            return EquatableArray<PathMapEntry>.Empty;
        }

        var entries = new List<PathMapEntry>(resolver.PathMap.Length);
        foreach (KeyValuePair<string, string> entry in resolver.PathMap)
        {
            entries.Add(new PathMapEntry(entry.Key, entry.Value));
        }

        return entries.ToEquatableArray();
    }

    /// <summary>
    /// The path a <c>#line</c> directive names: <paramref name="path"/> without <c>.</c> and <c>..</c>
    /// segments, then mapped as the compiler maps a source path (the first entry whose prefix it
    /// starts with is replaced; when the replacement uses one kind of directory separator only,
    /// the rest of the path is converted to it). Without a matching entry the full path stays,
    /// so an error in an action can be opened from the build output.
    /// </summary>
    public static string ForLineDirective(string path, EquatableArray<PathMapEntry> pathMap)
    {
        string normalized = Normalize(path);
        foreach (PathMapEntry entry in pathMap)
        {
            if (entry.Prefix.Trim().Length == 0 || !normalized.StartsWith(entry.Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            string mapped = entry.Replacement + normalized.Substring(entry.Prefix.Length);
            bool slash = entry.Replacement.IndexOf('/') >= 0;
            bool backslash = entry.Replacement.IndexOf('\\') >= 0;
            return slash && !backslash ? mapped.Replace('\\', '/')
                : backslash && !slash ? mapped.Replace('/', '\\')
                : mapped;
        }

        return normalized;
    }

    /// <summary>
    /// A name for the file that does not depend on where the checkout sits, to tell apart two
    /// files of one name (hint names): its path relative to the project folder with '/' between
    /// segments; outside any project (a test driver, an IDE without one), the line-directive path.
    /// </summary>
    public static string StableKey(string path, string? projectDirectory, EquatableArray<PathMapEntry> pathMap)
    {
        string file = Normalize(path).Replace('\\', '/');
        string? directory = string.IsNullOrWhiteSpace(projectDirectory) ? null : Normalize(projectDirectory!).Replace('\\', '/').TrimEnd('/');
        if (directory is null || directory.Length == 0 || !IsRooted(file) || !IsRooted(directory))
        {
            return ForLineDirective(path, pathMap).Replace('\\', '/');
        }

        string[] from = directory.Split('/');
        string[] to = file.Split('/');
        int common = 0;
        while (common < from.Length && common < to.Length - 1 && string.Equals(from[common], to[common], StringComparison.Ordinal))
        {
            common++;
        }

        if (common == 0)
        {
            return ForLineDirective(path, pathMap).Replace('\\', '/');
        }

        var relative = new List<string>();
        for (int i = common; i < from.Length; i++)
        {
            relative.Add("..");
        }

        for (int i = common; i < to.Length; i++)
        {
            relative.Add(to[i]);
        }

        return string.Join("/", relative);
    }

    /// <summary>
    /// <paramref name="path"/> with <c>.</c> segments and each <c>..</c> with the segment before it
    /// removed, by text alone (no file system, no current directory): MSBuild hands the compiler
    /// <c>runtime/../grammar/disk.l</c> for an item included as <c>../grammar/disk.l</c>.
    /// </summary>
    public static string Normalize(string path)
    {
        if (path.IndexOf("/.", StringComparison.Ordinal) < 0 && path.IndexOf("\\.", StringComparison.Ordinal) < 0)
        {
            return path;
        }

        char separator = path.IndexOf('/') >= 0 || path.IndexOf('\\') < 0 ? '/' : '\\';
        string[] segments = path.Split('/', '\\');
        var kept = new List<string>(segments.Length);
        for (int i = 0; i < segments.Length; i++)
        {
            string segment = segments[i];
            if (segment == "." && i > 0)
            {
                continue;
            }

            if (segment == ".." && kept.Count > 0)
            {
                string last = kept[kept.Count - 1];
                bool atRoot = kept.Count == 1 && (last.Length == 0 || IsDrive(last));
                if (atRoot)
                {
                    // The parent of a root is the root itself.
                    continue;
                }

                if (last is not ("" or ".." or "."))
                {
                    kept.RemoveAt(kept.Count - 1);
                    continue;
                }
            }

            kept.Add(segment);
        }

        return string.Join(separator.ToString(), kept);
    }

    private static bool IsRooted(string path) => path.StartsWith("/", StringComparison.Ordinal) || (path.Length >= 2 && path[1] == ':');

    // "C:" before the first separator is a root, not a folder '..' can leave.
    private static bool IsDrive(string segment) => segment.Length == 2 && segment[1] == ':';
}
