using RelationsGraph.Model;

namespace RelationsGraph.Merge;

/// <summary>
/// An actor of a later input that a merge made one with an actor of an earlier input: <c>United-States</c> of
/// ICEWS18 is <c>US</c> of the article's graph, by the ISO code USA.
/// </summary>
/// <remarks>Immutable; equality compares every member.</remarks>
public sealed record ActorJoin
{
    internal ActorJoin(int input, ActorId actor, ActorId into, string by)
    {
        Input = input;
        Actor = actor;
        Into = into;
        By = by;
    }

    /// <summary>Gets the input the actor comes from: 0 for the first graph given.</summary>
    public int Input { get; }

    /// <summary>Gets the actor's id in its input.</summary>
    public ActorId Actor { get; }

    /// <summary>Gets the id of the merged actor it became (the earliest input's id).</summary>
    public ActorId Into { get; }

    /// <summary>Gets what the two share, such as <c>ISO code USA</c>, <c>id 'Kim-Jong-Un'</c> or <c>alias 'United Nations'</c>.</summary>
    public string By { get; }

    /// <summary>Returns the join in words, as in <c>United-States (input 2) is US: ISO code USA</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Actor} (input {Input + 1}) is {Into}: {By}";
}
