namespace RelationsGraph.Export;

/// <summary>What <see cref="Neo4jCsvWriter"/> wrote: the files, the array delimiter they use, and the command that imports them.</summary>
/// <remarks>Immutable.</remarks>
public sealed class Neo4jExport
{
    internal Neo4jExport(string directory, IReadOnlyList<string> files, char arrayDelimiter, string importCommand)
    {
        Directory = directory;
        Files = files;
        ArrayDelimiter = arrayDelimiter;
        ImportCommand = importCommand;
    }

    /// <summary>Gets the folder written, as given.</summary>
    public string Directory { get; }

    /// <summary>Gets the files written, in the order of the import command, the script <c>import.sh</c> last.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>
    /// Gets the character between the elements of array fields: <c>;</c> (neo4j-admin's default) unless an
    /// alias or quote contains one, then the first of <c>|</c>, <c>¦</c>, U+001F, U+001E that none contains.
    /// </summary>
    public char ArrayDelimiter { get; }

    /// <summary>
    /// Gets the <c>neo4j-admin database import full</c> command that imports the files into the database named when
    /// writing (<see cref="Neo4jCsvWriter.DefaultDatabase"/> unless another was named), to run from <see cref="Directory"/>;
    /// <c>import.sh</c> in the folder runs it, and takes another database name as its argument.
    /// </summary>
    public string ImportCommand { get; }
}
