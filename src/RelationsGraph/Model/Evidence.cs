using System.Text;

namespace RelationsGraph.Model;

/// <summary>A verbatim quote from a source that supports a relation or event.</summary>
/// <remarks>
/// Immutable; equality compares the source id and the quote ordinally. The quote is held as UTF-8, about
/// half the memory of a .NET string for the Latin text of most sources, and <see cref="Quote"/> decodes it on
/// each call.
/// </remarks>
public sealed record Evidence
{
    private readonly byte[] quote;

    /// <summary>Creates evidence.</summary>
    /// <param name="source">The id of the <see cref="Source"/> quoted.</param>
    /// <param name="quote">The verbatim quote.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The source id is invalid, or the quote is empty or has an unpaired surrogate.</exception>
    public Evidence(string source, string quote)
    {
        Source = Identifier.Require(source, nameof(source));

        // Well-formed text (checked first) has exactly one UTF-8 form, so comparing bytes compares the text.
        this.quote = Encoding.UTF8.GetBytes(Identifier.RequireText(quote, nameof(quote), "quote"));
    }

    // For a holder that kept the parts of evidence already checked (see Relation): no second check or copy.
    private Evidence(string source, byte[] quote, bool _)
    {
        Source = source;
        this.quote = quote;
    }

    /// <summary>Gets the id of the source quoted.</summary>
    public string Source { get; }

    /// <summary>Gets the verbatim quote.</summary>
    public string Quote => Encoding.UTF8.GetString(quote);

    /// <summary>Gets the quote's UTF-8 bytes, shared, never to be changed.</summary>
    internal byte[] Utf8Quote => quote;

    /// <summary>Evidence again from the parts of evidence made before (<see cref="Source"/>, <see cref="Utf8Quote"/>).</summary>
    internal static Evidence FromUtf8(string source, byte[] quote) => new(source, quote, true);

    /// <inheritdoc />
    public bool Equals(Evidence? other) =>
        other is not null && Source == other.Source && quote.AsSpan().SequenceEqual(other.quote);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Source);
        hash.AddBytes(quote);
        return hash.ToHashCode();
    }
}
