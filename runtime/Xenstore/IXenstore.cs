using System;
using System.Collections.Generic;

namespace Colo.Gen.Xenstore;

/// <summary>The node operations xenstore offers, inside or outside a transaction.</summary>
public interface IXenstoreNodes
{
    /// <summary>The node's value, or null when there is no such node (<c>xs_read</c> returning NULL).</summary>
    /// <param name="path">An absolute path such as <c>/local/domain/0/backend/qdisk/1/768/params</c>.</param>
    string? Read(string path);

    /// <summary>Writes the node, creating it and any missing parents (with empty values), as <c>xs_write</c> does.</summary>
    /// <param name="path">An absolute path.</param>
    /// <param name="value">The value.</param>
    void Write(string path, string value);

    /// <summary>Removes the node and everything below it; false when it was not there.</summary>
    /// <param name="path">An absolute path.</param>
    bool Remove(string path);

    /// <summary>The names of the node's children in ordinal order (<c>xs_directory</c>); empty when none or no node.</summary>
    /// <param name="path">An absolute path.</param>
    IReadOnlyList<string> Directory(string path);
}

/// <summary>
/// A connection to xenstore, the hypervisor's tree of configuration nodes (what libxl's <c>xs_*</c> calls use):
/// node operations outside a transaction, and transactions. <see cref="InMemoryXenstore"/> is one in memory.
/// </summary>
public interface IXenstore : IXenstoreNodes
{
    /// <summary>Starts a transaction (<c>xs_transaction_start</c>).</summary>
    IXenstoreTransaction BeginTransaction();
}

/// <summary>
/// A xenstore transaction: it sees the store as it was when it began plus its own changes, and
/// its changes become visible together at <see cref="Commit"/>. Disposing without committing aborts.
/// </summary>
public interface IXenstoreTransaction : IXenstoreNodes, IDisposable
{
    /// <summary>
    /// Ends the transaction (<c>xs_transaction_end</c>): true when its changes were applied; false
    /// when a node it used changed meanwhile (xenstore's EAGAIN), and nothing was applied, so the
    /// caller runs the whole transaction again.
    /// </summary>
    bool Commit();
}
