namespace RelationsGraph.Cli.Repl;

/// <summary>The keyboard and screen the line editor works with; tests give it keys and read what it drew.</summary>
internal interface ITerminal
{
    /// <summary>Gets the width of a line in characters.</summary>
    int Width { get; }

    /// <summary>Gets a value telling whether a key is already waiting, as while text is pasted.</summary>
    bool KeyAvailable { get; }

    /// <summary>Waits for a key, without echoing it.</summary>
    ConsoleKeyInfo ReadKey();

    /// <summary>Writes text and control sequences.</summary>
    void Write(string text);
}

/// <summary>The process's own terminal.</summary>
internal sealed class ConsoleTerminal : ITerminal
{
    public int Width
    {
        get
        {
            try
            {
                return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
            }
            catch (IOException)
            {
                return 80;
            }
        }
    }

    public bool KeyAvailable => Console.KeyAvailable;

    /// <summary>Whether both ends are a terminal, so the editor can draw and read keys.</summary>
    public static bool IsInteractive => !Console.IsInputRedirected && !Console.IsOutputRedirected;

    public ConsoleKeyInfo ReadKey()
    {
        // Ctrl-C while typing clears the line instead of ending the process.
        var treat = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            return Console.ReadKey(intercept: true);
        }
        finally
        {
            Console.TreatControlCAsInput = treat;
        }
    }

    public void Write(string text)
    {
        Console.Out.Write(text);
        Console.Out.Flush();
    }
}
