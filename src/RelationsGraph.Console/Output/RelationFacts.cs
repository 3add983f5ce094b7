using System.Text;
using RelationsGraph.Graph;
using RelationsGraph.Import;
using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Cli.Output;

/// <summary>
/// What a summary of many relations reads of each: its kind, its two actors, its time and its Goldstein weight (from
/// an imported event's note), not its id, label or evidence. Of a query's result list they come from the store's
/// columns, so a summary of a million relations makes no <see cref="Relation"/> and leaves their texts unread (a
/// snapshot read for a report leaves them in the file); the few a summary shows are made from the list by index.
/// </summary>
internal readonly record struct RelationFacts(RelationKind Kind, ActorId Source, ActorId Target, TimeExtent Time, double? Goldstein)
{
    public Polarity Polarity => Kind.Polarity;

    /// <summary>The facts of each relation of a list, in its order.</summary>
    public static RelationFacts[] Of(IReadOnlyList<Relation> relations)
    {
        var facts = new RelationFacts[relations.Count];
        if (relations is RelationList list)
        {
            var store = list.Store;
            var actors = store.ActorIds;
            for (var i = 0; i < facts.Length; i++)
            {
                var row = list.Row(i);
                var note = store.NoteBytes(row);
                var goldstein = note.IsEmpty ? null : CameoCoding.Parse(Encoding.UTF8.GetString(note))?.Goldstein;
                facts[i] = new RelationFacts(store.KindOf(row), actors[store.Sources[row]], actors[store.Targets[row]], store.Time(row), goldstein);
            }

            return facts;
        }

        for (var i = 0; i < facts.Length; i++)
        {
            var r = relations[i];
            facts[i] = new RelationFacts(r.Kind, r.Source, r.Target, r.Time, CameoCoding.Of(r)?.Goldstein);
        }

        return facts;
    }
}
