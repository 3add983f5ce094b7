using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using RelationsGraph.Graph;
using RelationsGraph.Common;
using RelationsGraph.Storage;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Reliability;

/// <summary>
/// A save leaves the previous file or the new one, never a part: whichever step fails, however many bytes
/// were written, whoever reads meanwhile, and when the saving process is killed.
/// (Serialization/AtomicSaveTests covers failing before the rename and a writer that throws.)
/// </summary>
public sealed class AtomicSaveReliabilityTests : IDisposable
{
    /// <summary>How long the readers may go without finishing a read before the test gives up on them.</summary>
    private static readonly TimeSpan NoProgressLimit = TimeSpan.FromMinutes(5);

    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-atomic-").FullName;
    private readonly string path;

    public AtomicSaveReliabilityTests() => path = Path.Combine(folder, "graph.json");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void FailingRightAfterTheRename_LeavesTheNewFileComplete_AndNoTemporaryFile()
    {
        var previous = Random(1, 5, 30);
        var next = Random(2, 5, 30);
        GraphFile.Save(path, previous);

        var save = () => AtomicFile.Write(path, s => GraphJsonWriter.Write(next, s), step =>
        {
            if (step == AtomicFile.Step.Renamed)
            {
                throw new IOException("failed after the rename");
            }
        });

        save.Should().Throw<IOException>();
        File.ReadAllText(path).Should().Be(RoundTripPropertyTests.Json(next));
        Directory.GetFiles(folder).Should().Equal(path);
    }

    [Fact]
    public void TheDiskFillingUpAtAnyByte_LeavesThePreviousFileIntact_AndNoTemporaryFile()
    {
        var previous = Random(3, 5, 20);
        var next = Random(4, 5, 20);
        GraphFile.Save(path, previous);
        var before = File.ReadAllBytes(path);
        var size = System.Text.Encoding.UTF8.GetByteCount(RoundTripPropertyTests.Json(next));

        // Every 97th byte and the edges: the writer buffers, so this fails on every flush boundary too.
        foreach (var budget in Enumerable.Range(0, size / 97).Select(i => i * 97).Concat([1, size - 1]))
        {
            var save = () => AtomicFile.Write(path, s => GraphJsonWriter.Write(next, new InterruptedStream(s, budget, FullDisk)));

            save.Should().Throw<IOException>().WithMessage("No space left on device*");
            File.ReadAllBytes(path).Should().Equal(before, $"a save failing after {budget} bytes must not touch the file");
            Directory.GetFiles(folder).Should().Equal(path);
        }
    }

    [Fact]
    public void ReadersDuringRepeatedSaves_SeeTheOldOrTheNewGraph_NeverAPart()
    {
        const int Readers = 3;
        const int ReadsEach = 10;
        var graphs = new[] { Random(5, 20, 3000), Random(6, 25, 2500) };
        var texts = graphs.Select(RoundTripPropertyTests.Json).ToArray();
        GraphFile.Save(path, graphs[0]);
        var reads = new int[Readers];
        var readsOf = new int[texts.Length];
        var problems = new ConcurrentQueue<string>();
        var stop = false;

        // Threads of their own, so that a busy thread pool cannot keep the readers from starting.
        var readers = Enumerable.Range(0, Readers).Select(r => new Thread(() =>
        {
            try
            {
                while (!Volatile.Read(ref stop))
                {
                    var which = Array.IndexOf(texts, RoundTripPropertyTests.Json(GraphFile.Load(path)));
                    if (which < 0)
                    {
                        problems.Enqueue($"reader {r} read a graph that was never saved");
                        return;
                    }

                    Interlocked.Increment(ref readsOf[which]);
                    Interlocked.Increment(ref reads[r]);
                }
            }
            catch (Exception e)
            {
                problems.Enqueue($"reader {r}: {e.GetType().Name}: {e.Message}");
            }
        })).ToList();
        readers.ForEach(t => t.Start());

        // Save, alternating the graphs, until every reader has read a number of times and each graph has been read;
        // however slow the machine, only a stall (no read finishing for minutes) ends it early.
        var saves = 0;
        var stalled = false;
        try
        {
            var sinceLastRead = Stopwatch.StartNew();
            var readsSoFar = 0;
            while (problems.IsEmpty && !(reads.All(n => n >= ReadsEach) && readsOf.All(n => n > 0)))
            {
                saves++;
                GraphFile.Save(path, graphs[saves % 2]);
                var total = reads.Sum();
                if (total > readsSoFar)
                {
                    readsSoFar = total;
                    sinceLastRead.Restart();
                }
                else if (sinceLastRead.Elapsed > NoProgressLimit)
                {
                    stalled = true;
                    break;
                }
            }
        }
        finally
        {
            Volatile.Write(ref stop, true);
            readers.ForEach(t => t.Join());
        }

        problems.Should().BeEmpty();
        stalled.Should().BeFalse($"readers should finish reads while the graph is saved (after {saves} saves, reads per reader: {string.Join(", ", reads)})");
        Directory.GetFiles(folder).Should().Equal(path);
    }

    [Fact]
    public void WritersSavingTheSamePathAtOnce_LeaveOneWholeGraph()
    {
        var graphs = Enumerable.Range(0, 4).Select(i => Random(10 + i, 10, 500)).ToArray();

        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => GraphFile.Save(path, graphs[i % 4]));

        graphs.Select(RoundTripPropertyTests.Json).Should().Contain(RoundTripPropertyTests.Json(GraphFile.Load(path)));
        Directory.GetFiles(folder).Should().Equal(path);
    }

    [Fact]
    public void KillingTheSavingProcess_AtRandomMoments_LeavesTheOldOrTheNewGraph()
    {
        var expected = SaveLoop.Graphs().Select(RoundTripPropertyTests.Json).ToArray();
        var random = new Random(20261128);
        for (var round = 0; round < 4; round++)
        {
            using var child = SaveLoop.Start(path);
            try
            {
                // Wait for its first complete save, then let it run into a later one. Where the kill lands is up to
                // the machine; the test below kills at chosen points of a save.
                child.StandardOutput.ReadLine().Should().StartWith("saved", "the child should save before it is killed");
                Thread.Sleep(random.Next(0, 250));
            }
            finally
            {
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
            }

            expected.Should().Contain(RoundTripPropertyTests.Json(GraphFile.Load(path)), $"round {round}: the file must hold one whole graph");

            // A kill between creating the temporary file and the rename leaves that file behind; remove it.
            Directory.GetFiles(folder).Where(f => f != path).ToList().ForEach(File.Delete);
        }
    }

    [Theory]
    [InlineData("Created", false)]
    [InlineData("byte 1", false)]
    [InlineData("byte 70000", false)]
    [InlineData("byte 700000", false)]
    [InlineData("Written", false)]
    [InlineData("Flushed", false)]
    [InlineData("Renamed", true)]
    [InlineData("FolderSynced", true)]
    public void KillingTheSavingProcess_AtAPointOfASave_LeavesThePreviousGraphUntilTheRename(string point, bool renamed)
    {
        var graphs = SaveLoop.Graphs();
        GraphFile.Save(path, graphs[0]);

        using (var child = SavePause.Start(path, point))
        {
            try
            {
                // The child stops at the point and waits there: the kill lands exactly there, on any machine.
                child.StandardOutput.ReadLine().Should().Be($"paused at {point}", "the child should reach the point of its save");
            }
            finally
            {
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
            }
        }

        File.ReadAllText(path).Should().Be(RoundTripPropertyTests.Json(graphs[renamed ? 1 : 0]));
        Directory.GetFiles(folder).Where(f => f != path).Should().HaveCount(renamed ? 0 : 1, "a kill before the rename leaves the temporary file, and only then");
    }

    /// <summary>Fails a write like a full disk.</summary>
    private static void FullDisk() => throw new IOException("No space left on device (simulated).");
}

/// <summary>
/// The child process of the kill test: the test assembly run as a program (see <see cref="TestProgram"/>)
/// saves two large graphs to one path, alternately, until it is killed.
/// </summary>
internal static class SaveLoop
{
    public const string Command = "save-loop";

    public static RelationGraph[] Graphs() => [Samples.Random(71, 40, 4_000), Samples.Random(72, 45, 3_500)];

    public static Process Start(string path)
    {
        return Process.Start(TestProgram.StartInfo(Command, path)) ?? throw new InvalidOperationException("The save loop did not start.");
    }

    public static int Run(string path)
    {
        var graphs = Graphs();
        for (var i = 0; ; i++)
        {
            GraphFile.Save(path, graphs[i % 2]);
            System.Console.Out.WriteLine($"saved {i}");
            System.Console.Out.Flush();
        }
    }
}

/// <summary>
/// The child process of the kill test at chosen points: saves the second of <see cref="SaveLoop.Graphs"/> and stops
/// at a step of the save (<see cref="AtomicFile.Step"/>) or after a number of bytes ("byte N"), says so on its
/// output, and waits there to be killed (it gives up when its input closes, so it never outlives the test).
/// </summary>
internal static class SavePause
{
    public const string Command = "save-pause";

    public static Process Start(string path, string point)
    {
        var start = TestProgram.StartInfo(Command, path, point);
        start.RedirectStandardInput = true;
        return Process.Start(start) ?? throw new InvalidOperationException("The paused save did not start.");
    }

    public static int Run(string path, string point)
    {
        var graph = SaveLoop.Graphs()[1];
        var pause = () =>
        {
            System.Console.Out.WriteLine($"paused at {point}");
            System.Console.Out.Flush();
            System.Console.In.ReadLine();
            Environment.Exit(3);
        };
        var bytes = point.StartsWith("byte ", StringComparison.Ordinal) ? int.Parse(point["byte ".Length..], CultureInfo.InvariantCulture) : int.MaxValue;
        AtomicFile.Write(
            path,
            s => GraphJsonWriter.Write(graph, new InterruptedStream(s, bytes, pause)),
            step =>
            {
                if (step.ToString() == point)
                {
                    pause();
                }
            });
        System.Console.Out.WriteLine("saved without reaching the point");
        return 1;
    }
}

/// <summary>
/// A stream that passes writes through until a number of bytes has been written, then calls an interruption:
/// one that throws fails like a full disk; one that never returns holds the save there, to be killed.
/// </summary>
internal sealed class InterruptedStream(Stream inner, int budget, Action interrupt) : Stream
{
    private int left = budget;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count)
    {
        var now = Math.Min(count, left);
        inner.Write(buffer, offset, now);
        left -= now;
        if (now < count)
        {
            interrupt();
            inner.Write(buffer, offset + now, count - now);
        }
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
