using System;
using System.IO;
using System.Text.Json;
using Xunit;

namespace Colo.Gen.Tests.Cli;

/// <summary>
/// The runtime settings colo-disk ships with (cli/Colo.Gen.Cli.csproj) are what the README's
/// performance figures were measured with: the batch loop is promoted to optimized code without the
/// runtime's 100 ms wait, and skips the instrumented PGO tier.
/// </summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void The_tool_tiers_up_its_batch_loop_without_waiting()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "colo-disk.runtimeconfig.json");
        using JsonDocument config = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(0, properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
