namespace RelationsGraph.Serialization;

/// <summary>
/// A hash table keyed by text and looked up by its UTF-8 bytes, so a reader can find the string or object a
/// value stands for without first making a string of it. It keeps the key strings, not copies of their bytes.
/// Not thread-safe; one per reader.
/// </summary>
/// <typeparam name="T">The values.</typeparam>
internal sealed class Utf8Table<T>
    where T : class
{
    private int[] buckets = new int[16];
    private Entry[] entries = new Entry[16];

    /// <summary>Gets how many keys the table holds.</summary>
    public int Count { get; private set; }

    /// <summary>Finds the value of a key.</summary>
    /// <param name="key">The key's bytes.</param>
    /// <returns>The value, or null.</returns>
    public T? Find(ReadOnlySpan<byte> key)
    {
        var hash = Hash(key);
        for (var i = buckets[hash & (buckets.Length - 1)] - 1; i >= 0; i = entries[i].Next)
        {
            if (entries[i].Hash == hash && Same(key, entries[i].Key))
            {
                return entries[i].Value;
            }
        }

        return null;
    }

    /// <summary>Adds a key that is not in the table yet.</summary>
    /// <param name="key">The key's bytes.</param>
    /// <param name="text">The key as text (the same text as the bytes).</param>
    /// <param name="value">The value.</param>
    public void Add(ReadOnlySpan<byte> key, string text, T value)
    {
        if (Count == entries.Length)
        {
            Array.Resize(ref entries, entries.Length * 2);
            buckets = new int[entries.Length];
            for (var i = 0; i < Count; i++)
            {
                Link(i);
            }
        }

        entries[Count] = new Entry { Key = text, Hash = Hash(key), Value = value };
        Link(Count++);
    }

    private void Link(int i)
    {
        ref var bucket = ref buckets[entries[i].Hash & (buckets.Length - 1)];
        entries[i].Next = bucket - 1;
        bucket = i + 1;
    }

    /// <summary>Whether UTF-8 bytes spell a text: byte for character when they are as many (then both must be ASCII), else by encoding the text.</summary>
    private static bool Same(ReadOnlySpan<byte> utf8, string text)
    {
        if (utf8.Length == text.Length)
        {
            return System.Text.Ascii.Equals(utf8, text);
        }

        if (utf8.Length < text.Length || utf8.Length > 3 * text.Length)
        {
            return false;
        }

        Span<byte> encoded = utf8.Length <= 1024 ? stackalloc byte[utf8.Length] : new byte[utf8.Length];
        return System.Text.Encoding.UTF8.TryGetBytes(text, encoded, out var written) && written == utf8.Length && encoded.SequenceEqual(utf8);
    }

    private static int Hash(ReadOnlySpan<byte> key)
    {
        var hash = default(HashCode);
        hash.AddBytes(key);
        return hash.ToHashCode();
    }

    private struct Entry
    {
        public string Key;
        public int Hash;
        public int Next;
        public T Value;
    }
}
