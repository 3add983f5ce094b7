using RelationsGraph.Cli.Commands;
using RelationsGraph.Model;

namespace RelationsGraph.Cli.Ask;

/// <summary>The kind of answer a question asks for, by the words it uses.</summary>
internal enum QuestionShape
{
    /// <summary>No shape words; the number of actors decides.</summary>
    None,

    /// <summary>"tell me about X", "who is X".</summary>
    Show,

    /// <summary>"history of X and Y", "X and Y over time".</summary>
    Timeline,

    /// <summary>"how is X connected to Y", "path from X to Y".</summary>
    Path,

    /// <summary>"who was X close to", "neighbours of X".</summary>
    Neighbours,

    /// <summary>"the A–B–C triangle".</summary>
    Triangle,

    /// <summary>"the group A, B, C and D".</summary>
    Group,

    /// <summary>"what changed between 2016 and 2018".</summary>
    Diff,

    /// <summary>"how did China and North Korea evolve over the years": change across periods.</summary>
    Change,

    /// <summary>"when did China recognise South Korea": the first relation of a kind.</summary>
    When,
}

/// <summary>
/// How a question was read: what it names (actors, times, relation kinds, polarity, shape words) and either the
/// command line that answers it with a one-line summary, or why it cannot be answered and which commands could.
/// </summary>
internal sealed record QuestionReading
{
    public required string Question { get; init; }

    public required IReadOnlyList<Actor> Actors { get; init; }

    public required TimeReading Time { get; init; }

    public required IReadOnlyList<RelationKind> Kinds { get; init; }

    /// <summary>Gets the polarity the question asks for (friends or foes), else null.</summary>
    public Polarity? Polarity { get; init; }

    public required QuestionShape Shape { get; init; }

    /// <summary>Gets the capitalised words that look like names but are no actor of the graph.</summary>
    public required IReadOnlyList<string> Unrecognised { get; init; }

    /// <summary>Gets the query that answers, or null when the question is refused.</summary>
    public IQuery? Query { get; init; }

    /// <summary>Gets the command line that asks the same as <see cref="Query"/>, or null when the question is refused.</summary>
    public IReadOnlyList<string>? Arguments => Query?.Arguments;

    /// <summary>Gets how the question was read, as in <c>triangle US, China, DPRK · 2017</c>; empty when refused.</summary>
    public string Summary { get; init; } = string.Empty;

    /// <summary>Gets why the question cannot be answered, as a sentence; null when it is answered.</summary>
    public string? Refusal { get; init; }

    /// <summary>Gets command lines (without "relgraph") that would answer what was understood, for a refusal.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Query))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsAnswered => Query is not null;
}
