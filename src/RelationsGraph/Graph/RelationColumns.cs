using RelationsGraph.Time;

namespace RelationsGraph.Graph;

/// <summary>
/// How a relation's time, precision and direction fit the store's columns: the first and last day it covers
/// (an open period's last day is <see cref="int.MaxValue"/>) and one byte for the rest. The byte holds the shape
/// (bits 0–1: point, closed or open period), the precision of the beginning (bits 2–3) and of the end (bits 4–5)
/// as ranks (day 0, month 1, year 2: finest first, the order in which dates sharing a first day sort) and
/// whether the relation is directed (bit 6).
/// </summary>
internal static class RelationColumns
{
    private const byte Point = 0;
    private const byte Closed = 1;
    private const byte Open = 2;
    private const byte DirectedBit = 1 << 6;

    public static (int FirstDay, int LastDay, byte Shape) Encode(TimeExtent time, bool directed)
    {
        var shape = time.IsPoint ? Point : time.End is null ? Open : Closed;
        var bits = shape | (Rank(time.Beginning) << 2) | (time.End is { } end ? Rank(end) << 4 : 0) | (directed ? DirectedBit : 0);
        return (time.FirstDayNumber, time.LastDayNumber, (byte)bits);
    }

    public static TimeExtent Decode(int firstDay, int lastDay, byte shape)
    {
        var beginning = Date(firstDay, (shape >> 2) & 3);
        return (shape & 3) switch
        {
            Point => TimeExtent.Point(beginning),
            Closed => TimeExtent.Period(beginning, Date(lastDay, (shape >> 4) & 3)),
            _ => TimeExtent.Period(beginning),
        };
    }

    public static bool IsDirected(byte shape) => (shape & DirectedBit) != 0;

    /// <summary>The precision of the beginning as a rank, finest first: with the first day, it orders relations by beginning.</summary>
    public static int BeginningRank(byte shape) => (shape >> 2) & 3;

    private static int Rank(PartialDate date) => date.Precision switch
    {
        DatePrecision.Day => 0,
        DatePrecision.Month => 1,
        _ => 2,
    };

    private static PartialDate Date(int dayNumber, int rank)
    {
        var day = DateOnly.FromDayNumber(dayNumber);
        return rank switch
        {
            0 => new PartialDate(day.Year, day.Month, day.Day),
            1 => new PartialDate(day.Year, day.Month),
            _ => new PartialDate(day.Year),
        };
    }
}
