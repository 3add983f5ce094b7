using RelationsGraph.Graph;

namespace RelationsGraph.Tests.Graph;

public sealed class IntervalIndexTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 17)]
    [InlineData(4, 1000)]
    [InlineData(5, 5000)]
    public void Query_FindsExactlyTheOverlappingIntervals_AsABruteForceScan(int seed, int count)
    {
        var random = new Random(seed);
        var lo = new int[count];
        var hi = new int[count];
        for (var i = 0; i < count; i++)
        {
            // Many ties and nested intervals, some open-ended, as real dates give.
            lo[i] = random.Next(0, 400);
            hi[i] = random.Next(5) == 0 ? int.MaxValue : lo[i] + random.Next(0, random.Next(2) == 0 ? 3 : 200);
        }

        // One tree, and blocks of 64 and of 512 intervals (a real index has blocks of 2^22): the same answers.
        IntervalIndex[] indexes = [new IntervalIndex(lo, hi), new IntervalIndex(lo, hi, blockShift: 6), new IntervalIndex(lo, hi, blockShift: 9)];
        for (var q = 0; q < 300; q++)
        {
            var a = random.Next(-10, 650);
            var b = random.Next(3) == 0 ? a : a + random.Next(0, 120);
            if (q % 50 == 0)
            {
                (a, b) = (int.MinValue, int.MaxValue);
            }

            var expected = Enumerable.Range(0, count).Where(i => lo[i] <= b && hi[i] >= a).ToArray();

            foreach (var index in indexes)
            {
                index.Query(a, b).Should().Equal(expected, $"window [{a}, {b}] with seed {seed}");
            }
        }
    }

    [Theory]
    [InlineData(11, 3000)]
    [InlineData(12, 20_000)]
    public void Query_AgreesWithABruteForceScan_ForEndsAcrossTheWholeIntRange(int seed, int count)
    {
        // Ends anywhere from int.MinValue to int.MaxValue, clustered and spread, so the build's sort meets every
        // digit and the sign; a quarter share one low end, so many intervals compete for one node.
        var random = new Random(seed);
        var lo = new int[count];
        var hi = new int[count];
        for (var i = 0; i < count; i++)
        {
            lo[i] = (i % 4) switch
            {
                0 => -7,
                1 => random.Next(int.MinValue, int.MaxValue),
                2 => random.Next(-1000, 1000),
                _ => random.Next(700_000, 740_000),
            };
            var room = (long)int.MaxValue - lo[i];
            hi[i] = random.Next(6) == 0 ? int.MaxValue : lo[i] + (int)Math.Min(room, random.Next(3) == 0 ? random.Next(3) : random.Next());
        }

        IntervalIndex[] indexes = [new IntervalIndex(lo, hi), new IntervalIndex(lo, hi, blockShift: 7)];
        int[] edges = [int.MinValue, -1000, -7, -6, 0, 999, 700_000, 720_000, int.MaxValue - 1, int.MaxValue];
        for (var q = 0; q < 200; q++)
        {
            var a = q < edges.Length ? edges[q] : lo[random.Next(count)] + random.Next(-2, 3);
            var b = q < edges.Length ? a : random.Next(3) == 0 ? a : (int)Math.Min(int.MaxValue, (long)a + random.Next());
            if (a > b)
            {
                (a, b) = (b, a);
            }

            var expected = Enumerable.Range(0, count).Where(i => lo[i] <= b && hi[i] >= a).ToArray();

            foreach (var index in indexes)
            {
                index.Query(a, b).Should().Equal(expected, $"window [{a}, {b}] with seed {seed}");
            }
        }
    }

    [Fact]
    public void Query_FindsEveryInterval_WhenAllAreTheSame()
    {
        var lo = Enumerable.Repeat(5, 1000).ToArray();
        var hi = Enumerable.Repeat(9, 1000).ToArray();
        var index = new IntervalIndex(lo, hi);

        index.Query(9, 9).Should().Equal(Enumerable.Range(0, 1000));
        index.Query(0, 4).Should().BeEmpty();
        index.Query(10, 10).Should().BeEmpty();
    }

    [Fact]
    public void ResultsOfAMillionIntervals_AreExactlyTheOverlappingOnes_InThePooledQueryAndTheList()
    {
        // Past half a million hits the list is one array read back in one go; below, chunks filled in turn.
        var random = new Random(17);
        const int count = 1_500_000;
        var lo = new int[count];
        var hi = new int[count];
        for (var i = 0; i < count; i++)
        {
            lo[i] = random.Next(0, 1000);
            hi[i] = random.Next(6) == 0 ? int.MaxValue : lo[i] + random.Next(0, 400);
        }

        var index = new IntervalIndex(lo, hi);
        foreach (var (a, b) in new[] { (0, 1000), (300, 700), (int.MinValue, int.MaxValue), (999, 999), (500, 500) })
        {
            var expected = Enumerable.Range(0, count).Where(i => lo[i] <= b && hi[i] >= a).ToArray();

            index.Query(a, b).SequenceEqual(expected).Should().BeTrue($"window [{a}, {b}] holds {expected.Length} intervals");
            index.QueryList(a, b).SequenceEqual(expected).Should().BeTrue($"window [{a}, {b}] as a list");
        }
    }

    [Theory]
    [InlineData(5000, 5000, 100, 1000)]
    [InlineData(2000, 2100, 10_000, 100_000)]
    [InlineData(0, 5000, 500_000, 700_000)]
    [InlineData(int.MinValue, int.MaxValue, 1_200_000, 1_200_000)]
    public void ResultsOfShortIntervalsSpreadOverManyBlocks_AreExactlyTheOverlappingOnes_ForWindowsOfEverySize(int a, int b, int fewest, int most)
    {
        // 1.2 million ids in blocks of 2^18 ids (a real index has blocks of 2^22): a window of a few hundred hits
        // sorts each block's few by comparing them, one of tens of thousands marks them in a block's bitmap on one
        // core, one of half a million or more on every core. The same intervals as one block, and as the blocks a
        // real index cuts them into on this machine (one per core), give the same.
        var random = new Random(23);
        const int count = 1_200_000;
        var lo = new int[count];
        var hi = new int[count];
        for (var i = 0; i < count; i++)
        {
            lo[i] = random.Next(0, 10_000);
            hi[i] = lo[i] + random.Next(0, 3);
        }

        var expected = Enumerable.Range(0, count).Where(i => lo[i] <= b && hi[i] >= a).ToArray();

        expected.Length.Should().BeInRange(fewest, most);
        foreach (var index in new[] { new IntervalIndex(lo, hi, blockShift: 18), new IntervalIndex(lo, hi, blockShift: 22), new IntervalIndex(lo, hi) })
        {
            index.Query(a, b).SequenceEqual(expected).Should().BeTrue($"window [{a}, {b}] holds {expected.Length} intervals");
            index.QueryList(a, b).SequenceEqual(expected).Should().BeTrue($"window [{a}, {b}] as a list");
        }
    }

    [Fact]
    public void Query_ReturnsNothing_ForAnEmptyIndex()
    {
        new IntervalIndex([], []).Query(int.MinValue, int.MaxValue).Should().BeEmpty();
    }

    [Fact]
    public void Query_VisitsFewNodes_WhenTheWindowMissesMostIntervals()
    {
        // 100,000 disjoint one-day intervals; a one-day window must find one, and quickly enough that a
        // linear scan would be the odd one out. Asserting the result, not the time: the count is exact.
        const int n = 100_000;
        var lo = Enumerable.Range(0, n).Select(i => i * 2).ToArray();
        var index = new IntervalIndex(lo, lo);

        index.Query(50_000, 50_000).Should().Equal(25_000);
        index.Query(50_001, 50_001).Should().BeEmpty();
    }
}
