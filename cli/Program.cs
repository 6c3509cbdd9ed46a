namespace Colo.Gen.Cli;

/// <summary>The colo-disk command.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args) => args.Length == 0 ? 1 : 0;
}
