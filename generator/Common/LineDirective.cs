namespace Colo.Gen.Generator.Common;

/// <summary>
/// The <c>#line</c> directives that put code copied from a grammar file back at its place
/// there, so the compiler reports an error in it at the grammar file's line.
/// </summary>
internal static class LineDirective
{
    /// <summary>Ends a region started by <see cref="Start"/>: lines count in the generated file again.</summary>
    public const string End = "#line default\n";

    /// <summary>
    /// <c>#line LINE "PATH"</c> and a line end. C# takes the file name verbatim (no escapes) up to
    /// the next '"', so a '"' or a line break in <paramref name="path"/> (possible on Linux) cannot
    /// be written: each becomes '_'.
    /// </summary>
    public static string Start(int oneBasedLine, string path)
    {
        var name = new System.Text.StringBuilder(path.Length);
        foreach (char c in path)
        {
            name.Append(c is '"' or '\n' or '\r' or '\u0085' or '\u2028' or '\u2029' ? '_' : c);
        }

        return "#line " + oneBasedLine.ToString(System.Globalization.CultureInfo.InvariantCulture) + " \"" + name + "\"\n";
    }
}
