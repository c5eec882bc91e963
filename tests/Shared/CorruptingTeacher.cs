using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Drp.Core.Model;

namespace Drp.Tests;

/// <summary>The four ways a teacher model rewrites a pruned trace unfaithfully while ending on the right answer.</summary>
public enum Corruption
{
    None,

    /// <summary>(a) a true computation gets a wrong result: "8 times 30 is 241".</summary>
    FalseComputation,

    /// <summary>(b) a stated number becomes one that is in neither the question nor the trace: "the total number of bees is 701".</summary>
    ChangedNumber,

    /// <summary>(c) an added sentence with an invented quantity: "Then add the 13 extra apples, giving 13 more."</summary>
    InventedSentence,

    /// <summary>(d) the sentence that works out a result is deleted, while a later kept sentence uses that result.</summary>
    DeletedStep,
}

/// <summary>
/// A corrupted prune answer the teacher sent: for which question, how, the pruned trace it wrote and what it changed.
/// <see cref="FromQuestion"/>: a deleted step's result is one operation on two of the question's numbers, which a
/// reader works out in the head (mental arithmetic, not a gap).
/// </summary>
public sealed record CorruptedAnswer(string Question, Corruption Kind, string Trace, string Change, bool FromQuestion = false);

/// <summary>
/// A teacher for the loopback OpenAI-compatible server that answers as an LLM does: it decomposes one step per
/// sentence, and prunes to the offline teacher's pruned trace of the same record rewritten as a model rewrites it
/// (faithfully: "8 times 30 is 240" as "8 × 30 = 240", 12000 as 12,000, "\times" in LaTeX), then corrupts the answer
/// in the way <c>choose</c> says for its prompt, and optionally packages it in the habits of chat models
/// (<see cref="ModelHabits"/>). Every corrupted answer it sends is in <see cref="Corrupted"/>.
/// </summary>
public sealed partial class CorruptingTeacher(IReadOnlyDictionary<string, DrpRecord> offlineByQuestion, Func<string, Corruption> choose, bool dressed = false)
{
    public ConcurrentBag<CorruptedAnswer> Corrupted { get; } = [];

    /// <summary>A fifth of the prune answers in each of the four ways, a fifth faithful, as the prompt's hash falls.</summary>
    public static Corruption AFifthEach(string prompt) => (Corruption)(SHA256.HashData(Encoding.UTF8.GetBytes(prompt))[0] % 5);

    public static Corruption Never(string prompt) => Corruption.None;

    public FakeResponse Answer(FakeRequest request)
    {
        var answer = request.Prompt.Contains("\nReasoning:\n", StringComparison.Ordinal) ? FakeOpenAiServer.Teach(request.Prompt) : Prune(request.Prompt);
        return FakeResponse.Answer(dressed ? ModelHabits.Dress(answer, ModelHabits.For(request.Prompt)) : answer);
    }

    private string Prune(string prompt)
    {
        var question = QuestionOf(prompt);
        if (question is null || !offlineByQuestion.TryGetValue(question, out var record) || record.Pruned is not { } pruned || record.Trace is null)
        {
            return FakeOpenAiServer.Teach(prompt);
        }

        var trace = Rewrite(pruned.Reasoning);
        var kind = choose(prompt);
        var sources = Numbers(question + "\n" + record.Trace.Reasoning);
        var corrupted = kind switch
        {
            Corruption.FalseComputation => FalseComputation(trace),
            Corruption.ChangedNumber => ChangedNumber(trace, sources),
            Corruption.InventedSentence => ((string Trace, string What, string Result)?)InventedSentence(trace, sources, prompt),
            Corruption.DeletedStep => DeletedStep(trace, Numbers(question)),
            _ => null,
        };
        if (corrupted is { } change)
        {
            Corrupted.Add(new CorruptedAnswer(question, kind, change.Trace, change.What, kind == Corruption.DeletedStep && OneOperationOn(change.Result, Numbers(question))));
            trace = change.Trace;
        }

        return $"Actions:\nStep 1: KEEP\n\n## {trace}";
    }

    /// <summary>Whether <paramref name="exported"/> is one of the corrupted traces sent for <paramref name="question"/>, and of which kind.</summary>
    public CorruptedAnswer? ExportedCorruption(string question, string exported) =>
        Corrupted.FirstOrDefault(c => c.Question == question && Same(c.Trace, exported));

    private static bool Same(string a, string b) => Space().Replace(a, " ").Trim() == Space().Replace(b, " ").Trim();

    private static string? QuestionOf(string prompt)
    {
        var start = prompt.LastIndexOf("\nProblem:\n", StringComparison.Ordinal);
        var end = start < 0 ? -1 : prompt.IndexOf("\n\nSteps:\n", start, StringComparison.Ordinal);
        return end < 0 ? null : prompt[(start + 10)..end];
    }

    /// <summary>What a model does when it rewrites faithfully: arithmetic in symbols, large numbers grouped.</summary>
    private static string Rewrite(string trace)
    {
        var latex = trace.Contains(@"\(", StringComparison.Ordinal) || trace.Contains(@"\[", StringComparison.Ordinal);
        var text = WordArithmetic().Replace(trace, m => $"{m.Groups["a"].Value} {Symbol(m.Groups["op"].Value)} {m.Groups["b"].Value} = {m.Groups["c"].Value}");
        text = LargeNumber().Replace(text, m => long.Parse(m.Value, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture));
        return latex ? Star().Replace(text, @" \times ") : text;
    }

    private static string Symbol(string word) => word.ToLowerInvariant() switch
    {
        "plus" => "+",
        "minus" => "−",
        "divided by" => "÷",
        _ => "×",
    };

    private static (string Trace, string What, string Result)? FalseComputation(string trace)
    {
        var body = Body(trace);
        var match = Computation().Matches(body).FirstOrDefault(m => long.TryParse(m.Groups["c"].Value.Replace(",", ""), out _));
        if (match is null)
        {
            return null;
        }

        var result = match.Groups["c"];
        var wrong = (long.Parse(result.Value.Replace(",", ""), CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        return (body[..result.Index] + wrong + trace[(result.Index + result.Length)..], $"{match.Value} → {wrong}", wrong);
    }

    private static (string Trace, string What, string Result)? ChangedNumber(string trace, HashSet<string> sources)
    {
        var body = Body(trace);
        var match = Stated().Matches(body).FirstOrDefault(m => !NearOperation(body, m) && long.Parse(m.Value, CultureInfo.InvariantCulture) >= 13);
        if (match is null)
        {
            return null;
        }

        var number = long.Parse(match.Value, CultureInfo.InvariantCulture) + 1;
        while (sources.Contains(number.ToString(CultureInfo.InvariantCulture)))
        {
            number++;
        }

        var changed = body[..match.Index] + number.ToString(CultureInfo.InvariantCulture) + trace[(match.Index + match.Length)..];
        return (changed, $"{match.Value} → {number} in \"{body[Math.Max(0, match.Index - 40)..Math.Min(body.Length, match.Index + 40)]}\"", number.ToString(CultureInfo.InvariantCulture));
    }

    private static (string Trace, string What, string Result) InventedSentence(string trace, HashSet<string> sources, string prompt)
    {
        var number = 13 + SHA256.HashData(Encoding.UTF8.GetBytes(prompt))[1] % 80;
        while (sources.Contains(number.ToString(CultureInfo.InvariantCulture)))
        {
            number++;
        }

        string[] templates = ["Then add the {0} extra apples, giving {0} more.", "There are also {0} more in the box.", "That leaves {0} for later."];
        var sentence = string.Format(CultureInfo.InvariantCulture, templates[number % templates.Length], number);
        var body = Body(trace);
        return (body.TrimEnd() + " " + sentence + " " + trace[body.Length..].TrimStart(), sentence, number.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Deletes the first sentence that works out a result (not in the question, 3 or more) when, without it, the first
    /// sentence to name the result is a later one that computes with it.
    /// </summary>
    private static (string Trace, string What, string Result)? DeletedStep(string trace, HashSet<string> question)
    {
        var body = Body(trace);
        var sentences = SentenceEnd().Split(body).ToList();
        for (var i = 0; i < sentences.Count; i++)
        {
            foreach (Match computation in Computation().Matches(sentences[i]))
            {
                var result = computation.Groups["c"].Value.Replace(",", "");
                if (question.Contains(result) || !long.TryParse(result, out var value) || value < 3)
                {
                    continue;
                }

                // The step that works it out: without it, the first sentence to name the result computes with it.
                var rest = sentences.Where((_, j) => j != i).ToList();
                var firstUse = rest.FindIndex(s => Numbers(s).Contains(result));
                var later = firstUse >= i && Computation().Matches(rest[firstUse]).Any(c => Numbers(c.Groups["lhs"].Value).Contains(result));
                if (later)
                {
                    return (string.Join(" ", sentences.Where((_, j) => j != i)) + " " + trace[body.Length..].TrimStart(), $"deleted \"{sentences[i]}\" ({result} used later)", result);
                }
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="result"/> is a + b, a - b, a * b or a / b for two numbers of the question.</summary>
    private static bool OneOperationOn(string result, HashSet<string> question)
    {
        var numbers = question.Select(n => double.Parse(n, CultureInfo.InvariantCulture)).ToList();
        var target = double.Parse(result, CultureInfo.InvariantCulture);
        return numbers.Any(a => numbers.Any(b => new[] { a + b, a - b, a * b, b == 0 ? double.NaN : a / b }.Any(v => Math.Abs(v - target) < 1e-9)));
    }

    /// <summary>The trace before its closing "The answer is" sentence.</summary>
    private static string Body(string trace)
    {
        var closing = trace.LastIndexOf("The answer is", StringComparison.Ordinal);
        return closing < 0 ? trace : trace[..closing];
    }

    private static bool NearOperation(string text, Match number)
    {
        var around = text[Math.Max(0, number.Index - 4)..Math.Min(text.Length, number.Index + number.Length + 4)];
        return around.IndexOfAny(['=', '+', '*', '/', '×', '÷', '−', '-', '^', '\\', '{', '(']) >= 0;
    }

    private static HashSet<string> Numbers(string text) =>
        Digits().Matches(text.Replace(",", "")).Select(m => m.Value.Contains('.') ? m.Value.TrimEnd('0').TrimEnd('.') : m.Value).ToHashSet();

    [GeneratedRegex(@"(?<a>\d[\d,.]*) (?<op>times|plus|minus|divided by|multiplied by)\s+(?<b>\$?\d+(?:[.,]\d+)*),? (?:which )?(?:is|equals) (?<c>\$?\d[\d,]*(?:\.\d+)?)(?![\d.])(?!\s*(?:[-+*/×^]|plus|minus|times|divided))", RegexOptions.IgnoreCase)]
    private static partial Regex WordArithmetic();

    // Arithmetic alone: not part of a name or a power before it ("x^2/3 = 8"), nor of more algebra after it ("= 52x", "= 1 + …").
    [GeneratedRegex(@"(?<![\w.^{}()/*+-]\s*)(?<lhs>\d[\d,.]*\s*(?:[-+*/×÷−]|\\times|times|plus|minus)\s*\$?\d[\d,.]*)\s*(?:=|is|equals|, which is)\s*\$?(?<c>\d[\d,]*)(?![\w^(]|[.,]\d|\s*[-+*/×÷−^])")]
    private static partial Regex Computation();

    // A number of two or more digits on its own: not a decimal, not grouped, not part of a name.
    [GeneratedRegex(@"(?<![\w.,$])\d{2,}(?![\w.,])")]
    private static partial Regex Stated();

    [GeneratedRegex(@"(?<![\w.,])\d{5,}(?![\w.,])")]
    private static partial Regex LargeNumber();

    [GeneratedRegex(@"(?<=\d) \* (?=\d)")]
    private static partial Regex Star();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Digits();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
