using System.Text;
using RelationsGraph.Storage;

namespace RelationsGraph.Tests.Storage;

/// <summary>
/// The scan that finds the relations array and places to cut it: it tracks strings, escapes and brackets exactly
/// (against a reference written byte by byte), finds the first byte that is not UTF-8 wherever it lies (also across
/// the scan's 1 MB buffers), and counts lines as Newtonsoft does.
/// </summary>
public sealed class JsonLayoutTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("relgraph-scan-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TheArrayAndItsItems_AreFoundAsAByteByByteReferenceFindsThem(int seed)
    {
        // Items of random shapes: nested objects and arrays, strings full of brackets, quotes, backslashes and
        // escapes (so some 64-byte blocks go byte by byte), whitespace of every kind, two megabytes and more.
        var random = new Random(seed);
        var text = new StringBuilder("{\"sources\": [], \"relationsX\": [{\"a\": \"[\"}], \"relations\":\n [");
        for (var i = 0; text.Length < (2 << 20) + (seed * 100_000); i++)
        {
            text.Append(i == 0 ? string.Empty : random.Next(2) == 0 ? "," : " \r\n\t,  ").Append(random.Next(3) == 0 ? "\n" : string.Empty);
            text.Append(Value(random, 0));
        }

        // Text after the array, so its closing bracket lies inside a whole block of 64 bytes, not in the last few bytes.
        text.Append("\n], \"after\": \"").Append('z', 200 + (seed * 7)).Append("\", \"events\": [{\"x\": \"]}\"}]}");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var path = Path.Combine(folder, "scan.json");
        File.WriteAllBytes(path, bytes);

        var layout = JsonLayout.Scan(path, 0, parts: 16);
        var (open, close, items) = Reference(bytes);

        layout.CanSplit.Should().BeTrue();
        layout.Open!.Value.Offset.Should().Be(open);
        layout.Close!.Value.Offset.Should().Be(close);
        layout.Close.Value.LinesBefore.Should().Be(bytes.AsSpan(0, (int)close).Count((byte)'\n'));
        layout.Cuts.Should().NotBeEmpty();
        layout.Cuts.Select(c => c.Offset).Should().BeSubsetOf(items, "every cut is the start of an item").And.BeInAscendingOrder();
        foreach (var cut in layout.Cuts)
        {
            var before = bytes.AsSpan(0, (int)cut.Offset);
            cut.LinesBefore.Should().Be(before.Count((byte)'\n'), "a cut's line is where an error in its part is reported");
            cut.LineStart.Should().Be(before.LastIndexOf((byte)'\n') + 1);
            bytes[cut.Comma].Should().Be((byte)',');
            bytes[(int)(cut.Comma + 1)..(int)cut.Offset].All(b => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r').Should().BeTrue("only whitespace stands between a cut's comma and its item");
        }

        layout.FirstInvalidUtf8.Should().Be(-1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData((1 << 20) - 2)]
    [InlineData((1 << 20) - 1)]
    [InlineData(1 << 20)]
    [InlineData((1 << 20) + 1)]
    [InlineData((2 << 20) + 3)]
    public void TheFirstByteThatIsNotUtf8_IsFound_WhereverItLies(int at)
    {
        // Text of one-, two-, three- and four-byte characters, so sequences cross the scan's buffer boundaries.
        var text = new StringBuilder();
        var random = new Random(at);
        for (var size = 0; size < (3 << 20);)
        {
            var (piece, width) = random.Next(4) switch { 0 => ("a", 1), 1 => ("é", 2), 2 => ("김", 3), _ => ("😀", 4) };
            text.Append(piece);
            size += width;
            if (random.Next(50) == 0)
            {
                text.Append('\n');
                size++;
            }
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var path = Path.Combine(folder, "utf8.json");
        File.WriteAllBytes(path, bytes);
        JsonLayout.Scan(path, 0, 1).FirstInvalidUtf8.Should().Be(-1);

        bytes[at] = 0xFF;
        File.WriteAllBytes(path, bytes);

        // The bad byte itself, or the character it cuts short.
        var expected = 0;
        while (System.Text.Rune.DecodeFromUtf8(bytes.AsSpan(expected), out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            expected += consumed;
        }

        expected.Should().BeInRange(at - 3, at);
        JsonLayout.Scan(path, 0, 1).FirstInvalidUtf8.Should().Be(expected);
    }

    [Fact]
    public void ASequenceCutOffAtTheEnd_IsNotUtf8()
    {
        var path = Path.Combine(folder, "cut.json");
        File.WriteAllBytes(path, [.. "{\"a\": \"x"u8, 0xE2, 0x82]);

        JsonLayout.Scan(path, 0, 1).FirstInvalidUtf8.Should().Be(8);
    }

    private static string Value(Random random, int depth) => random.Next(depth < 3 ? 6 : 3) switch
    {
        0 => "\"" + Texts[random.Next(Texts.Length)] + "\"",
        1 => random.Next(-1000, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => random.Next(2) == 0 ? "true" : "null",
        3 => "[" + string.Join(", ", Enumerable.Range(0, random.Next(4)).Select(_ => Value(random, depth + 1))) + "]",
        _ => "{" + string.Join(",\n  ", Enumerable.Range(0, random.Next(5)).Select(i => $"\"k{i}\": {Value(random, depth + 1)}")) + "}",
    } is var value && depth == 0 ? "{\"id\": " + value + ", \"v\": " + Value(random, 1) + "}" : value;

    private static readonly string[] Texts = ["plain", "[{", "}]", "\\\"", "\\\\", "\\\\\\\"]", "a\\\\\\\"b", "\\u005b", "𝄞 é", "{\\\"x\\\": [1]}", ",{", "\\n"];

    /// <summary>The array's brackets and its items' starts, found byte by byte.</summary>
    private static (long Open, long Close, HashSet<long> Items) Reference(byte[] bytes)
    {
        var (depth, inString, escaped) = (0, false, false);
        long open = -1, close = -1;
        var items = new HashSet<long>();
        var lastKey = string.Empty;
        var keyStart = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == '\\')
                {
                    escaped = true;
                }
                else if (b == '"')
                {
                    inString = false;
                    if (depth == 1)
                    {
                        lastKey = Encoding.UTF8.GetString(bytes, keyStart, i - keyStart);
                    }
                }

                continue;
            }

            if (b == '"')
            {
                (inString, keyStart) = (true, i + 1);
            }
            else if (b is (byte)'{' or (byte)'[')
            {
                if (depth == 1 && b == '[' && lastKey == "relations" && open < 0)
                {
                    open = i;
                }
                else if (depth == 2 && open >= 0 && close < 0 && b == '{')
                {
                    items.Add(i);
                }

                depth++;
            }
            else if (b is (byte)'}' or (byte)']')
            {
                depth--;
                if (depth == 1 && open >= 0 && close < 0)
                {
                    close = i;
                }
            }
        }

        return (open, close, items);
    }
}
