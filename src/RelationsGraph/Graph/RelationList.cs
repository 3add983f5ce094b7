using System.Collections;
using RelationsGraph.Model;

namespace RelationsGraph.Graph;

/// <summary>
/// Relations of a graph as a query result: rows of the store (or their id ranks, for results in id order), each
/// made into a <see cref="Relation"/> when it is read. A result of 80,000 relations is 80,000 numbers until someone
/// looks at them; a relation read twice is made twice (equal values, not the same object).
/// </summary>
/// <remarks>Immutable; safe to read from many threads.</remarks>
internal sealed class RelationList : IReadOnlyList<Relation>
{
    private readonly RelationStore store;

    // The rows in list order, or their id ranks when byRank, or null for every row in id order.
    private readonly IReadOnlyList<int>? rows;

    // A result in id order is its ranks, as the interval index and a sort by time find them: a rank becomes a row
    // when the relation is read, not one random read per result item when the query answers.
    private readonly bool byRank;

    private RelationList(RelationStore store, IReadOnlyList<int>? rows, bool byRank)
    {
        this.store = store;
        this.rows = rows;
        this.byRank = byRank;
    }

    public int Count => rows?.Count ?? store.Count;

    /// <summary>Gets the store whose rows the list holds (<see cref="Row"/>), for reading their columns without making relations.</summary>
    public RelationStore Store => store;

    public Relation this[int index] => store.Relation(Row(index));

    /// <summary>Every relation of the store, in id order.</summary>
    public static RelationList All(RelationStore store) => new(store, null, byRank: false);

    /// <summary>The relations of some rows, in the order given.</summary>
    public static RelationList Of(RelationStore store, ReadOnlySpan<int> rows) => new(store, ChunkedList<int>.Of(rows), byRank: false);

    /// <summary>The relations of some id ranks (<see cref="RelationStore.IdRank"/>), in the order given; the list is kept, not copied.</summary>
    public static RelationList OfRanks(RelationStore store, IReadOnlyList<int> ranks) => new(store, ranks, byRank: true);

    /// <summary>The row of the item at an index.</summary>
    public int Row(int index) =>
        rows is not null ? (byRank ? store.RowOfIdRank(rows[index]) : rows[index])
        : (uint)index < (uint)store.Count ? store.RowOfIdRank(index)
        : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<Relation> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
