using System.Globalization;

namespace RelationsGraph.Bench;

/// <summary>
/// The core's targets (issue 16) as measured in one run of <c>compare</c> or <c>scale</c>: each a ratio or a number
/// against its bound, per file (or layout), printed as one table with met or missed.
/// </summary>
internal sealed class CoreTargets
{
    /// <summary>The size the targets are set for: a file with fewer relations prints its figures without a verdict.</summary>
    public const int TargetRelations = 1_000_000;

    private readonly List<(string Target, string Column, string Measured, bool Met, bool Judged)> verdicts = [];
    private readonly HashSet<string> belowScale = [];

    /// <summary>Notes a column's size: below <see cref="TargetRelations"/> its figures are shown, not judged.</summary>
    public void Size(string column, long relations)
    {
        if (relations < TargetRelations)
        {
            belowScale.Add(column);
        }
    }

    /// <summary>A ratio that must be at least <paramref name="bound"/>.</summary>
    public void AtLeast(string target, string column, double measured, double bound, string format = "0.0") =>
        verdicts.Add(($"{target} ≥ {bound.ToString("0.##", CultureInfo.InvariantCulture)}", column, Shown(measured, format), measured >= bound, !belowScale.Contains(column)));

    /// <summary>A ratio or number that must be at most <paramref name="bound"/>.</summary>
    /// <param name="judged">False for a figure taken below the size the target is set for: shown, not judged.</param>
    public void AtMost(string target, string column, double measured, double bound, string format = "0.00", bool judged = true) =>
        verdicts.Add(($"{target} ≤ {bound.ToString("0.##", CultureInfo.InvariantCulture)}", column, Shown(measured, format), measured <= bound, judged && !belowScale.Contains(column)));

    /// <summary>Prints one row per target, one column per file (by name), each "measured met|missed".</summary>
    public void Print(IReadOnlyList<string> columns)
    {
        if (verdicts.Count == 0)
        {
            return;
        }

        var names = columns.Select(c => Path.GetFileName(c)).ToList();
        var width = Math.Max(16, names.Max(n => n.Length) + 2);
        var targetWidth = verdicts.Max(v => v.Target.Length) + 2;
        Console.WriteLine();
        var judged = verdicts.Where(v => v.Judged).ToList();
        Console.WriteLine($"Targets (issue 16, set for {TargetRelations:N0} relations and more), met or missed; {judged.Count(v => v.Met)} of {judged.Count} met" +
            (judged.Count < verdicts.Count ? "; figures of smaller graphs shown, not judged" : string.Empty));
        Console.WriteLine("target".PadRight(targetWidth) + string.Concat(names.Select(n => n.PadLeft(width))));
        foreach (var target in verdicts.Select(v => v.Target).Distinct())
        {
            var cells = columns.Select(c => verdicts.FirstOrDefault(v => v.Target == target && v.Column == c) is { Target: not null } v
                ? $"{v.Measured} {(!v.Judged ? "(small)" : v.Met ? "met" : "MISSED")}"
                : "—");
            Console.WriteLine(target.PadRight(targetWidth) + string.Concat(cells.Select(c => c.PadLeft(width))));
        }
    }

    private static string Shown(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
