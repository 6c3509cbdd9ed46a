using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Colo.Gen.Generator.Common;

/// <summary>
/// The namespace that code generated from a grammar file goes in, chosen the same way for
/// .l and .idl files: the file's <c>ColoGenNamespace</c> metadata, else the project's
/// <c>RootNamespace</c>, else <see cref="Fallback"/>; then made a valid C# namespace. MSBuild
/// takes RootNamespace from the project's file name unchanged, so a project called
/// <c>my-app</c> or <c>1st.app</c> has a RootNamespace C# cannot declare.
/// </summary>
internal static class GeneratedNamespace
{
    /// <summary>The namespace when neither the file nor the project names one.</summary>
    public const string Fallback = "Generated";

    /// <summary>The AdditionalFiles metadata that picks one file's namespace.</summary>
    public const string ItemMetadata = "build_metadata.AdditionalFiles.ColoGenNamespace";

    /// <summary>The project property the namespace defaults to (made visible by build/Colo.Gen.Generator.props).</summary>
    public const string RootNamespaceProperty = "build_property.RootNamespace";

    /// <summary>The namespace for one file, from its options and the project's.</summary>
    public static string For(AnalyzerConfigOptions fileOptions, AnalyzerConfigOptions globalOptions)
    {
        if (fileOptions.TryGetValue(ItemMetadata, out string? fromItem) && !string.IsNullOrWhiteSpace(fromItem))
        {
            return Clean(fromItem);
        }

        return globalOptions.TryGetValue(RootNamespaceProperty, out string? root) ? Clean(root) : Fallback;
    }

    /// <summary>
    /// A namespace C# accepts: each dot-separated part becomes an identifier (a character an
    /// identifier cannot hold becomes '_', a part that cannot start one gets a leading '_', a
    /// keyword gets '@', as does one written "@class"); empty parts are dropped; nothing left is <see cref="Fallback"/>.
    /// The same rule Visual Studio's templates apply to a folder name: <c>my-app</c> is <c>my_app</c>.
    /// </summary>
    public static string Clean(string? name)
    {
        if (name is null)
        {
            return Fallback;
        }

        var parts = new List<string>();
        foreach (string raw in name.Split('.'))
        {
            string part = raw.Trim();
            if (part.Length > 0)
            {
                parts.Add(Identifier(part));
            }
        }

        return parts.Count == 0 ? Fallback : string.Join(".", parts);
    }

    private static string Identifier(string part)
    {
        // A leading '@' marks a verbatim identifier in C# ("@class"): it is not part of the name.
        if (part[0] == '@')
        {
            part = part.Substring(1);
            if (part.Length == 0)
            {
                return "_";
            }
        }

        var sb = new StringBuilder(part.Length + 1);
        foreach (char c in part)
        {
            sb.Append(SyntaxFacts.IsIdentifierPartCharacter(c) ? c : '_');
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(sb[0]))
        {
            sb.Insert(0, '_');
        }

        string identifier = sb.ToString();
        return SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
    }
}
