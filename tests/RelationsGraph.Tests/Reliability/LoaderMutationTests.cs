using CsCheck;

namespace RelationsGraph.Tests.Reliability;

/// <summary>
/// Mutated valid files only ever load or raise a located GraphDataException. A fixed number of cases here; the
/// time-bounded fuzz run (<see cref="FuzzTests"/>) runs the same property for longer.
/// </summary>
public sealed class LoaderMutationTests
{
    [Fact]
    public void ByteMutationsOfValidFiles_LoadOrFailWithALocatedDataError()
    {
        LoaderMutation.ByteEdits.Sample(
            (seed, edits) => LoaderMutation.LoadsOrFailsCleanly(LoaderMutation.ApplyBytes(seed, edits)),
            iter: 400);
    }

    [Fact]
    public void TokenMutationsOfValidFiles_LoadOrFailWithALocatedDataError()
    {
        LoaderMutation.TokenEdits.Sample(
            (seed, edits) => LoaderMutation.LoadsOrFailsCleanly(LoaderMutation.ApplyTokens(seed, edits)),
            iter: 400);
    }

    [Fact]
    public void AMutantStartingWithTheArrowMarker_IsReadAsASnapshot_AndFailsCleanly()
    {
        // Found by the fuzz run: four 0xFF bytes written over a graph.json's start make it a snapshot's stream
        // marker, so the file is read as a snapshot, whose error names a table, not a line.
        LoaderMutation.LoadsOrFailsCleanly([0xFF, 0xFF, 0xFF, 0xFF, .. "{\n  \"$schema\": \"./"u8]);
    }
}
