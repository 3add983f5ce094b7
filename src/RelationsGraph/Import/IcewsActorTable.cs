using System.Globalization;
using RelationsGraph.Model;
using RelationsGraph.Common;

namespace RelationsGraph.Import;

/// <summary>
/// The actors of a dataset: one per name ignoring case (the graph looks names up ignoring case), each
/// with a kind by <see cref="IcewsActors"/> and an id that no other actor uses as id or name, in any case. A state
/// whose name is a country's in <see cref="IcewsCountries"/> gets the country's codes, and its other names and short
/// names (US, DPRK, PRC, …) as aliases, except an alias another actor has as id or name, or that two actors would
/// take: that alias is left out and reported (the graph refuses a name two actors share). Two states naming the
/// same country get neither its codes nor its aliases, and are reported too.
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

    /// <summary>
    /// Gives the states among the actors kept (those with events) their country's codes and aliases, by the rules
    /// in the summary. Returns how many got them, and what was left out and why, one sentence each.
    /// </summary>
    public (int Countries, IReadOnlyList<string> LeftOut) AddCountries(bool[] kept)
    {
        var leftOut = new List<string>();
        var holder = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var a = 0; a < actors.Length; a++)
        {
            if (kept[a])
            {
                holder.TryAdd(actors[a].Id.Value, a);
                holder.TryAdd(actors[a].Name, a);
            }
        }

        var countryOf = new IcewsCountries.Country?[actors.Length];
        foreach (var group in Enumerable.Range(0, actors.Length)
            .Where(a => kept[a] && actors[a].Kind == ActorKind.State)
            .Select(a => (Actor: a, Country: IcewsCountries.Find(actors[a].Name)))
            .Where(x => x.Country is not null)
            .GroupBy(x => x.Country!))
        {
            var claimants = group.Select(x => x.Actor).ToList();
            if (claimants.Count == 1)
            {
                countryOf[claimants[0]] = group.Key;
                continue;
            }

            leftOut.Add($"{group.Key.Codes.Iso3} is named by {string.Join(" and ", claimants.Select(a => actors[a].ToString()))}: none of them gets its codes or aliases.");
        }

        // Who wants each alias: an alias two actors want is given to neither.
        var wanted = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        for (var a = 0; a < actors.Length; a++)
        {
            foreach (var alias in countryOf[a] is { } country ? country.Names.Concat(country.ShortNames) : [])
            {
                if (string.Equals(alias, actors[a].Name, StringComparison.OrdinalIgnoreCase) || string.Equals(alias, actors[a].Id.Value, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!wanted.TryGetValue(alias, out var takers))
                {
                    wanted.Add(alias, takers = []);
                    order.Add(alias);
                }

                if (!takers.Contains(a))
                {
                    takers.Add(a);
                }
            }
        }

        var aliases = new List<string>?[actors.Length];
        foreach (var alias in order)
        {
            var takers = wanted[alias];
            if (takers.Count > 1)
            {
                leftOut.Add($"'{alias}' is left out as an alias: {string.Join(" and ", takers.Select(a => actors[a].ToString()))} would share it.");
            }
            else if (holder.TryGetValue(alias, out var other) && other != takers[0])
            {
                leftOut.Add($"'{alias}' is not an alias of {actors[takers[0]]}: it is the id or name of {actors[other]}.");
            }
            else
            {
                (aliases[takers[0]] ??= []).Add(alias);
            }
        }

        var countries = 0;
        for (var a = 0; a < actors.Length; a++)
        {
            if (countryOf[a] is { } country)
            {
                actors[a] = new Actor(actors[a].Id, actors[a].Name, actors[a].Kind, aliases[a], country.Codes);
                countries++;
            }
        }

        return (countries, leftOut.AsReadOnly());
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
