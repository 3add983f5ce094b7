namespace RelationsGraph.Import;

/// <summary>What one step of a quadruple's time column counts, from the dataset's origin.</summary>
public enum IcewsTimeUnit
{
    /// <summary>Days (ICEWS14 and ICEWS05-15 in some releases).</summary>
    Days,

    /// <summary>Hours, in steps of 24 for daily data (ICEWS18 in the RE-Net release).</summary>
    Hours,

    /// <summary>Minutes, in steps of 15 for GDELT's quarter-hour data.</summary>
    Minutes,
}
