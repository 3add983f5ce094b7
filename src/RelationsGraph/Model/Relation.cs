using System.Text;
using RelationsGraph.Time;

namespace RelationsGraph.Model;

/// <summary>
/// A typed, dated relation between two actors, with its evidence. A mutual relation
/// (<see cref="Directed"/> false) holds both ways; a directed one goes from <see cref="Source"/> to
/// <see cref="Target"/>.
/// </summary>
/// <remarks>Immutable and thread-safe. Equality compares every member, evidence in order.</remarks>
public sealed record Relation
{
    // The evidence, compactly: a single piece (as almost every relation has) as its source and UTF-8 quote,
    // with no Evidence object, so a million relations are a million fewer objects for the garbage collector;
    // two or more as an Evidence[] (and evidenceSource null).
    private readonly string? evidenceSource;
    private readonly object evidenceHeld;

    // For a single piece of evidence, where its quote lies in evidenceHeld: the whole array, or (from a fast
    // read, which keeps quotes in shared blocks) a part of a block.
    private readonly int quoteStart;
    private readonly int quoteLength;

    // The label as a string, or (from a fast read) null, with its UTF-8 bytes the labelLength bytes just before
    // the quote in the quote's block: a million labels are then no objects at all, decoded when asked for.
    private readonly string? label;
    private readonly int labelLength;

    // The id likewise: a string, or null with its bytes (ASCII, as every valid id is) the idLength bytes just
    // before the label.
    private readonly string? id;
    private readonly int idLength;

    /// <summary>Creates a relation.</summary>
    /// <param name="id">The id, unique in its graph.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="source">The actor the relation goes from (for a mutual relation, either one).</param>
    /// <param name="target">The other actor.</param>
    /// <param name="time">When the relation holds.</param>
    /// <param name="label">A short human description.</param>
    /// <param name="evidence">At least one verbatim quote supporting it.</param>
    /// <param name="directed">Whether the relation goes one way only.</param>
    /// <param name="note">An optional note, such as how a vague date was read.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The id is invalid, source equals target, the label is empty, the label or note has an unpaired surrogate, or there is no evidence.</exception>
    public Relation(
        string id,
        RelationKind kind,
        ActorId source,
        ActorId target,
        TimeExtent time,
        string label,
        IEnumerable<Evidence> evidence,
        bool directed = false,
        string? note = null)
        : this(id, 0, kind, source, target, time, label, 0, directed, note, evidence, null, null, 0, 0)
    {
    }

    // The public constructor's checks, in its order; evidence either as a list, or (from a reader that has
    // checked them) as one source id and its quote's UTF-8 bytes, with no Evidence object or array made for it;
    // the label as a string, or (checked by the reader too) as the labelLength bytes before that quote, and the
    // id as a string, or (with such a label, checked by the reader) as the idLength bytes before the label.
    private Relation(
        string? id,
        int idLength,
        RelationKind kind,
        ActorId source,
        ActorId target,
        TimeExtent time,
        string? label,
        int labelLength,
        bool directed,
        string? note,
        IEnumerable<Evidence>? evidence,
        string? quoteSource,
        byte[]? utf8Quote,
        int quoteStart,
        int quoteLength)
    {
        if (labelLength > 0)
        {
            if (idLength == 0)
            {
                Identifier.Require(id, nameof(id));
            }

            Identifier.OptionalText(note, nameof(note), "note");
        }
        else
        {
            CheckTexts(id!, label!, note);
        }

        (this.id, this.idLength) = (id, idLength);
        ArgumentNullException.ThrowIfNull(kind);
        if (utf8Quote is null)
        {
            ArgumentNullException.ThrowIfNull(evidence);
        }

        if (source.Value is null || target.Value is null)
        {
            throw new ArgumentException("The source and target actor ids must be set.", source.Value is null ? nameof(source) : nameof(target));
        }

        if (source == target)
        {
            throw new ArgumentException($"Relation '{id ?? "?"}' goes from '{source}' to itself; a relation joins two different actors.", nameof(target));
        }

        Kind = kind;
        Source = source;
        Target = target;
        Time = time;
        (this.label, this.labelLength) = (label, labelLength);
        if (utf8Quote is not null)
        {
            (evidenceSource, evidenceHeld) = (quoteSource, utf8Quote);
            (this.quoteStart, this.quoteLength) = (quoteStart, quoteLength);
        }
        else
        {
            var held = ModelLists.NonEmpty(evidence!, nameof(evidence), "relation", id!);
            evidenceSource = (held as Model.Evidence)?.Source;
            evidenceHeld = held is Model.Evidence one ? one.Utf8Quote : held;
            this.quoteLength = (evidenceHeld as byte[])?.Length ?? 0;
        }

        Directed = directed;
        Note = string.IsNullOrWhiteSpace(note) ? null : note;
    }

    /// <summary>
    /// A relation with one piece of evidence, given as a known source id and the UTF-8 bytes of a quote already
    /// checked (as <see cref="Model.Evidence(string, string)"/> would): <paramref name="length"/> bytes of
    /// <paramref name="block"/> from <paramref name="start"/>, which the relation keeps where they are.
    /// </summary>
    internal static Relation WithQuote(string id, RelationKind kind, ActorId source, ActorId target, TimeExtent time, string label, string quoteSource, byte[] block, int start, int length, bool directed, string? note) =>
        new(id, 0, kind, source, target, time, label, 0, directed, note, null, quoteSource, block, start, length);

    /// <summary>
    /// As <see cref="WithQuote"/>, with the label's UTF-8 bytes (checked as the constructor checks a label:
    /// well-formed, not blank) the <paramref name="labelLength"/> bytes just before the quote in the block.
    /// </summary>
    internal static Relation WithLabelAndQuote(string id, RelationKind kind, ActorId source, ActorId target, TimeExtent time, int labelLength, string quoteSource, byte[] block, int start, int length, bool directed, string? note) =>
        new(id, 0, kind, source, target, time, null, labelLength, directed, note, null, quoteSource, block, start, length);

    /// <summary>
    /// As <see cref="WithLabelAndQuote"/>, with the id's bytes too (checked by <see cref="Identifier.IsValid"/>)
    /// the <paramref name="idLength"/> bytes just before the label: no string per relation for its id either.
    /// </summary>
    internal static Relation WithIdLabelAndQuote(int idLength, RelationKind kind, ActorId source, ActorId target, TimeExtent time, int labelLength, string quoteSource, byte[] block, int start, int length, bool directed, string? note) =>
        new(null, idLength, kind, source, target, time, null, labelLength, directed, note, null, quoteSource, block, start, length);

    /// <summary>Compares the id with a string, ordinally, without making a string of an id held as bytes.</summary>
    internal int CompareIdOrdinal(string other)
    {
        if (id is not null)
        {
            return string.CompareOrdinal(id, other);
        }

        // The id is ASCII, one byte per character, so bytes compare as the characters do.
        var bytes = IdBytes;
        var common = Math.Min(bytes.Length, other.Length);
        for (var i = 0; i < common; i++)
        {
            var order = bytes[i] - other[i];
            if (order != 0)
            {
                return order;
            }
        }

        return bytes.Length - other.Length;
    }

    // The id's bytes (id null) and the label's (label null), in front of the quote.
    private ReadOnlySpan<byte> IdBytes => ((byte[])evidenceHeld).AsSpan(quoteStart - labelLength - idLength, idLength);

    private ReadOnlySpan<byte> LabelBytes => ((byte[])evidenceHeld).AsSpan(quoteStart - labelLength, labelLength);

    // The single quote's bytes (evidenceSource set).
    private ReadOnlySpan<byte> Utf8Quote => ((byte[])evidenceHeld).AsSpan(quoteStart, quoteLength);

    // The single quote as an array of its own, as Evidence holds it: the array itself when the quote is all of it.
    private byte[] QuoteArray() =>
        quoteStart == 0 && quoteLength == ((byte[])evidenceHeld).Length ? (byte[])evidenceHeld : Utf8Quote.ToArray();

    /// <summary>The constructor's checks of the id, label and note, for a reader that checks a relation it does not keep.</summary>
    internal static void CheckTexts(string id, string label, string? note)
    {
        Identifier.Require(id, nameof(id));
        Identifier.RequireText(label, nameof(label), "label");
        Identifier.OptionalText(note, nameof(note), "note");
    }

    /// <summary>Gets the id.</summary>
    public string Id => id ?? Encoding.ASCII.GetString(IdBytes);

    /// <summary>Gets the kind.</summary>
    public RelationKind Kind { get; }

    /// <summary>Gets the actor the relation goes from; for a mutual relation, one of the two.</summary>
    public ActorId Source { get; }

    /// <summary>Gets the actor the relation goes to; for a mutual relation, the other of the two.</summary>
    public ActorId Target { get; }

    /// <summary>Gets a value telling whether the relation goes one way only.</summary>
    public bool Directed { get; }

    /// <summary>Gets when the relation holds.</summary>
    public TimeExtent Time { get; }

    /// <summary>Gets a short human description.</summary>
    public string Label => label ?? Encoding.UTF8.GetString(LabelBytes);

    /// <summary>Gets the quotes supporting the relation; never empty.</summary>
    public IReadOnlyList<Evidence> Evidence =>
        ModelLists.List<Evidence>(evidenceSource is null ? evidenceHeld : Model.Evidence.FromUtf8(evidenceSource, QuoteArray()));

    /// <summary>Gets an optional note, or <see langword="null"/>.</summary>
    public string? Note { get; }

    /// <summary>The ids of the sources its evidence cites, in order, without making an evidence object for a quote held as bytes.</summary>
    internal IEnumerable<string> CitedSources =>
        evidenceSource is not null ? [evidenceSource] : ((Evidence[])evidenceHeld).Select(e => e.Source);

    /// <summary>Gets the polarity of the relation's kind.</summary>
    public Polarity Polarity => Kind.Polarity;

    /// <summary>Tells whether the relation touches an actor.</summary>
    /// <param name="actor">The actor id.</param>
    /// <returns><see langword="true"/> when the actor is the source or the target.</returns>
    public bool Involves(ActorId actor) => Source == actor || Target == actor;

    /// <summary>Returns the other end of the relation.</summary>
    /// <param name="actor">One end.</param>
    /// <returns>The other end.</returns>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is not an end of this relation.</exception>
    public ActorId OtherEnd(ActorId actor) =>
        actor == Source ? Target
        : actor == Target ? Source
        : throw new ArgumentException($"Actor '{actor}' is not an end of relation '{Id}'.", nameof(actor));

    /// <inheritdoc />
    public bool Equals(Relation? other) =>
        other is not null && SameId(other) && ReferenceEquals(Kind, other.Kind) && Source == other.Source
        && Target == other.Target && Directed == other.Directed && Time == other.Time && SameLabel(other)
        && evidenceSource == other.evidenceSource
        && (evidenceSource is null
            ? ModelLists.SequenceEqual<Evidence>(evidenceHeld, other.evidenceHeld)
            : Utf8Quote.SequenceEqual(other.Utf8Quote))
        && Note == other.Note;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(IdHash(), Kind, Source, Target, Time);

    private bool SameId(Relation other) =>
        id is not null && other.id is not null ? id == other.id
        : id is null && other.id is null ? IdBytes.SequenceEqual(other.IdBytes)
        : CompareIdOrdinal(other.Id) == 0;

    // The id's string hash, as Id.GetHashCode() gives, without making the string of an id held as bytes.
    private int IdHash()
    {
        if (id is not null)
        {
            return id.GetHashCode(StringComparison.Ordinal);
        }

        Span<char> chars = stackalloc char[Identifier.MaxLength];
        var bytes = IdBytes;
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = (char)bytes[i];
        }

        return string.GetHashCode(chars[..bytes.Length], StringComparison.Ordinal);
    }

    // Labels compared without decoding when both are bytes (UTF-8 is the same text exactly when the same bytes).
    private bool SameLabel(Relation other) =>
        label is null && other.label is null ? LabelBytes.SequenceEqual(other.LabelBytes) : Label == other.Label;

    /// <summary>Returns a one-line summary, such as <c>China -treaty- DPRK 1961/..</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Source} {(Directed ? $"-{Kind}->" : $"-{Kind}-")} {Target} {Time}";
}
