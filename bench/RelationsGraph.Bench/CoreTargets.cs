using System.Globalization;

namespace RelationsGraph.Bench;

/// <summary>
/// The core's targets (issue 16) as measured in one run of <c>compare</c> or <c>scale</c>: each a ratio or a number
/// against its bound, per file (or layout), printed as one table with met or missed.
/// </summary>
internal sealed class CoreTargets
{
    private readonly List<(string Target, string Column, string Measured, bool Met)> verdicts = [];

    /// <summary>A ratio that must be at least <paramref name="bound"/>.</summary>
    public void AtLeast(string target, string column, double measured, double bound, string format = "0.0") =>
        verdicts.Add(($"{target} ≥ {bound.ToString("0.##", CultureInfo.InvariantCulture)}", column, Shown(measured, format), measured >= bound));

    /// <summary>A ratio or number that must be at most <paramref name="bound"/>.</summary>
    public void AtMost(string target, string column, double measured, double bound, string format = "0.00") =>
        verdicts.Add(($"{target} ≤ {bound.ToString("0.##", CultureInfo.InvariantCulture)}", column, Shown(measured, format), measured <= bound));

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
        Console.WriteLine($"Targets (issue 16), met or missed; {verdicts.Count(v => v.Met)} of {verdicts.Count} met");
        Console.WriteLine("target".PadRight(targetWidth) + string.Concat(names.Select(n => n.PadLeft(width))));
        foreach (var target in verdicts.Select(v => v.Target).Distinct())
        {
            var cells = columns.Select(c => verdicts.FirstOrDefault(v => v.Target == target && v.Column == c) is { Target: not null } v
                ? $"{v.Measured} {(v.Met ? "met" : "MISSED")}"
                : "—");
            Console.WriteLine(target.PadRight(targetWidth) + string.Concat(cells.Select(c => c.PadLeft(width))));
        }
    }

    private static string Shown(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
