using System.CommandLine;

namespace Drp.Cli.Commands;

/// <summary>Options that take one of a few words, named in the error as the docs write them.</summary>
public static class OptionChoices
{
    /// <summary>Accepts only these values (any case); anything else is an error that lists them.</summary>
    public static Option<string> OneOf(this Option<string> option, params IReadOnlyList<string> values)
    {
        option.CompletionSources.Add(values.ToArray());
        option.Validators.Add(result =>
        {
            var given = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (given is not null && !values.Contains(given, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"{option.Name} takes {Listed(values)}, not '{given}'");
            }
        });
        return option;
    }

    private static string Listed(IReadOnlyList<string> values) =>
        values.Count == 1 ? values[0] : $"{string.Join(", ", values.Take(values.Count - 1))} or {values[^1]}";
}
