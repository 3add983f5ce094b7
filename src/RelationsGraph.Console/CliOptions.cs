using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using RelationsGraph.Time;

namespace RelationsGraph.Cli;

/// <summary>
/// Options and arguments that parse to typed values with System.CommandLine's own parsers, so a mistake in one is a
/// parse error that says what was expected in words, and an action only ever sees values that parsed.
/// </summary>
internal static class CliOptions
{
    /// <summary>A whole number; anything else, or one too large for the option, says so in words.</summary>
    public static Option<int> WholeNumber(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseWholeNumber(result, name) ?? defaultValue,
    };

    /// <summary>A whole number that may be left out.</summary>
    public static Option<int?> OptionalWholeNumber(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = result => ParseWholeNumber(result, name),
    };

    /// <summary>A date: <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>, or only those a check lets through.</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="description">What it does, for help.</param>
    /// <param name="check">Says what is wrong with a date that parsed but does not fit the option; null for any date.</param>
    /// <param name="helpName">How help names the value.</param>
    public static Option<PartialDate?> Date(string name, string description, Func<PartialDate, string, string?>? check = null, string helpName = "DATE") => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            var date = ParseDate(result, name);
            if (date is { } d && check?.Invoke(d, result.Tokens[^1].Value) is { } problem)
            {
                result.AddError(problem);
                return null;
            }

            return date;
        },
    };

    /// <summary>A date argument at any precision.</summary>
    public static Argument<PartialDate> DateArgument(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => ParseDate(result, name) ?? default,
    };

    /// <summary>
    /// A comma-separated list of words from a closed vocabulary, in any case; an unknown word is named with the
    /// whole vocabulary. The vocabulary's own parse decides, so each is spelled once, in the model.
    /// </summary>
    public static Option<IReadOnlyList<T>?> List<T>(string name, string helpName, string description, TryParse<T> parse, string what, string expected) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return null;
            }

            var words = result.Tokens[^1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length == 0)
            {
                result.AddError($"{name} needs at least one value.");
                return null;
            }

            var values = new List<T>();
            foreach (var word in words)
            {
                if (!parse(word.ToLowerInvariant(), out var value))
                {
                    result.AddError($"unknown {what} '{word}'; expected {expected}.");
                    return null;
                }

                values.Add(value);
            }

            return values;
        },
    };

    /// <summary>One word of a closed set, in any case, such as an enum's values by their lower-case names.</summary>
    public static Option<T> Choice<T>(string name, string description, IReadOnlyList<T> all, Func<T, string> nameOf, T defaultValue)
    {
        var names = all.Select(nameOf).ToList();
        var option = new Option<T>(name)
        {
            Description = $"{description} ({string.Join(", ", names)}; default {nameOf(defaultValue)}).",
            HelpName = string.Join("|", names),
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return defaultValue;
                }

                var text = result.Tokens[^1].Value;
                var index = names.FindIndex(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    result.AddError($"{name} takes {string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}, not '{text}'.");
                    return defaultValue;
                }

                return all[index];
            },
        };
        option.CompletionSources.Add(names.ToArray());
        return option;
    }

    /// <summary>A calendar day, <c>YYYY-MM-DD</c>.</summary>
    public static Option<DateOnly> Day(string name, string description, DateOnly defaultValue) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return defaultValue;
            }

            var text = result.Tokens[^1].Value;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            result.AddError($"{name} '{text}' is not a day; expected YYYY-MM-DD.");
            return defaultValue;
        },
    };

    /// <summary>
    /// One actor (id, name or alias). As the last argument of its command (<paramref name="last"/>), it takes the words
    /// after it too, to say that a name with spaces needs quotes rather than that a word is not recognized.
    /// </summary>
    public static Argument<string> Actor(string name, string description, CliContext context, bool last = true)
    {
        var argument = new Argument<string>(name)
        {
            Description = description,
            Arity = last ? ArgumentArity.OneOrMore : ArgumentArity.ExactlyOne,
            CustomParser = result =>
            {
                if (result.Tokens.Count > 1)
                {
                    var words = string.Join(" ", result.Tokens.Select(t => t.Value));
                    result.AddError($"{name} is one actor, and {result.Tokens.Count} words are given; quote a name with spaces, as in \"{words}\".");
                }

                return result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            },
        };
        argument.CompletionSources.Add(_ => context.ActorCompletions());
        return argument;
    }

    /// <summary>Several actors; <paramref name="arity"/> says how many.</summary>
    public static Argument<string[]> Actors(string name, string description, ArgumentArity arity, CliContext context)
    {
        var argument = new Argument<string[]>(name) { Description = description, Arity = arity };
        argument.CompletionSources.Add(_ => context.ActorCompletions());
        return argument;
    }

    /// <summary>A parse in the model's own form: <c>TryParse(text, out value)</c>.</summary>
    public delegate bool TryParse<T>(string text, [NotNullWhen(true)] out T? value);

    /// <summary>
    /// Adds a check of the whole command, reported as a parse error like any other. A check looks at which options
    /// were given, not at their values: a value that did not parse has its own error, and reading it would throw.
    /// </summary>
    public static void Check(Command command, Func<CommandResult, string?> problem) =>
        command.Validators.Add(result =>
        {
            if (problem(result) is { } message)
            {
                result.AddError(message);
            }
        });

    /// <summary>Whether an option was given on the command line (not only defaulted).</summary>
    public static bool Given(this CommandResult result, Option option) => result.GetResult(option) is { Implicit: false };

    private static int? ParseWholeNumber(ArgumentResult result, string name)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[^1].Value;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var digits = text.TrimStart('-', '+');
        result.AddError(digits.Length > 0 && digits.All(char.IsAsciiDigit)
            ? $"{name} takes a whole number no larger than {int.MaxValue.ToString("N0", CultureInfo.InvariantCulture)}, not '{text}'."
            : $"{name} takes a whole number, such as 3, not '{text}'.");
        return null;
    }

    private static PartialDate? ParseDate(ArgumentResult result, string name)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[^1].Value;
        try
        {
            return PartialDate.Parse(text);
        }
        catch (FormatException e)
        {
            result.AddError($"{name}: {e.Message}");
            return null;
        }
    }
}
