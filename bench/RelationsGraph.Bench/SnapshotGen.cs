using System.Globalization;
using RelationsGraph.Common;
using RelationsGraph.Graph;
using RelationsGraph.Model;
using RelationsGraph.Storage;
using RelationsGraph.Time;

namespace RelationsGraph.Bench;

/// <summary>
/// The generator's graph (<see cref="Generator"/>: the same draws for each relation, so the same relations) streamed straight
/// into a snapshot: the relations' numbers are drawn into columns (18 bytes a relation), put in the store's order,
/// and written a batch at a time with their texts made as they are written. No relation object and no JSON text
/// ever exists, so 100M relations need about 3 GB.
/// </summary>
internal static class SnapshotGen
{
    public static (int Actors, int Relations) Write(string path, int actors, int relations, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(actors, 3);
        var generator = new Generator(actors, relations, seed);
        var source = Generator.Source;
        var made = Enumerable.Range(0, actors).Select(i => Generator.ActorOf(i, actors)).ToArray();

        // Vertex numbers are places in id order; the draws number actors as made.
        var byId = Enumerable.Range(0, actors).OrderBy(i => made[i].Id.Value, StringComparer.Ordinal).ToArray();
        var vertexOf = new int[actors];
        for (var v = 0; v < actors; v++)
        {
            vertexOf[byId[v]] = v;
        }

        // Ids R0, R1, … sort as text, not as numbers: relation r's id rank is its place in that order.
        var idRank = new int[relations];
        var rank = 0;
        foreach (var r in Generator.OrdinalOrder(relations))
        {
            idRank[r] = rank++;
        }

        var horizon = new SourceHorizon([source]);
        var s = new int[relations];
        var t = new int[relations];
        var kind = new byte[relations];
        var first = new int[relations];
        var last = new int[relations];
        var shape = new byte[relations];
        for (var r = 0; r < relations; r++)
        {
            var (a, b, k, time, directed) = generator.Draw(r);
            (s[r], t[r], kind[r]) = (a, b, k.Ordinal);
            var (f, l, bits) = RelationColumns.Encode(time, directed);
            (first[r], last[r], shape[r]) = (f, l == int.MaxValue ? horizon.LastKnownDayNumber(time, [0]) : l, bits);
        }

        // The store's order: actor pair (smaller vertex first), first day, id.
        var order = new int[relations];
        var keys = new ulong[relations];
        for (var r = 0; r < relations; r++)
        {
            var (low, high) = vertexOf[s[r]] < vertexOf[t[r]] ? (vertexOf[s[r]], vertexOf[t[r]]) : (vertexOf[t[r]], vertexOf[s[r]]);
            keys[r] = (((ulong)low * (ulong)actors + (ulong)high) << 22) | (uint)first[r];
            order[r] = r;
        }

        Array.Sort(keys, order);
        for (var i = 0; i < relations;)
        {
            var j = i + 1;
            while (j < relations && keys[j] == keys[i])
            {
                j++;
            }

            Array.Sort(order, i, j - i, Comparer<int>.Create((x, y) => idRank[x].CompareTo(idRank[y])));
            i = j;
        }

        keys = null!;
        GC.Collect();
        AtomicFile.Write(path, stream => SnapshotWriter.Write(
            stream, [source], byId.Select(i => made[i]).ToArray(), [], horizon, Batches(order, s, t, kind, first, last, shape, vertexOf, made, idRank)));
        return (actors, relations);
    }

    private static IEnumerable<RelationBatch> Batches(int[] order, int[] s, int[] t, byte[] kind, int[] first, int[] last, byte[] shape, int[] vertexOf, Actor[] made, int[] idRank)
    {
        var utf8 = new System.Text.UTF8Encoding(false);
        for (var start = 0; start < order.Length; start += SnapshotWriter.BatchRows)
        {
            var count = Math.Min(SnapshotWriter.BatchRows, order.Length - start);
            var batch = new RelationBatch(count, hasNotes: false);
            for (var i = 0; i < count; i++)
            {
                var r = order[start + i];
                (batch.Kinds[i], batch.Sources[i], batch.Targets[i]) = (kind[r], vertexOf[s[r]], vertexOf[t[r]]);
                (batch.FirstDays[i], batch.LastDays[i], batch.Shapes[i], batch.IdRanks[i]) = (first[r], last[r], shape[r], idRank[r]);
                var relationKind = RelationKind.All[kind[r]];
                var (a, b) = (made[s[r]].Id.Value, made[t[r]].Id.Value);
                batch.Ids.Add(Generator.IdOf(r));
                batch.Labels.Add(Generator.LabelOf(relationKind, a, b));
                var time = RelationColumns.Decode(first[r], last[r], shape[r]);
                batch.AddEvidence(0, utf8.GetBytes(Generator.QuoteOf(r, relationKind, a, b, time)));
                batch.EndRow(i);
            }

            yield return batch;
        }
    }
}
