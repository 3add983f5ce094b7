using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RelationsGraph.Common;

namespace RelationsGraph.Import;

/// <summary>
/// Streams a quadruple file in one pass: hashes its bytes with SHA-256 while it splits them into lines of
/// whole numbers, so a file of millions of events is read once, in blocks, without a string per field.
/// </summary>
internal static class QuadrupleReader
{
    /// <summary>One line: subject, event type, object and time, the line's text with runs of white space folded, and columns for errors.</summary>
    internal readonly record struct Quadruple(int Subject, int Type, int Object, long Time, string Text, int TypeColumn, int TimeColumn);

    /// <summary>Calls <paramref name="onLine"/> for every non-blank line, with its 1-based number; returns the file's SHA-256.</summary>
    public static string Read(string path, Action<Quadruple, int> onLine)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        var pending = new List<byte>(256);
        var lineNumber = 0;
        int count;
        while ((count = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, count);
            var start = 0;
            for (var i = 0; i < count; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                lineNumber++;
                if (pending.Count > 0)
                {
                    pending.AddRange(buffer.AsSpan(start, i - start));
                    ParseLine(CollectionsMarshal(pending), path, lineNumber, onLine);
                    pending.Clear();
                }
                else
                {
                    ParseLine(buffer.AsSpan(start, i - start), path, lineNumber, onLine);
                }

                start = i + 1;
            }

            pending.AddRange(buffer.AsSpan(start, count - start));
        }

        if (pending.Count > 0)
        {
            ParseLine(CollectionsMarshal(pending), path, lineNumber + 1, onLine);
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    private static ReadOnlySpan<byte> CollectionsMarshal(List<byte> bytes) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes);

    private static void ParseLine(ReadOnlySpan<byte> line, string path, int lineNumber, Action<Quadruple, int> onLine)
    {
        Span<long> values = stackalloc long[4];
        Span<int> columns = stackalloc int[4];
        var fields = 0;
        var i = 0;
        while (true)
        {
            while (i < line.Length && IsSpace(line[i]))
            {
                i++;
            }

            if (i >= line.Length)
            {
                break;
            }

            var begin = i;
            var negative = line[i] == (byte)'-';
            if (negative)
            {
                i++;
            }

            long value = 0;
            var digits = 0;
            while (i < line.Length && line[i] is >= (byte)'0' and <= (byte)'9' && digits < 18)
            {
                value = (value * 10) + (line[i] - '0');
                digits++;
                i++;
            }

            if (digits == 0 || (i < line.Length && !IsSpace(line[i])))
            {
                throw new GraphDataException(
                    "Expected whole numbers separated by tabs or spaces: subject, event type, object, time.", path, lineNumber, begin + 1);
            }

            if (fields < 4)
            {
                values[fields] = negative ? -value : value;
                columns[fields] = begin + 1;
            }

            fields++;
        }

        if (fields == 0)
        {
            return;
        }

        if (fields < 4)
        {
            throw new GraphDataException(
                string.Create(CultureInfo.InvariantCulture, $"Expected four numbers (subject, event type, object, time) but found {fields}."), path, lineNumber, line.Length + 1);
        }

        for (var f = 0; f < 3; f++)
        {
            if (values[f] is < 0 or > int.MaxValue)
            {
                throw new GraphDataException(
                    string.Create(CultureInfo.InvariantCulture, $"{values[f]} is not a dictionary number; expected 0 or more."), path, lineNumber, columns[f]);
            }
        }

        onLine(new Quadruple((int)values[0], (int)values[1], (int)values[2], values[3], Fold(line), columns[1], columns[3]), lineNumber);
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r';

    /// <summary>The line as text, runs of white space folded to one space and the ends trimmed.</summary>
    private static string Fold(ReadOnlySpan<byte> line)
    {
        var builder = new StringBuilder(line.Length);
        var space = false;
        foreach (var b in line)
        {
            if (IsSpace(b))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append((char)b);
        }

        return builder.ToString();
    }
}
