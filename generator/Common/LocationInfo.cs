using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Colo.Gen.Generator.Common;

/// <summary>
/// Where something is in an input file, stored as plain values so that a model can
/// hold it without keeping a <see cref="Location"/> or a syntax tree alive. It becomes
/// a <see cref="Location"/> only when a diagnostic is reported.
/// </summary>
internal readonly record struct LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    /// <summary>A location at a single point, given as a 0-based line and column and an offset.</summary>
    public static LocationInfo At(string filePath, int offset, int line, int column, int length = 0) =>
        new(filePath, new TextSpan(offset, length), new LinePositionSpan(new LinePosition(line, column), new LinePosition(line, column + length)));
}
