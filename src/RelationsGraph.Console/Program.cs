using System.Text;
using RelationsGraph.Cli;
using RelationsGraph.Cli.Output;

// On a terminal, the console's own writers (the interactive mode needs every prompt shown at once). Into a
// pipe or a file, a buffered writer: Console.Out flushes after every write, and Newtonsoft writes JSON a
// character at a time, so a large --format json answer cost a system call per character. Anything written
// to stderr first flushes what stdout holds, so the two keep their order when they share a file.
if (!Console.IsOutputRedirected)
{
    return Cli.Run(args, Console.Out, Console.Error, Style.ForConsole());
}

using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false };
using var error = new FlushingFirst(Console.Error, output);
try
{
    return Cli.Run(args, output, error, Style.ForConsole());
}
finally
{
    output.Flush();
}

/// <summary>A writer that flushes another before each write, so stdout's buffered text comes before an error.</summary>
internal sealed class FlushingFirst(TextWriter inner, TextWriter first) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override string NewLine
    {
#pragma warning disable CS8765 // TextWriter.NewLine's setter takes a nullable string.
        get => inner.NewLine;
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value)
    {
        first.Flush();
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        first.Flush();
        inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        first.Flush();
        inner.Write(buffer, index, count);
    }

    public override void WriteLine(string? value)
    {
        first.Flush();
        inner.WriteLine(value);
    }

    public override void Flush() => inner.Flush();
}
