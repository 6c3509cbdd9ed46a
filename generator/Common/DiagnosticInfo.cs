using System.Linq;
using Microsoft.CodeAnalysis;

namespace Colo.Gen.Generator.Common;

/// <summary>
/// A diagnostic as a value: the descriptor, where, and the message arguments.
/// Descriptors are static singletons, so reference equality on them is value equality.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args) =>
        new(descriptor, location, args.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, MessageArgs.AsImmutableArray().ToArray());
}
