namespace RelationsGraph.Cli.Commands;

/// <summary>
/// A question a command answers, as typed values: what the command's options parse to, and what <c>ask</c> reads a
/// question into. Answering it is the command's whole body: load the graph, call the library, format, return a code.
/// </summary>
internal interface IQuery
{
    /// <summary>Gets the command line that asks the same, without <c>relgraph</c>, as <c>ask</c> shows it.</summary>
    IReadOnlyList<string> Arguments { get; }

    /// <summary>Answers on the context's writers.</summary>
    /// <returns>The exit code: 0 answered, 1 no result.</returns>
    int Answer(CliContext context, Answering answering);
}
