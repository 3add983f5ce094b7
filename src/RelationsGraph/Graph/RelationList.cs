using System.Collections;
using RelationsGraph.Model;

namespace RelationsGraph.Graph;

/// <summary>
/// Relations of a graph as a query result: the rows of the store, each made into a <see cref="Relation"/> when
/// it is read. A result of 80,000 relations is 80,000 row numbers until someone looks at them; a relation read
/// twice is made twice (equal values, not the same object).
/// </summary>
/// <remarks>Immutable; safe to read from many threads.</remarks>
internal sealed class RelationList : IReadOnlyList<Relation>
{
    private readonly RelationStore store;

    // The rows in list order, or null for every row in id order.
    private readonly IReadOnlyList<int>? rows;

    private RelationList(RelationStore store, IReadOnlyList<int>? rows)
    {
        this.store = store;
        this.rows = rows;
    }

    public int Count => rows?.Count ?? store.Count;

    public Relation this[int index] => store.Relation(Row(index));

    /// <summary>Every relation of the store, in id order.</summary>
    public static RelationList All(RelationStore store) => new(store, null);

    /// <summary>The relations of some rows, in the order given.</summary>
    public static RelationList Of(RelationStore store, ReadOnlySpan<int> rows) => new(store, ChunkedList<int>.Of(rows));

    /// <summary>The row of the item at an index.</summary>
    public int Row(int index) =>
        rows is not null ? rows[index]
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
