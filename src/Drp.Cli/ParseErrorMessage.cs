using System.CommandLine;
using System.CommandLine.Parsing;

namespace Drp.Cli;

/// <summary>One line for what the command line got wrong: which command, what, and a "did you mean" when a name is close.</summary>
public static class ParseErrorMessage
{
    public static string For(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var see = $"(see {CommandPath(parse.CommandResult)} --help)";
        if (parse.UnmatchedTokens.FirstOrDefault() is { } token)
        {
            if (token.StartsWith('-'))
            {
                var options = command.Options.Concat(parse.RootCommandResult.Command.Options.Where(o => o.Recursive))
                    .SelectMany(o => o.Aliases.Prepend(o.Name));
                return $"unknown option {token}{DidYouMean(token, options)} {see}";
            }

            if (command.Subcommands.Count > 0)
            {
                return $"unknown command '{token}'{DidYouMean(token, command.Subcommands.Select(c => c.Name))} {see}";
            }

            return $"unexpected argument '{token}' {see}";
        }

        if (command.Arguments.FirstOrDefault(a => a.Arity.MinimumNumberOfValues > 0 && parse.GetResult(a) is null or { Tokens.Count: 0 }) is { } missing)
        {
            return $"missing {missing.Name}: {missing.Description} {see}";
        }

        var message = string.Join(' ', parse.Errors[0].Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return $"{message} {see}";
    }

    /// <summary>"; did you mean X?" for the names close to the token (a prefix of one, or a letter or two apart), else nothing.</summary>
    public static string DidYouMean(string token, IEnumerable<string> names)
    {
        var bare = token.TrimStart('-');
        var close = names.Distinct()
            .Where(n => n.Length > 1 && bare.Length > 0 && (n.TrimStart('-').StartsWith(bare, StringComparison.OrdinalIgnoreCase)
                || (n.TrimStart('-').Length >= 3 && bare.StartsWith(n.TrimStart('-'), StringComparison.OrdinalIgnoreCase))
                || Distance(bare.ToLowerInvariant(), n.TrimStart('-').ToLowerInvariant()) <= Math.Max(1, (bare.Length + 1) / 3)))
            .Where(n => n.StartsWith("--") || !n.StartsWith('-'))
            .OrderBy(n => Distance(bare, n.TrimStart('-')))
            .Take(3)
            .ToList();
        return close.Count == 0 ? "" : $"; did you mean {string.Join(" or ", close)}?";
    }

    private static string CommandPath(CommandResult result) =>
        result.Parent is CommandResult parent ? $"{CommandPath(parent)} {result.Command.Name}" : "drp";

    /// <summary>Edits (insert, delete, replace, swap of neighbours) from one word to the other.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
