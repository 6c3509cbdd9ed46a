using System;
using System.IO;
using System.Threading.Tasks;
using Colo.Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Generator.Tests;

/// <summary>
/// The generated sources of grammar/libxl_types.idl and of a small IDL with a keyed union and arrays,
/// against Snapshots/: each file's types, and the source its namespace shares (Defbool, the JSON support).
/// </summary>
public class GeneratorSnapshotTests
{
    [Fact]
    public Task ProjectIdl_GeneratesTheSnapshot() =>
        SnapshotVerifier.VerifyAsync<IdlTypesGenerator>(
            "/project/libxl_types.idl", File.ReadAllText(GeneratorHarness.RepositoryFile("grammar", "libxl_types.idl")),
            ["libxl_types.idl.g.cs", "Colo.Gen.ColoGenSupport.g.cs"]);

    [Fact]
    public Task SmallIdl_WithKeyedUnionAndArray_GeneratesTheSnapshot() =>
        SnapshotVerifier.VerifyAsync<IdlTypesGenerator>(
            "/project/small.idl", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "small.idl")),
            ["small.idl.g.cs", "Colo.Gen.ColoGenSupport.g.cs"]);
}
