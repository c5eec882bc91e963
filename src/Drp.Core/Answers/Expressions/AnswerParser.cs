using System.Text.RegularExpressions;

namespace Drp.Core.Answers.Expressions;

/// <summary>
/// Reads a final answer as a whole: its items (separated at the top by commas, semicolons, "and", "or"), a text answer as
/// text, and groups of labelled values (<c>p=5,q=2;p=7,q=2</c>) as tuples.
/// </summary>
public static partial class AnswerParser
{
    /// <summary>One item, or a <see cref="SeqKind.List"/> of several; null when some item is not readable.</summary>
    public static MathNode? Parse(string answer)
    {
        var cleaned = LatexCleaner.Clean(answer);
        if (GroupedNumber().IsMatch(cleaned))
        {
            // 1,000,000 alone is one number; (5,100) is a pair.
            cleaned = cleaned.Replace(",", "");
        }

        var tokens = LatexLexer.Tokenize(cleaned);
        var groups = new List<List<MathNode>>();
        foreach (var group in Split(tokens, t => t is { Kind: TokenKind.Symbol, Text: ";" }))
        {
            var items = new List<MathNode>();
            foreach (var itemTokens in Split(group, t => t is { Kind: TokenKind.Symbol, Text: "," } || AnswerWords.IsSeparator(t)))
            {
                if (itemTokens.Count == 0)
                {
                    continue;
                }

                if (ParseItem(itemTokens) is not { } item)
                {
                    return null;
                }

                items.Add(item);
            }

            if (items.Count > 0)
            {
                groups.Add(items);
            }
        }

        var all = groups.Count > 1 && groups.All(g => g.Count > 1 && g.All(i => Labels.Value(i) is not null))
            ? groups.Select(g => (MathNode)new Seq(SeqKind.Tuple, g.Select(i => Labels.Value(i)!).ToList())).ToList()
            : groups.SelectMany(g => g).ToList();
        return all.Count switch
        {
            0 => null,
            1 => all[0],
            _ => new Seq(SeqKind.List, all),
        };
    }

    private static MathNode? ParseItem(List<Token> tokens)
    {
        if (tokens[0] is { Kind: TokenKind.Relation, Text: Relation.Eq or Relation.Approx })
        {
            // "= 5", "\approx 3.14": the value after it
            tokens = tokens[1..];
        }

        if (tokens.All(t => t.Kind == TokenKind.Letters) && tokens.Any(AnswerWords.IsWord))
        {
            return new Text(string.Join(" ", tokens.Select(t => t.Text)));
        }

        return MathParser.Parse(tokens);
    }

    /// <summary>The token runs between separators outside brackets.</summary>
    private static List<List<Token>> Split(List<Token> tokens, Func<Token, bool> isSeparator)
    {
        var parts = new List<List<Token>> { new() };
        var depth = 0;
        foreach (var t in tokens)
        {
            depth += t switch
            {
                { Kind: TokenKind.Symbol, Text: "(" or "[" or "{" } or { Kind: TokenKind.Command, Text: "{" or "begin" } => 1,
                { Kind: TokenKind.Symbol, Text: ")" or "]" or "}" } or { Kind: TokenKind.Command, Text: "}" or "end" } => -1,
                _ => 0,
            };
            if (depth == 0 && isSeparator(t))
            {
                parts.Add([]);
            }
            else
            {
                parts[^1].Add(t);
            }
        }

        return parts;
    }

    [GeneratedRegex(@"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")]
    private static partial Regex GroupedNumber();
}
