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

        var index = new IntervalIndex(lo, hi);
        for (var q = 0; q < 300; q++)
        {
            var a = random.Next(-10, 650);
            var b = random.Next(3) == 0 ? a : a + random.Next(0, 120);
            if (q % 50 == 0)
            {
                (a, b) = (int.MinValue, int.MaxValue);
            }

            var expected = Enumerable.Range(0, count).Where(i => lo[i] <= b && hi[i] >= a).ToArray();

            index.Query(a, b).Should().Equal(expected, $"window [{a}, {b}] with seed {seed}");
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
