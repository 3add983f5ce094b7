namespace RelationsGraph.Time;

/// <summary>How much of a <see cref="PartialDate"/> is known.</summary>
public enum DatePrecision
{
    /// <summary>Only the year is known, as in <c>1961</c>.</summary>
    Year,

    /// <summary>The year and month are known, as in <c>1961-07</c>.</summary>
    Month,

    /// <summary>The full calendar day is known, as in <c>1961-07-11</c>.</summary>
    Day,
}
