namespace RelationsGraph.Cli;

/// <summary>A mistake in what the user typed: reported on one line, exit code 2, no stack trace.</summary>
internal sealed class UserInputException(string message) : Exception(message);
