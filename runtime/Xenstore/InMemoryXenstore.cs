using System;
using System.Collections.Generic;
using System.Linq;

namespace Colo.Gen.Xenstore;

/// <summary>
/// A xenstore held in memory, for tests and for tools that prepare nodes without a hypervisor.
/// Transactions are optimistic as xenstored's are: each works on its own view, and a commit
/// fails if any node the transaction read or changed was changed by someone else since it began.
/// </summary>
public sealed class InMemoryXenstore : IXenstore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal) { ["/"] = new Node(string.Empty, 0) };
    private long _version;

    /// <inheritdoc/>
    public string? Read(string path)
    {
        lock (_gate)
        {
            return _nodes.TryGetValue(Normalize(path), out Node node) ? node.Value : null;
        }
    }

    /// <inheritdoc/>
    public void Write(string path, string value)
    {
        lock (_gate)
        {
            WriteLocked(_nodes, Normalize(path), value, ++_version);
        }
    }

    /// <inheritdoc/>
    public bool Remove(string path)
    {
        lock (_gate)
        {
            return RemoveLocked(_nodes, Normalize(path));
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Directory(string path)
    {
        lock (_gate)
        {
            return Children(_nodes, Normalize(path));
        }
    }

    /// <inheritdoc/>
    public IXenstoreTransaction BeginTransaction()
    {
        lock (_gate)
        {
            return new Transaction(this, new Dictionary<string, Node>(_nodes, StringComparer.Ordinal));
        }
    }

    private static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"xenstore paths here are absolute: \"{path}\"", nameof(path));
        }

        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    private static string Parent(string path) => path.LastIndexOf('/') is var slash and > 0 ? path[..slash] : "/";

    private static void WriteLocked(Dictionary<string, Node> nodes, string path, string value, long version)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (string parent = Parent(path); !nodes.ContainsKey(parent); parent = Parent(parent))
        {
            nodes[parent] = new Node(string.Empty, version);
        }

        nodes[path] = new Node(value, version);
    }

    private static bool RemoveLocked(Dictionary<string, Node> nodes, string path)
    {
        if (!nodes.ContainsKey(path) || path == "/")
        {
            return false;
        }

        string prefix = path + "/";
        foreach (string key in nodes.Keys.Where(k => k == path || k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            nodes.Remove(key);
        }

        return true;
    }

    private static List<string> Children(Dictionary<string, Node> nodes, string path)
    {
        string prefix = path == "/" ? "/" : path + "/";
        return nodes.Keys
            .Where(k => k.Length > prefix.Length && k.StartsWith(prefix, StringComparison.Ordinal) && k.IndexOf('/', prefix.Length) < 0)
            .Select(k => k[prefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private readonly record struct Node(string Value, long Version);

    /// <summary>A transaction: a private copy of the nodes, the versions it saw, and its changes in order.</summary>
    private sealed class Transaction(InMemoryXenstore store, Dictionary<string, Node> view) : IXenstoreTransaction
    {
        private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
        private readonly List<(string Path, string? Value)> _changes = [];
        private bool _ended;

        public string? Read(string path)
        {
            string key = Use(path);
            return view.TryGetValue(key, out Node node) ? node.Value : null;
        }

        public void Write(string path, string value)
        {
            string key = Use(path);
            for (string parent = Parent(key); parent != "/"; parent = Parent(parent))
            {
                Use(parent);
            }

            WriteLocked(view, key, value, 0);
            _changes.Add((key, value));
        }

        public bool Remove(string path)
        {
            string key = Use(path);
            _changes.Add((key, null));
            return RemoveLocked(view, key);
        }

        public IReadOnlyList<string> Directory(string path) => Children(view, Use(path));

        public bool Commit()
        {
            ObjectDisposedException.ThrowIf(_ended, this);
            _ended = true;
            lock (store._gate)
            {
                foreach ((string path, long version) in _seen)
                {
                    long now = store._nodes.TryGetValue(path, out Node node) ? node.Version : -1;
                    if (now != version)
                    {
                        return false;
                    }
                }

                long commitVersion = ++store._version;
                foreach ((string path, string? value) in _changes)
                {
                    if (value is null)
                    {
                        RemoveLocked(store._nodes, path);
                    }
                    else
                    {
                        WriteLocked(store._nodes, path, value, commitVersion);
                    }
                }

                return true;
            }
        }

        public void Dispose() => _ended = true;

        /// <summary>Notes the version of a node the first time the transaction touches it.</summary>
        private string Use(string path)
        {
            ObjectDisposedException.ThrowIf(_ended, this);
            string key = Normalize(path);
            if (!_seen.ContainsKey(key))
            {
                // Every change goes through here first, so this is the version the node had
                // when the transaction began (-1: absent).
                _seen[key] = view.TryGetValue(key, out Node node) ? node.Version : -1;
            }

            return key;
        }
    }
}
