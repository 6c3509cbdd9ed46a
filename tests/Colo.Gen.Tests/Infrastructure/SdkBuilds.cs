using Colo.Gen.Tests.Packaging;
using Xunit;

namespace Colo.Gen.Tests.Infrastructure;

/// <summary>
/// The tests that run the .NET SDK on a copy of the repository or a project of their own (build,
/// pack, tool install, Native AOT publish). Each takes minutes of both cores; xunit runs the tests of
/// one collection one at a time, so at most one of them builds while the light tests run beside it,
/// and none waits out its time limit behind another on a loaded two-core machine. The packed feed
/// (<see cref="PackedFeed"/>) is made once for those that install from it.
/// </summary>
[CollectionDefinition(nameof(SdkBuilds))]
public sealed class SdkBuilds : ICollectionFixture<PackedFeed>;
