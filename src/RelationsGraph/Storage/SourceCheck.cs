using System.Security.Cryptography;
using System.Text;
using RelationsGraph.Common;
using RelationsGraph.Graph;
using RelationsGraph.Model;

namespace RelationsGraph.Storage;

/// <summary>
/// The outcome of checking a graph against its source documents: each source file's SHA-256, and that
/// every quote occurs verbatim in the source it cites (runs of white space compared as one space).
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class SourceCheck
{
    private SourceCheck(IReadOnlyList<string> problems, IReadOnlyList<string> missing, int quotesChecked)
    {
        Problems = problems;
        MissingSources = missing;
        QuotesChecked = quotesChecked;
    }

    /// <summary>Gets each mismatch found, one sentence each: a wrong hash or a quote not in its source.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Gets the ids of sources whose file was not found, so their quotes were not checked.</summary>
    public IReadOnlyList<string> MissingSources { get; }

    /// <summary>Gets how many quotes were compared with their source.</summary>
    public int QuotesChecked { get; }

    /// <summary>Gets a value telling whether no problem was found (missing sources are not problems).</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>
    /// Checks a graph's evidence against the source files, found relative to <paramref name="baseDirectory"/>
    /// (the folder of the graph file).
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="baseDirectory">The folder that source paths are relative to.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static SourceCheck Run(RelationGraph graph, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        var problems = new List<string>();
        var missing = new List<string>();
        var texts = new Dictionary<string, QuoteFinder>(StringComparer.Ordinal);
        foreach (var source in graph.Sources)
        {
            var path = Path.Combine(baseDirectory, source.Path);
            if (!File.Exists(path))
            {
                missing.Add(source.Id);
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            var hash = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
            if (hash != source.Sha256)
            {
                problems.Add($"source '{source.Id}': {source.Path} has SHA-256 {hash}, but the graph records {source.Sha256}.");
            }

            texts[source.Id] = new QuoteFinder(FoldWhiteSpace(Encoding.UTF8.GetString(bytes)));
        }

        var quotes = 0;
        void CheckAll(string owner, IReadOnlyList<Evidence> evidence)
        {
            foreach (var item in evidence)
            {
                if (!texts.TryGetValue(item.Source, out var text))
                {
                    continue;
                }

                quotes++;
                if (!text.Contains(FoldWhiteSpace(item.Quote)))
                {
                    problems.Add($"{owner}: the quote \"{item.Quote}\" does not occur in source '{item.Source}'.");
                }
            }
        }

        foreach (var relation in graph.Relations)
        {
            CheckAll($"relation '{relation.Id}'", relation.Evidence);
        }

        foreach (var actorEvent in graph.Events)
        {
            CheckAll($"event '{actorEvent.Id}'", actorEvent.Evidence);
        }

        return new SourceCheck(problems.AsReadOnly(), missing.AsReadOnly(), quotes);
    }

    /// <summary>
    /// Finds quotes in one source's text. The first few searches scan the text; after that it indexes every
    /// position by the eight characters starting there (sorted 64-bit keys), so each later quote costs a
    /// binary search and a comparison at the few positions that start the same way: an event dataset cites
    /// its files a hundred thousand times, and scanning megabytes for each quote took most of a minute.
    /// </summary>
    internal sealed class QuoteFinder(string text)
    {
        private const int KeyLength = 8;
        private const int ScansBeforeIndex = 64;
        private ulong[]? keys;
        private int[]? positions;
        private int scans;

        public bool Contains(string quote)
        {
            if (quote.Length < KeyLength || text.Length < KeyLength)
            {
                return text.Contains(quote, StringComparison.Ordinal);
            }

            if (keys is null)
            {
                if (++scans <= ScansBeforeIndex)
                {
                    return text.Contains(quote, StringComparison.Ordinal);
                }

                BuildIndex();
            }

            var key = Key(quote.AsSpan());
            var at = Array.BinarySearch(keys!, key);
            if (at < 0)
            {
                return false;
            }

            while (at > 0 && keys![at - 1] == key)
            {
                at--;
            }

            for (; at < keys!.Length && keys[at] == key; at++)
            {
                if (text.AsSpan(positions![at]).StartsWith(quote, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private void BuildIndex()
        {
            var count = text.Length - KeyLength + 1;
            var k = new ulong[count];
            var p = new int[count];
            for (var i = 0; i < count; i++)
            {
                k[i] = Key(text.AsSpan(i));
                p[i] = i;
            }

            Array.Sort(k, p);
            (keys, positions) = (k, p);
        }

        /// <summary>The first eight characters folded into 64 bits; equal text gives equal keys, and candidates are compared in full.</summary>
        private static ulong Key(ReadOnlySpan<char> span)
        {
            var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(span[..KeyLength]);
            var first = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            var second = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
            return (first * 0x9E3779B97F4A7C15UL) ^ second ^ (second >> 29);
        }
    }

    /// <summary>Replaces every run of white space with one space and trims the ends.</summary>
    internal static string FoldWhiteSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
