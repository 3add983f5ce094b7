namespace RelationsGraph.Model;

/// <summary>A verbatim quote from a source that supports a relation or event.</summary>
/// <remarks>Immutable and thread-safe; equality compares the source id and the quote, ordinally.</remarks>
public sealed record Evidence
{
    /// <summary>Creates evidence.</summary>
    /// <param name="source">The id of the <see cref="Source"/> quoted.</param>
    /// <param name="quote">The verbatim quote.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The source id is invalid, or the quote is empty or has an unpaired surrogate.</exception>
    public Evidence(string source, string quote)
    {
        Source = Identifier.Require(source, nameof(source));
        Quote = Identifier.RequireText(quote, nameof(quote), "quote");
    }

    /// <summary>Gets the id of the source quoted.</summary>
    public string Source { get; }

    /// <summary>Gets the verbatim quote.</summary>
    public string Quote { get; }
}
