namespace Colo.Gen.Benchmarks;

/// <summary>The hand-written half of the benchmark scanner: nothing but its accessibility.</summary>
public sealed partial class DiskTokenScanner
{
}
