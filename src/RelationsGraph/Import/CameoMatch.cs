namespace RelationsGraph.Import;

/// <summary>How a dataset's event description was matched to a CAMEO code.</summary>
public enum CameoMatch
{
    /// <summary>The description equals the codebook's (runs of white space folded).</summary>
    Exact,

    /// <summary>
    /// The description equals the codebook's once case, punctuation and a trailing "not specified below"
    /// are ignored, as in <c>Demand</c> for 100 <c>Demand, not specified below</c>.
    /// </summary>
    Normalized,

    /// <summary>The description is a known ICEWS wording of a code, listed in the importer.</summary>
    Table,

    /// <summary>No code was found; the events of this type are not imported.</summary>
    Unmapped,
}
