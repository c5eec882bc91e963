using System.Globalization;
using System.Numerics;

namespace Drp.Core.Answers.Expressions;

/// <summary>
/// Parses one answer item (no top-level list separators) from LaTeX or plain text: sums, products (also implicit,
/// <c>2\sqrt3</c>, <c>(r+5)(r+5)</c>), fractions, powers, roots, functions, <c>|x|</c>, <c>n!</c>, <c>\pm</c>, ratios,
/// tuples, intervals, sets, matrices, unions and relation chains. <see cref="Parse"/> gives null for what it cannot read.
/// </summary>
public sealed class MathParser
{
    private static readonly HashSet<string> Functions = new(StringComparer.Ordinal)
    {
        "sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "ln", "log", "exp",
    };

    private static readonly HashSet<string> MatrixEnvironments = new(StringComparer.Ordinal)
    {
        "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "matrix", "smallmatrix", "array",
    };

    /// <summary>Deeper nesting is not an answer; the limit keeps the recursion far from the stack's end.</summary>
    private const int MaxDepth = 100;

    /// <summary>Longer texts are not one answer.</summary>
    private const int MaxTokens = 1000;

    private readonly List<Token> _tokens;
    private int _pos;
    private int _absDepth;
    private int _depth;

    private MathParser(List<Token> tokens) => _tokens = tokens;

    /// <summary>The item, or null when its tokens are not one expression, relation or shape.</summary>
    public static MathNode? Parse(List<Token> tokens)
    {
        if (tokens.Count > MaxTokens)
        {
            return null;
        }

        var parser = new MathParser(tokens);
        try
        {
            var node = parser.ParseValue();
            return parser._pos == tokens.Count ? node : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private Token? Peek => _pos < _tokens.Count ? _tokens[_pos] : null;

    private bool At(TokenKind kind, string text) => Peek is { } t && t.Kind == kind && t.Text == text;

    private bool AtSymbol(string text) => At(TokenKind.Symbol, text);

    private bool AtCommand(string text) => At(TokenKind.Command, text);

    private Token Next() => _pos < _tokens.Count ? _tokens[_pos++] : throw new FormatException("unexpected end");

    private void Expect(TokenKind kind, string text)
    {
        if (!At(kind, text))
        {
            throw new FormatException($"expected {text}");
        }

        _pos++;
    }

    private MathNode ParseRelation()
    {
        var sides = new List<MathNode> { ParseUnion() };
        var ops = new List<string>();
        while (Peek is { Kind: TokenKind.Relation } op)
        {
            _pos++;
            ops.Add(op.Text);
            sides.Add(ParseUnion());
        }

        return ops.Count == 0 ? sides[0] : new Relation(sides, ops);
    }

    private MathNode ParseUnion()
    {
        var parts = new List<MathNode> { ParseRatio() };
        while (AtCommand("cup"))
        {
            _pos++;
            parts.Add(ParseRatio());
        }

        return parts.Count == 1 ? parts[0] : new Union(parts);
    }

    private MathNode ParseRatio()
    {
        var parts = new List<MathNode> { ParseSum() };
        while (AtSymbol(":"))
        {
            _pos++;
            parts.Add(ParseSum());
        }

        return parts.Count == 1 ? parts[0] : new Ratio(parts);
    }

    private MathNode ParseSum()
    {
        var terms = new List<MathNode>();
        MathNode? plusMinus = null;
        var first = true;
        while (true)
        {
            var sign = AtSymbol("+") ? "+" : AtSymbol("-") ? "-" : AtCommand("pm") || AtCommand("mp") ? "pm" : null;
            if (sign is null && !first)
            {
                break;
            }

            if (sign is not null)
            {
                _pos++;
            }

            var term = ParseTerm();
            first = false;
            if (sign == "pm")
            {
                plusMinus = new PlusMinus(Combine(terms), term);
                terms = [plusMinus];
                continue;
            }

            terms.Add(sign == "-" ? new Neg(term) : term);
        }

        return terms.Count == 1 ? terms[0] : new Add(terms);
    }

    private static MathNode? Combine(List<MathNode> terms) => terms.Count switch
    {
        0 => null,
        1 => terms[0],
        _ => new Add(terms),
    };

    private MathNode ParseTerm()
    {
        var factors = new List<MathNode> { ParseMixedNumberOrPower() };
        while (Peek is { } t)
        {
            if (AtSymbol("*") || AtCommand("cdot") || AtCommand("times"))
            {
                _pos++;
                factors.Add(ParsePower());
            }
            else if (AtSymbol("/") || AtCommand("div"))
            {
                _pos++;
                var numerator = factors.Count == 1 ? factors[0] : new Mul(factors);
                factors = [new Div(numerator, ParsePower())];
            }
            else if (StartsFactor(t, factors[^1]))
            {
                factors.Add(ParsePower());
            }
            else
            {
                break;
            }
        }

        return factors.Count == 1 ? factors[0] : new Mul(factors);
    }

    /// <summary><c>1\frac{1}{2}</c> is one and a half, not one times a half.</summary>
    private MathNode ParseMixedNumberOrPower()
    {
        var first = ParsePower();
        if (first is Num { IsDecimal: false, Value.Denominator.IsOne: true } whole && AtCommand("frac") && !_tokens[_pos].SpaceBefore)
        {
            var fraction = ParsePower();
            if (fraction is Div { Numerator: Num { IsDecimal: false } num, Denominator: Num { IsDecimal: false } den } && !den.Value.Numerator.IsZero)
            {
                return new Num(Rational.Add(whole.Value, Rational.Divide(num.Value, den.Value)));
            }

            return new Mul([first, fraction]);
        }

        return first;
    }

    /// <summary>Whether the next token begins a factor multiplied without a sign: <c>2x</c>, <c>3\sqrt2</c>, <c>(a)(b)</c>.</summary>
    private bool StartsFactor(Token t, MathNode previous) => t.Kind switch
    {
        TokenKind.Number => previous is not Num,
        TokenKind.Letters => !AnswerWords.IsWord(t),
        TokenKind.Command => t.Text is "frac" or "sqrt" or "pi" or "binom" or "infty" or "lfloor" or "lceil" or "begin"
            || Functions.Contains(t.Text) || IsNamedSymbol(t.Text),
        TokenKind.Symbol => t.Text is "(" or "{" || (t.Text == "|" && _absDepth == 0),
        _ => false,
    };

    private static bool IsNamedSymbol(string command) => command.Length > 1 && command is not ("end" or "cup" or "cdot" or "times" or "div" or "pm" or "mp" or "rfloor" or "rceil");

    private MathNode ParsePower()
    {
        if (AtSymbol("-"))
        {
            _pos++;
            return new Neg(ParsePower());
        }

        if (AtSymbol("+"))
        {
            _pos++;
        }

        var node = ParseAtom();
        while (true)
        {
            if (AtSymbol("^"))
            {
                _pos++;
                node = new Pow(node, ParseScript());
            }
            else if (AtSymbol("!"))
            {
                _pos++;
                node = new Func("fact", [node]);
            }
            else if (AtSymbol("'"))
            {
                _pos++;
            }
            else
            {
                return node;
            }
        }
    }

    /// <summary>A superscript, subscript or command argument: a group, or one digit, letter or command.</summary>
    private MathNode ParseScript()
    {
        if (AtSymbol("{"))
        {
            return ParseGroup();
        }

        if (AtSymbol("-"))
        {
            _pos++;
            return new Neg(ParseScript());
        }

        var t = Peek ?? throw new FormatException("missing argument");
        if (t.Kind is TokenKind.Number or TokenKind.Letters && t.Text.Length > 1)
        {
            // x^23 is x^2·3 in LaTeX: the argument is one character.
            _tokens[_pos] = t with { Text = t.Text[1..], SpaceBefore = false };
            return t.Kind == TokenKind.Number ? Number(t.Text[..1]) : new Sym(t.Text[..1]);
        }

        return ParseAtom();
    }

    /// <summary>A braced group: one expression or relation, or a list of several.</summary>
    private MathNode ParseGroup()
    {
        Expect(TokenKind.Symbol, "{");
        var items = ParseItems("}");
        Expect(TokenKind.Symbol, "}");
        return items.Count == 1 ? items[0] : new Seq(SeqKind.Group, items);
    }

    private List<MathNode> ParseItems(params string[] closers)
    {
        var items = new List<MathNode>();
        if (Peek is { } t && closers.Contains(t.Text))
        {
            return items;
        }

        items.Add(ParseValue());
        while (AtSymbol(",") || AtSymbol(";"))
        {
            _pos++;
            items.Add(ParseValue());
        }

        return items;
    }

    /// <summary>A relation or expression and the unit words after it: "15 cm^2", "125 miles", "18 dollars per hour".</summary>
    private MathNode ParseValue()
    {
        var value = ParseRelation();
        while (Peek is { } t && AnswerWords.IsWord(t) && !AnswerWords.IsSeparator(t))
        {
            _pos++;
            if ((AtSymbol("^") || AtSymbol("/")) && _pos + 1 < _tokens.Count && _tokens[_pos + 1].Kind is TokenKind.Number or TokenKind.Letters)
            {
                _pos += 2;
            }
        }

        return value;
    }

    private MathNode ParseAtom()
    {
        if (++_depth > MaxDepth)
        {
            throw new FormatException("nested too deep");
        }

        var t = Next();
        var atom = t.Kind switch
        {
            TokenKind.Number => Subscripted(Repeating(t.Text) ?? Number(t.Text)),
            TokenKind.Letters => ParseLetters(t),
            TokenKind.Command => ParseCommand(t.Text),
            TokenKind.Symbol => ParseBracket(t.Text),
            _ => throw new FormatException($"unexpected {t.Text}"),
        };
        _depth--;
        return atom;
    }

    private static Num Number(string digits)
    {
        var dot = digits.IndexOf('.');
        var places = dot < 0 ? 0 : digits.Length - dot - 1;
        var whole = BigInteger.Parse(digits.Replace(".", ""), CultureInfo.InvariantCulture);
        return new Num(Rational.Divide(Rational.FromInteger(whole), Rational.FromInteger(BigInteger.Pow(10, places))), places);
    }

    /// <summary><c>0.\overline{3}</c> is 1/3, <c>1.1\overline{6}</c> is 7/6: a decimal with a repeating part.</summary>
    private Num? Repeating(string digits)
    {
        var dot = AtSymbol(".") && !digits.Contains('.') ? 1 : 0;
        if (!(_pos + dot < _tokens.Count && _tokens[_pos + dot] is { Kind: TokenKind.Command, Text: "overline" or "dot" }))
        {
            return null;
        }

        _pos += dot + 1;
        var repeating = AtSymbol("{") ? ReadRawGroup() : Next().Text;
        if (!repeating.All(char.IsAsciiDigit) || repeating.Length == 0)
        {
            throw new FormatException("a repeating part that is no digits");
        }

        var written = Number(digits.TrimEnd('.'));
        var places = BigInteger.Pow(10, written.DecimalPlaces);
        var period = BigInteger.Pow(10, repeating.Length) - 1;
        var tail = Rational.Divide(Rational.FromInteger(BigInteger.Parse(repeating, CultureInfo.InvariantCulture)), Rational.FromInteger(places * period));
        return new Num(Rational.Add(written.Value, tail));
    }

    /// <summary><c>x_1</c>, <c>a_{37}</c>, <c>204_5</c> (a number in base 5): a name of its own.</summary>
    private MathNode Subscripted(MathNode node)
    {
        if (!AtSymbol("_"))
        {
            return node;
        }

        _pos++;
        var subscript = AtSymbol("{") ? ReadRawGroup() : ParseScript().ToString();
        return new Sym($"{node}_{subscript}");
    }

    private MathNode ParseLetters(Token t)
    {
        if (t.Text.Length > 1)
        {
            if (Functions.Contains(t.Text) || t.Text is "sqrt")
            {
                return ParseFunction(t.Text);
            }

            if (t.Text is "pi")
            {
                return new Sym(Sym.Pi);
            }

            if (t.Text is "inf" or "infty" or "infinity")
            {
                return new Sym(Sym.Infinity);
            }

            if (AnswerWords.IsWord(t))
            {
                throw new FormatException($"word {t.Text} inside an expression");
            }

            // xy is x·y: the letters after the first are parsed next.
            _tokens.Insert(_pos, t with { Text = t.Text[1..], SpaceBefore = false });
        }

        var letter = t.Text[..1];
        if (letter is "f" or "g" or "h" && AtSymbol("("))
        {
            _pos++;
            var args = ParseItems(")");
            Expect(TokenKind.Symbol, ")");
            return new Func(letter, args);
        }

        return Subscripted(new Sym(letter));
    }

    private MathNode ParseCommand(string name)
    {
        switch (name)
        {
            case "frac":
                return new Div(ParseScript(), ParseScript());
            case "boxed" or "fbox" or "framebox":
                return ParseScript();
            case "binom":
                return new Func("binom", [ParseScript(), ParseScript()]);
            case "sqrt":
                return ParseFunction("sqrt");
            case "pi":
                return new Sym(Sym.Pi);
            case "infty":
                return new Sym(Sym.Infinity);
            case "emptyset" or "varnothing":
                return new Seq(SeqKind.Set, []);
            case "{":
                var items = ParseItems("}");
                Expect(TokenKind.Command, "}");
                return new Seq(SeqKind.Set, items);
            case "lfloor" or "lceil":
                var inner = ParseSum();
                Expect(TokenKind.Command, name == "lfloor" ? "rfloor" : "rceil");
                return new Func(name[1..], [inner]);
            case "begin":
                return ParseEnvironment();
            case "sum" or "prod" or "int":
                return ParseBigOperator(name);
        }

        if (Functions.Contains(name))
        {
            return ParseFunction(name);
        }

        if (!IsNamedSymbol(name))
        {
            throw new FormatException($"unexpected \\{name}");
        }

        // \overline{AB}, \vec{v}: a named symbol with its argument; \alpha, \theta: a symbol.
        return AtSymbol("{") ? new Sym($"\\{name}{{{ParseGroup()}}}") : Subscripted(new Sym($"\\{name}"));
    }

    /// <summary><c>\sin x</c>, <c>\sin^2(y)</c>, <c>\log_2 8</c>, <c>\sqrt[3]{x}</c>, <c>\sqrt{2}</c>.</summary>
    private MathNode ParseFunction(string name)
    {
        MathNode? index = null;
        MathNode? power = null;
        if (name == "sqrt" && AtSymbol("["))
        {
            _pos++;
            index = ParseSum();
            Expect(TokenKind.Symbol, "]");
        }

        if (name == "log" && AtSymbol("_"))
        {
            _pos++;
            index = ParseScript();
        }

        if (AtSymbol("^"))
        {
            _pos++;
            power = ParseScript();
        }

        MathNode argument;
        if (name == "sqrt")
        {
            argument = ParseScript();
        }
        else if (AtSymbol("("))
        {
            _pos++;
            argument = ParseRelation();
            Expect(TokenKind.Symbol, ")");
        }
        else
        {
            argument = ParsePower();
        }

        var inverse = power is Neg { Operand: Num { Value: var one } } && one == Rational.One;
        MathNode call = (name, index) switch
        {
            ("sqrt", null) => new Func("sqrt", [argument]),
            ("sqrt", _) => new Func("root", [argument, index]),
            ("log", not null) => new Func("log", [argument, index]),
            _ when inverse => new Func($"arc{name}", [argument]),
            _ => new Func(name, [argument]),
        };

        return power is null || inverse ? call : new Pow(call, power);
    }

    /// <summary><c>\sum_{k=0}^{n-1} F_k</c>: kept as written (not evaluated), compared by its parts.</summary>
    private MathNode ParseBigOperator(string name)
    {
        var args = new List<MathNode>();
        while (AtSymbol("_") || AtSymbol("^"))
        {
            _pos++;
            args.Add(ParseScript());
        }

        args.Add(ParseTerm());
        return new Func(name, args);
    }

    private MathNode ParseEnvironment()
    {
        var environment = ReadRawGroup();
        if (!MatrixEnvironments.Contains(environment))
        {
            throw new FormatException($"environment {environment}");
        }

        if (environment == "array" && AtSymbol("{"))
        {
            ReadRawGroup(); // the column specification, {cc}
        }

        var rows = new List<IReadOnlyList<MathNode>>();
        var row = new List<MathNode>();
        while (!AtCommand("end"))
        {
            if (AtCommand("\\"))
            {
                _pos++;
                rows.Add(row);
                row = [];
                continue;
            }

            row.Add(ParseRelation());
            if (AtSymbol("&"))
            {
                _pos++;
            }
        }

        _pos++;
        ReadRawGroup();
        if (row.Count > 0)
        {
            rows.Add(row);
        }

        return new Matrix(rows);
    }

    /// <summary>The text of a braced group read as it is: an environment's name, a column specification.</summary>
    private string ReadRawGroup()
    {
        Expect(TokenKind.Symbol, "{");
        var text = "";
        for (var (t, depth) = (Next(), 1); t.Text != "}" || --depth > 0; t = Next())
        {
            depth += t.Text == "{" ? 1 : 0;
            text += t.Text;
        }

        return text;
    }

    private MathNode ParseBracket(string open)
    {
        switch (open)
        {
            case "(" or "[":
                var items = ParseItems(")", "]");
                var close = Next().Text;
                if (close is not (")" or "]"))
                {
                    throw new FormatException("unclosed bracket");
                }

                if (items.Count == 2 && (open == "[" || close == "]"))
                {
                    return new Interval(items[0], items[1], open == "[", close == "]");
                }

                // (x) is x; \left[\begin{array}…\end{array}\right] is the matrix.
                return items is [var only] && ((open == "(" && close == ")") || only is Matrix) ? only : new Seq(SeqKind.Tuple, items);
            case "{":
                _pos--;
                return ParseGroup();
            case "|":
                _absDepth++;
                var inner = ParseSum();
                _absDepth--;
                Expect(TokenKind.Symbol, "|");
                return new Func("abs", [inner]);
            default:
                throw new FormatException($"unexpected {open}");
        }
    }
}
