namespace RelationsGraph.Serialization;

/// <summary>
/// A small hash table keyed by UTF-8 bytes, so a reader can find the string or object a value stands for
/// without first making a string of it. Not thread-safe; one per reader.
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
            if (entries[i].Hash == hash && key.SequenceEqual(entries[i].Key))
            {
                return entries[i].Value;
            }
        }

        return null;
    }

    /// <summary>Adds a key that is not in the table yet.</summary>
    /// <param name="key">The key's bytes (copied).</param>
    /// <param name="value">The value.</param>
    public void Add(ReadOnlySpan<byte> key, T value)
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

        entries[Count] = new Entry { Key = key.ToArray(), Hash = Hash(key), Value = value };
        Link(Count++);
    }

    private void Link(int i)
    {
        ref var bucket = ref buckets[entries[i].Hash & (buckets.Length - 1)];
        entries[i].Next = bucket - 1;
        bucket = i + 1;
    }

    private static int Hash(ReadOnlySpan<byte> key)
    {
        var hash = default(HashCode);
        hash.AddBytes(key);
        return hash.ToHashCode();
    }

    private struct Entry
    {
        public byte[] Key;
        public int Hash;
        public int Next;
        public T Value;
    }
}
