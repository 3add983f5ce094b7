using RelationsGraph.Import;
using RelationsGraph.Model;
using RelationsGraph.Time;

namespace RelationsGraph.Queries;

/// <summary>How long each period of a <see cref="Trend"/> is.</summary>
public enum TrendStep
{
    /// <summary>Calendar years.</summary>
    Year,

    /// <summary>Calendar months.</summary>
    Month,

    /// <summary>Days.</summary>
    Day,
}

/// <summary>The relations between two actors active in one period of a <see cref="Trend"/>, counted by polarity.</summary>
/// <remarks>Immutable; made by <see cref="Trend.Of"/>.</remarks>
public sealed record TrendPeriod
{
    internal TrendPeriod(PartialDate period, int cooperative, int conflictual, int neutral, double? goldstein)
    {
        Period = period;
        Cooperative = cooperative;
        Conflictual = conflictual;
        Neutral = neutral;
        Goldstein = goldstein;
    }

    /// <summary>Gets the period: a year, a month or a day.</summary>
    public PartialDate Period { get; }

    /// <summary>Gets how many cooperative relations are active in it.</summary>
    public int Cooperative { get; }

    /// <summary>Gets how many conflictual relations are active in it.</summary>
    public int Conflictual { get; }

    /// <summary>Gets how many neutral relations are active in it.</summary>
    public int Neutral { get; }

    /// <summary>
    /// Gets the sum of the Goldstein weights of the active relations that carry one (imported events, see
    /// <see cref="CameoCoding"/>), or <see langword="null"/> when none does.
    /// </summary>
    public double? Goldstein { get; }

    /// <summary>Gets the number of relations active in the period.</summary>
    public int Total => Cooperative + Conflictual + Neutral;
}

/// <summary>
/// How the relations between two actors moved over time: for each year, month or day of a window, how many
/// cooperative, conflictual and neutral relations between them were active in it (a relation counts in every
/// period it overlaps, up to its last known day), and the sum of their Goldstein weights where the data carries them.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class Trend
{
    /// <summary>The most periods a trend holds, so a mistaken <c>--by day</c> over centuries is refused, not run.</summary>
    public const int MaxPeriods = 40_000;

    private Trend(GraphView view, Actor first, Actor second, TrendStep step, TimeWindow window, IReadOnlyList<TrendPeriod> periods, IReadOnlyList<Relation> relations)
    {
        View = view;
        First = first;
        Second = second;
        Step = step;
        Window = window;
        Periods = periods;
        Relations = relations;
    }

    /// <summary>Gets the view the trend was read in (its filters apply).</summary>
    public GraphView View { get; }

    /// <summary>Gets the first actor.</summary>
    public Actor First { get; }

    /// <summary>Gets the second actor.</summary>
    public Actor Second { get; }

    /// <summary>Gets how long each period is.</summary>
    public TrendStep Step { get; }

    /// <summary>Gets the window the periods cover: the view's, or where it is open, the span of the pair's relations.</summary>
    public TimeWindow Window { get; }

    /// <summary>Gets one entry per period of <see cref="Window"/>, in time order, empty periods included.</summary>
    public IReadOnlyList<TrendPeriod> Periods { get; }

    /// <summary>Gets the relations between the two in the view, sorted by time then id.</summary>
    public IReadOnlyList<Relation> Relations { get; }

    /// <summary>Gets a value telling whether any period carries a Goldstein sum.</summary>
    public bool HasGoldstein => Periods.Any(p => p.Goldstein is not null);

    /// <summary>Reads the trend of a pair of actors.</summary>
    /// <param name="view">The view; where its window is open on a side, that side is the pair's first or last known day.</param>
    /// <param name="first">One actor.</param>
    /// <param name="second">The other actor.</param>
    /// <param name="step">How long each period is.</param>
    /// <returns>The trend; with no relation between the two and an open window, a trend with no period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="view"/> is null.</exception>
    /// <exception cref="ArgumentException">An actor is not in the graph, the two are one actor, or the window holds more than <see cref="MaxPeriods"/> periods.</exception>
    public static Trend Of(GraphView view, ActorId first, ActorId second, TrendStep step = TrendStep.Year)
    {
        ArgumentNullException.ThrowIfNull(view);
        var graph = view.Graph;
        if (!graph.TryGetActor(first, out var a) || !graph.TryGetVertex(first, out var va))
        {
            throw new ArgumentException($"Actor '{first}' is not in the graph.", nameof(first));
        }

        if (!graph.TryGetActor(second, out var b) || !graph.TryGetVertex(second, out var vb))
        {
            throw new ArgumentException($"Actor '{second}' is not in the graph.", nameof(second));
        }

        if (first == second)
        {
            throw new ArgumentException($"A trend is of two actors, and '{first}' is given twice.", nameof(second));
        }

        var relations = view.InTimeOrder(view.RelationsBetween(va, vb, directed: false));
        var known = relations.Select(r => (Relation: r, First: r.Time.FirstDayNumber, Last: graph.Horizon.LastKnownDayNumber(r))).ToList();
        var window = view.Window;
        if (window.From is null || window.To is null)
        {
            if (known.Count == 0)
            {
                return new Trend(view, a, b, step, window, [], relations);
            }

            var from = window.From ?? PartialDate.FromDateOnly(DateOnly.FromDayNumber(known.Min(k => k.First)));
            var lastDay = Math.Min(known.Max(k => k.Last), graph.SourcesEnd is { } end ? end.LastDay.DayNumber : int.MaxValue);
            var to = window.To ?? PartialDate.FromDateOnly(DateOnly.FromDayNumber(Math.Max(lastDay, known.Max(k => k.First))));
            window = TimeWindow.Between(Truncate(from, step), Truncate(to, step));
        }

        var starts = Starts(window, step);
        var cooperative = new int[starts.Count];
        var conflictual = new int[starts.Count];
        var neutral = new int[starts.Count];
        var goldstein = new double?[starts.Count];
        foreach (var (relation, firstDay, lastKnown) in known)
        {
            var weight = CameoCoding.Of(relation)?.Goldstein;
            var counts = relation.Polarity switch
            {
                Polarity.Cooperative => cooperative,
                Polarity.Conflictual => conflictual,
                _ => neutral,
            };
            for (var i = Index(starts, firstDay); i < starts.Count && starts[i].First <= lastKnown; i++)
            {
                counts[i]++;
                if (weight is { } w)
                {
                    goldstein[i] = (goldstein[i] ?? 0) + w;
                }
            }
        }

        var periods = starts.Select((s, i) => new TrendPeriod(s.Period, cooperative[i], conflictual[i], neutral[i], goldstein[i] is { } g ? Math.Round(g, 1) : null)).ToArray();
        return new Trend(view, a, b, step, window, periods, relations);
    }

    /// <summary>The date cut to a step's precision: 2017-11-05 by year is 2017.</summary>
    private static PartialDate Truncate(PartialDate date, TrendStep step) => step switch
    {
        TrendStep.Year => new PartialDate(date.Year),
        TrendStep.Month => new PartialDate(date.Year, date.Month ?? 1),
        _ => date.Precision == DatePrecision.Day ? date : PartialDate.FromDateOnly(date.FirstDay),
    };

    /// <summary>Each period of the window with its first day, in order.</summary>
    private static List<(PartialDate Period, int First)> Starts(TimeWindow window, TrendStep step)
    {
        var first = window.From!.Value.FirstDay;
        var last = window.To!.Value.LastDay;
        var count = step switch
        {
            TrendStep.Year => (long)last.Year - first.Year + 1,
            TrendStep.Month => ((long)last.Year * 12 + last.Month) - ((long)first.Year * 12 + first.Month) + 1,
            _ => (long)last.DayNumber - first.DayNumber + 1,
        };
        if (count > MaxPeriods)
        {
            throw new ArgumentException(
                string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"The window {window} holds {count:N0} periods of a {step.ToString().ToLowerInvariant()}; a trend holds at most {MaxPeriods:N0}: take a longer step or a shorter window."),
                nameof(window));
        }

        var starts = new List<(PartialDate, int)>((int)count);
        for (var i = 0; i < count; i++)
        {
            var period = step switch
            {
                TrendStep.Year => new PartialDate(first.Year + i),
                TrendStep.Month => new PartialDate(first.Year + ((first.Month - 1 + i) / 12), ((first.Month - 1 + i) % 12) + 1),
                _ => PartialDate.FromDateOnly(first.AddDays(i)),
            };
            starts.Add((period, period.FirstDay.DayNumber));
        }

        return starts;
    }

    /// <summary>The index of the period holding a day, or 0 for a day before the first.</summary>
    private static int Index(List<(PartialDate Period, int First)> starts, int day)
    {
        int lo = 0, hi = starts.Count - 1, found = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (starts[mid].First <= day)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}
