using System;
using System.IO;
using System.Threading.Tasks;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Packaging;

/// <summary>
/// The three packages, packed once from a copy of the repository into a folder feed, for the tests of
/// the <see cref="Infrastructure.SdkBuilds"/> collection: Colo.Gen (library), Colo.Gen.Generator (analyzer) and colo-disk
/// (.NET tool). They are packed as a fork would pack them, with <c>ColoGenRepositoryUrl</c> set, so the
/// tests can see that one property reaches every package.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    /// <summary>The URL the copy is packed with, standing for a fork's repository.</summary>
    public const string ForkUrl = "https://example.org/a-fork/colo-gen";

    /// <summary>The projects <c>dotnet pack Colo.Gen.sln</c> packs (the others set IsPackable=false).</summary>
    public static readonly string[] PackableProjects = ["cli/Colo.Gen.Cli.csproj", "generator/Colo.Gen.Generator.csproj", "runtime/Colo.Gen.csproj"];

    private readonly Lazy<Task<RepositoryCopy>> _packing = new(PackAsync);
    private RepositoryCopy? _copy;

    /// <summary>The copy the packages were packed from (after <see cref="ReadyAsync"/>).</summary>
    public RepositoryCopy Copy => _copy ?? throw new InvalidOperationException("not packed yet: await ReadyAsync() first");

    /// <summary>The folder feed holding the packages (after <see cref="ReadyAsync"/>).</summary>
    public string Feed => FeedOf(Copy);

    /// <summary>
    /// Packs the three packages the first time a test asks (the collection's other tests never wait
    /// for it), and hands every later caller the same feed.
    /// </summary>
    public async Task<PackedFeed> ReadyAsync()
    {
        _copy = await _packing.Value;
        return this;
    }

    /// <inheritdoc/>
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    private static string FeedOf(RepositoryCopy copy) => copy.PathOf("feed");

    private static async Task<RepositoryCopy> PackAsync()
    {
        RepositoryCopy copy = RepositoryCopy.Create();
        foreach (string project in PackableProjects)
        {
            ProcessOutcome pack = await DotnetCli.RunAsync(
                copy.Root, TimeSpan.FromMinutes(6), "pack", project, "-c", "Release", "-o", FeedOf(copy), "-nologo", "-p:ColoGenRepositoryUrl=" + ForkUrl);
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{pack.Transcript}");
            }
        }

        return copy;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _copy?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The path of a file in the feed.</summary>
    public string PathOf(string name) => Path.Combine(Feed, name);
}
