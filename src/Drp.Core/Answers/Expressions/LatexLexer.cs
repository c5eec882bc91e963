namespace Drp.Core.Answers.Expressions;

public enum TokenKind
{
    Number,
    Command,
    Letters,
    Relation,
    Symbol,
}

/// <summary>One token of an answer; <paramref name="SpaceBefore"/> tells "1 000" from "1000".</summary>
public readonly record struct Token(TokenKind Kind, string Text, bool SpaceBefore = false);

/// <summary>Splits a cleaned answer (see <see cref="LatexCleaner"/>) into numbers, commands, letters, relations and symbols.</summary>
public static class LatexLexer
{
    private static readonly Dictionary<string, string> RelationCommands = new(StringComparer.Ordinal)
    {
        ["le"] = Relation.Le, ["leq"] = Relation.Le, ["leqslant"] = Relation.Le, ["ge"] = Relation.Ge, ["geq"] = Relation.Ge,
        ["geqslant"] = Relation.Ge, ["lt"] = Relation.Lt, ["gt"] = Relation.Gt, ["ne"] = Relation.Ne, ["neq"] = Relation.Ne,
        ["in"] = Relation.In, ["approx"] = Relation.Approx, ["sim"] = Relation.Approx, ["simeq"] = Relation.Approx,
    };

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var space = false;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
                space = true;
            }

            if (i == text.Length)
            {
                break;
            }

            var start = i;
            var c = text[i];
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && char.IsAsciiDigit(text[i]))
                    {
                        i++;
                    }
                }

                tokens.Add(new Token(TokenKind.Number, text[start..i], space));
            }
            else if (c == '\\')
            {
                i++;
                while (i < text.Length && char.IsAsciiLetter(text[i]))
                {
                    i++;
                }

                if (i == start + 1 && i < text.Length)
                {
                    i++;
                }

                var name = text[(start + 1)..i];
                tokens.Add(RelationCommands.TryGetValue(name, out var op) ? new Token(TokenKind.Relation, op, space) : new Token(TokenKind.Command, name, space));
            }
            else if (char.IsAsciiLetter(c))
            {
                while (i < text.Length && char.IsAsciiLetter(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Letters, text[start..i], space));
            }
            else if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                tokens.Add(new Token(TokenKind.Symbol, "^", space));
                i += 2;
            }
            else if (TwoCharRelation(text, i) is { } relation)
            {
                tokens.Add(new Token(TokenKind.Relation, relation, space));
                i += 2;
            }
            else
            {
                i++;
                tokens.Add(c switch
                {
                    '=' => new Token(TokenKind.Relation, Relation.Eq, space),
                    '<' => new Token(TokenKind.Relation, Relation.Lt, space),
                    '>' => new Token(TokenKind.Relation, Relation.Gt, space),
                    _ => new Token(TokenKind.Symbol, c.ToString(), space),
                });
            }
        }

        return tokens;
    }

    private static string? TwoCharRelation(string text, int i)
    {
        if (i + 1 >= text.Length)
        {
            return null;
        }

        return text.Substring(i, 2) switch
        {
            "<=" or "=<" => Relation.Le,
            ">=" or "=>" => Relation.Ge,
            "!=" or "<>" => Relation.Ne,
            _ => null,
        };
    }
}
