namespace Colo.Gen.Xenstore;

/// <summary>How a COLO disk's replication settings are kept in its backend directory.</summary>
public enum ColoNodeLayout
{
    /// <summary>Today's libxl: <c>colo-host</c>, <c>colo-port</c>, <c>colo-export</c>, <c>active-disk</c>, <c>hidden-disk</c>.</summary>
    Upstream = 0,

    /// <summary>The seed patch: <c>colo-params</c> (HOST:PORT:exportname=NAME), <c>active-disk</c>, <c>hidden-disk</c>.</summary>
    Seed = 1,
}
