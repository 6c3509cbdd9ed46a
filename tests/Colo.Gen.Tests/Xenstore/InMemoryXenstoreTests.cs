using Colo.Gen.Xenstore;
using Xunit;

namespace Colo.Gen.Tests.Xenstore;

public sealed class InMemoryXenstoreTests
{
    [Fact]
    public void A_write_creates_its_parents_and_a_remove_takes_the_subtree()
    {
        var store = new InMemoryXenstore();
        store.Write("/local/domain/0/backend/qdisk/1/768/params", "aio:/x");
        Assert.Equal(string.Empty, store.Read("/local/domain/0/backend"));
        Assert.Equal(["768"], store.Directory("/local/domain/0/backend/qdisk/1"));

        Assert.True(store.Remove("/local/domain/0/backend/qdisk"));
        Assert.Null(store.Read("/local/domain/0/backend/qdisk/1/768/params"));
        Assert.False(store.Remove("/local/domain/0/backend/qdisk"));
        Assert.Equal(string.Empty, store.Read("/local/domain/0/backend"));
    }

    [Fact]
    public void A_transactions_changes_are_invisible_until_commit_and_then_all_there()
    {
        var store = new InMemoryXenstore();
        using IXenstoreTransaction transaction = store.BeginTransaction();
        transaction.Write("/a/b", "1");
        transaction.Write("/a/c", "2");
        Assert.Equal("1", transaction.Read("/a/b"));
        Assert.Null(store.Read("/a/b"));

        Assert.True(transaction.Commit());
        Assert.Equal("1", store.Read("/a/b"));
        Assert.Equal("2", store.Read("/a/c"));
    }

    [Fact]
    public void An_aborted_transaction_changes_nothing()
    {
        var store = new InMemoryXenstore();
        store.Write("/a", "old");
        using (IXenstoreTransaction transaction = store.BeginTransaction())
        {
            transaction.Write("/a", "new");
            transaction.Remove("/a");
        }

        Assert.Equal("old", store.Read("/a"));
    }

    [Fact]
    public void A_transaction_does_not_see_writes_made_after_it_began()
    {
        var store = new InMemoryXenstore();
        using IXenstoreTransaction transaction = store.BeginTransaction();
        store.Write("/late", "x");
        Assert.Null(transaction.Read("/late"));
    }

    [Fact]
    public void A_commit_fails_when_a_node_it_used_changed_meanwhile_and_applies_nothing()
    {
        var store = new InMemoryXenstore();
        store.Write("/d/state", "1");
        using IXenstoreTransaction transaction = store.BeginTransaction();
        Assert.Equal("1", transaction.Read("/d/state"));
        transaction.Write("/d/other", "x");
        store.Write("/d/state", "4");

        Assert.False(transaction.Commit());
        Assert.Null(store.Read("/d/other"));
        Assert.Equal("4", store.Read("/d/state"));
    }

    [Fact]
    public void Two_transactions_creating_the_same_node_conflict()
    {
        var store = new InMemoryXenstore();
        using IXenstoreTransaction first = store.BeginTransaction();
        using IXenstoreTransaction second = store.BeginTransaction();
        first.Write("/n", "first");
        second.Write("/n", "second");

        Assert.True(first.Commit());
        Assert.False(second.Commit());
        Assert.Equal("first", store.Read("/n"));
    }

    [Fact]
    public void Changes_to_unrelated_nodes_do_not_conflict()
    {
        var store = new InMemoryXenstore();
        using IXenstoreTransaction transaction = store.BeginTransaction();
        transaction.Write("/x/a", "1");
        store.Write("/y/b", "2");
        Assert.True(transaction.Commit());
    }
}
