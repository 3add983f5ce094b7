namespace RelationsGraph.Tests;

/// <summary>
/// Runs work that might hang (a fuzzed input, a child process) and fails only when it has not finished in
/// minutes: a slow or busy machine never trips it, an endless loop does. The work runs on a thread of its own,
/// so a thread pool kept busy by other tests cannot delay its start.
/// </summary>
internal static class HangGuard
{
    /// <summary>How long work may take before it counts as hung.</summary>
    public static TimeSpan Limit { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Runs the work; throws <see cref="TimeoutException"/> saying what hung when it outlasts <see cref="Limit"/>.</summary>
    public static T Run<T>(Func<T> work, Func<string> what)
    {
        var task = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(Limit))
        {
            throw new TimeoutException($"Did not finish within {Limit.TotalMinutes:0} minutes: {what()}");
        }

        return task.GetAwaiter().GetResult();
    }
}
