using System.Globalization;
using RelationsGraph.Model;
using RelationsGraph.Common;

namespace RelationsGraph.Import;

/// <summary>
/// The actors of a dataset: one per name ignoring case (the graph looks names up ignoring case), each
/// with a kind by <see cref="IcewsActors"/> and an id that no other actor uses as id or name, in any case.
/// </summary>
internal sealed class IcewsActorTable
{
    private readonly int[] actorOfEntity;
    private readonly Actor[] actors;

    private IcewsActorTable(int[] actorOfEntity, Actor[] actors, IReadOnlyList<IReadOnlyList<string>> merged)
    {
        this.actorOfEntity = actorOfEntity;
        this.actors = actors;
        Merged = merged;
    }

    public int Count => actors.Length;

    public IReadOnlyList<IReadOnlyList<string>> Merged { get; }

    /// <summary>Builds the table from <c>entity2id.txt</c>'s lines, in the dictionary's order of numbers.</summary>
    public static IcewsActorTable Create(List<(string Name, int Id, int Line)> entities)
    {
        var byNumber = entities.OrderBy(e => e.Id).Select(e => e.Name).ToList();
        var actorOfEntity = new int[byNumber.Count];
        var names = new List<string>();
        var spellings = new List<List<string>>();
        var nameOwner = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var e = 0; e < byNumber.Count; e++)
        {
            if (nameOwner.TryGetValue(byNumber[e], out var owner))
            {
                actorOfEntity[e] = owner;
                spellings[owner].Add(byNumber[e]);
                continue;
            }

            owner = names.Count;
            nameOwner.Add(byNumber[e], owner);
            names.Add(byNumber[e]);
            spellings.Add([byNumber[e]]);
            actorOfEntity[e] = owner;
        }

        var kinds = IcewsActors.Classify(names);
        var idOwner = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var actors = new Actor[names.Count];
        var firstEntity = new int[names.Count];
        Array.Fill(firstEntity, -1);
        for (var e = 0; e < actorOfEntity.Length; e++)
        {
            if (firstEntity[actorOfEntity[e]] < 0)
            {
                firstEntity[actorOfEntity[e]] = e;
            }
        }

        for (var a = 0; a < names.Count; a++)
        {
            // An id must not be another actor's id or name in any case; the first taker keeps the plain slug.
            var slug = IcewsActors.Slug(names[a]);
            var id = slug;
            for (var attempt = 1; idOwner.Contains(id) || (nameOwner.TryGetValue(id, out var named) && named != a); attempt++)
            {
                id = attempt == 1
                    ? string.Create(CultureInfo.InvariantCulture, $"{slug}-{firstEntity[a]}")
                    : string.Create(CultureInfo.InvariantCulture, $"{slug}-{firstEntity[a]}-{attempt}");
            }

            idOwner.Add(id);
            actors[a] = new Actor(new ActorId(id), names[a], kinds[a]);
        }

        var merged = spellings.Where(s => s.Count > 1).Select(s => (IReadOnlyList<string>)s.AsReadOnly()).ToList();
        return new IcewsActorTable(actorOfEntity, actors, merged.AsReadOnly());
    }

    /// <summary>The actor an entity number stands for.</summary>
    public int ActorOf(int entity, string file, int line) =>
        entity < actorOfEntity.Length
            ? actorOfEntity[entity]
            : throw new GraphDataException(
                string.Create(CultureInfo.InvariantCulture, $"Actor {entity} is not in entity2id.txt, which numbers {actorOfEntity.Length} actors from 0."), file, line);

    public ActorId IdOf(int actor) => actors[actor].Id;

    public Actor ActorAt(int actor) => actors[actor];
}
