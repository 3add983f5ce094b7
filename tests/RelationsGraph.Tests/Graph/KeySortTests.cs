using RelationsGraph.Graph;

namespace RelationsGraph.Tests.Graph;

public sealed class KeySortTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, KeySort.RadixFrom - 1)]
    [InlineData(4, KeySort.RadixFrom)]
    [InlineData(5, 30_000)]
    [InlineData(6, 100_001)]
    public void Sort_GivesTheComparisonSortsOrder_ForKeysOfEveryShape(int seed, int count)
    {
        var random = new Random(seed);
        foreach (var shape in new Func<ulong>[]
        {
            // Anywhere in 64 bits (so every pass runs); as queries pack them (a day, a precision, an ordinal);
            // few distinct values; one digit only (a single pass, which leaves the keys in the spare array).
            () => (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63),
            () => ((ulong)(uint)random.Next(600_000, 740_000) << 34) | ((ulong)(uint)random.Next(3) << 32) | (uint)random.Next(1_000_000),
            () => (ulong)random.Next(3) << 40,
            () => (ulong)random.Next(1 << 11) << 22,
        })
        {
            var keys = Enumerable.Range(0, count).Select(_ => shape()).ToArray();
            var expected = keys.Order().ToArray();

            KeySort.Sort(keys);

            keys.Should().Equal(expected);
        }
    }

    [Theory]
    [InlineData(11, 100, 1)]
    [InlineData(12, KeySort.RadixFrom, 1)]
    [InlineData(13, 300_001, 1)]
    [InlineData(21, 5_000, 2)]
    [InlineData(22, 30_001, 3)]
    [InlineData(23, 100_000, 7)]
    public void Order_IsAStableSortByTheKeys_InOneRangeOrMany(int seed, int count, int ranges)
    {
        // The load puts rows and ids in order with it, so ties must keep the order they came in. Few distinct keys
        // make long runs of ties; wide keys make every pass run; one digit only makes a single pass, which leaves
        // the keys in the spare array to be copied back. The load's big sorts count and move the keys in ranges, one
        // per core: the ranges' items of one digit must follow one another in range order. Keys of 64 and 32 bits.
        var random = new Random(seed);
        foreach (var shape in new Func<ulong>[]
        {
            () => (ulong)random.Next(5) << 40,
            () => (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63),
            () => (ulong)random.Next(1 << 11),
        })
        {
            var keys = Enumerable.Range(0, count).Select(_ => shape()).ToArray();
            var items = Enumerable.Range(0, count).Select(_ => random.Next()).ToArray();
            var narrow = keys.Select(k => (uint)(k >> 33) ^ (uint)k).ToArray();
            var expected = Enumerable.Range(0, count).OrderBy(i => keys[i]).Select(i => items[i]).ToArray();
            var narrowExpected = Enumerable.Range(0, count).OrderBy(i => narrow[i]).Select(i => items[i]).ToArray();
            var (order, narrowOrder) = ((int[])items.Clone(), (int[])items.Clone());

            if (ranges == 1)
            {
                KeySort.Order(keys, order);
            }
            else
            {
                KeySort.OrderInRanges<ulong>(keys, new ulong[count], order, new int[count], ranges);
            }

            KeySort.OrderInRanges<uint>(narrow, new uint[count], narrowOrder, new int[count], ranges);

            order.Should().Equal(expected, "ties keep the order they came in");
            keys.Should().BeInAscendingOrder();
            narrowOrder.Should().Equal(narrowExpected);
            narrow.Should().BeInAscendingOrder();
        }
    }
}
