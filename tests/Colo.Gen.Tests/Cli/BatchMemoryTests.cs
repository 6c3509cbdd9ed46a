using System.IO;
using System.Text;
using Colo.Gen.Cli;
using Xunit;

namespace Colo.Gen.Tests.Cli;

/// <summary>Tests that measure the process's managed heap, so nothing else may run beside them.</summary>
[CollectionDefinition(nameof(HeapMeasuringTests), DisableParallelization = true)]
public sealed class HeapMeasuringTests
{
}

/// <summary>The batch modes keep nothing a disk: the heap does not grow with the input.</summary>
[Collection(nameof(HeapMeasuringTests))]
public sealed class BatchMemoryTests
{
    [Theory]
    [InlineData("--jsonl")]
    [InlineData("--count")]
    public void BatchMode_OverManyDisks_KeepsTheHeapFlat(string mode)
    {
        // 200,000 disks, 12 MB of input: read line by line, written through one buffer, nothing kept a disk.
        var input = new ParseBatchInputTests.GeneratedDisks(200_000);
        var sink = new ParseBatchInputTests.CountingSink();
        using var stdout = new StreamWriter(sink, new UTF8Encoding(false)) { NewLine = "\n" };

        int status = Program.Run(["parse", mode], input, stdout, new StringWriter());

        Assert.Equal(0, status);
        Assert.True(input.HeapSamples.Count >= 10, $"{input.HeapSamples.Count} samples");
        long growth = input.HeapSamples[^1] - input.HeapSamples[1];
        Assert.True(growth < 2 << 20, $"the heap grew by {growth} bytes over {input.HeapSamples.Count} MB of input: {string.Join(", ", input.HeapSamples)}");
        Assert.True(mode == "--count" || sink.Written > 200_000 * 60, $"{sink.Written} bytes written");
    }
}
