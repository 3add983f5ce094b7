using System.Diagnostics;
using RelationsGraph.Graph;
using RelationsGraph.Serialization;
using static RelationsGraph.Tests.Samples;

namespace RelationsGraph.Tests.Reliability;

/// <summary>
/// A save leaves the previous file or the new one, never a part: whichever step fails, however many bytes
/// were written, whoever reads meanwhile, and when the saving process is killed.
/// (Serialization/AtomicSaveTests covers failing before the rename and a writer that throws.)
/// </summary>
public sealed class AtomicSaveReliabilityTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-atomic-").FullName;
    private readonly string path;

    public AtomicSaveReliabilityTests() => path = Path.Combine(folder, "graph.json");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void FailingRightAfterTheRename_LeavesTheNewFileComplete_AndNoTemporaryFile()
    {
        var previous = Random(1, 5, 30);
        var next = Random(2, 5, 30);
        previous.Save(path);

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
        previous.Save(path);
        var before = File.ReadAllBytes(path);
        var size = System.Text.Encoding.UTF8.GetByteCount(RoundTripPropertyTests.Json(next));

        // Every 97th byte and the edges: the writer buffers, so this fails on every flush boundary too.
        foreach (var budget in Enumerable.Range(0, size / 97).Select(i => i * 97).Concat([1, size - 1]))
        {
            var save = () => AtomicFile.Write(path, s => GraphJsonWriter.Write(next, new FullDisk(s, budget)));

            save.Should().Throw<IOException>().WithMessage("No space left on device*");
            File.ReadAllBytes(path).Should().Equal(before, $"a save failing after {budget} bytes must not touch the file");
            Directory.GetFiles(folder).Should().Equal(path);
        }
    }

    [Fact]
    public async Task ReadersDuringRepeatedSaves_SeeTheOldOrTheNewGraph_NeverAPart()
    {
        var graphs = new[] { Random(5, 20, 3000), Random(6, 25, 2500) };
        var texts = graphs.Select(RoundTripPropertyTests.Json).ToArray();
        graphs[0].Save(path);
        using var stop = new CancellationTokenSource();
        var reads = 0;

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var text = RoundTripPropertyTests.Json(RelationGraph.Load(path));
                texts.Should().Contain(text);
                Interlocked.Increment(ref reads);
            }
        })).ToArray();
        try
        {
            for (var i = 1; i <= 30; i++)
            {
                graphs[i % 2].Save(path);
            }
        }
        finally
        {
            stop.Cancel();
        }

        await Task.WhenAll(readers);
        reads.Should().BePositive();
        Directory.GetFiles(folder).Should().Equal(path);
    }

    [Fact]
    public void WritersSavingTheSamePathAtOnce_LeaveOneWholeGraph()
    {
        var graphs = Enumerable.Range(0, 4).Select(i => Random(10 + i, 10, 500)).ToArray();

        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => graphs[i % 4].Save(path));

        graphs.Select(RoundTripPropertyTests.Json).Should().Contain(RoundTripPropertyTests.Json(RelationGraph.Load(path)));
        Directory.GetFiles(folder).Should().Equal(path);
    }

    [Fact]
    public void KillingTheSavingProcess_AtRandomMoments_LeavesTheOldOrTheNewGraph()
    {
        var expected = SaveLoop.Graphs().Select(RoundTripPropertyTests.Json).ToArray();
        var random = new Random(20261128);
        var killedMidSave = 0;
        for (var round = 0; round < 4; round++)
        {
            using var child = SaveLoop.Start(path);
            try
            {
                // Wait for its first complete save, then let it run into a later one.
                child.StandardOutput.ReadLine().Should().StartWith("saved", "the child should save before it is killed");
                Thread.Sleep(random.Next(0, 250));
            }
            finally
            {
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
            }

            expected.Should().Contain(RoundTripPropertyTests.Json(RelationGraph.Load(path)), $"round {round}: the file must hold one whole graph");

            // A kill between creating the temporary file and the rename leaves that file behind; remove it.
            var leftovers = Directory.GetFiles(folder).Where(f => f != path).ToList();
            killedMidSave += leftovers.Count > 0 ? 1 : 0;
            leftovers.ForEach(File.Delete);
        }

        killedMidSave.Should().BePositive("some kills should land in the middle of a save, or the test proves little");
    }

    /// <summary>A stream that fails like a full disk once a number of bytes has been written.</summary>
    private sealed class FullDisk(Stream inner, int budget) : Stream
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
                throw new IOException("No space left on device (simulated).");
            }
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
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
        var host = Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(SaveLoop).Assembly.Location);
        start.ArgumentList.Add(Command);
        start.ArgumentList.Add(path);
        return Process.Start(start) ?? throw new InvalidOperationException("The save loop did not start.");
    }

    public static int Run(string path)
    {
        var graphs = Graphs();
        for (var i = 0; ; i++)
        {
            graphs[i % 2].Save(path);
            System.Console.Out.WriteLine($"saved {i}");
            System.Console.Out.Flush();
        }
    }
}
