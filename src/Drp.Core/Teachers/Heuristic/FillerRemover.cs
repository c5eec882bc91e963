using System.Buffers;
using System.Text.RegularExpressions;

namespace Drp.Core.Teachers.Heuristic;

/// <summary>Single-step compression: drops the discourse filler around a step and keeps its content and wording.</summary>
internal static partial class FillerRemover
{
    public static string Compress(string text)
    {
        var compressed = WithoutFiller(text);
        if (compressed.Length < 3 || !compressed.Any(char.IsLetterOrDigit))
        {
            return text;
        }

        return Capitalized(compressed);
    }

    /// <summary>
    /// The text with a capital first letter, unless it opens with a variable ("x = 9 / 3", "n^2 + 1"), a single letter
    /// before anything but a word, or with a function ("sin(A/2) = …", "sqrt(156)").
    /// </summary>
    public static string Capitalized(string text)
    {
        if (text.Length == 0 || !char.IsLower(text[0]) || OpensWithFunction().IsMatch(text))
        {
            return text;
        }

        var next = text.AsSpan(1).TrimStart();
        var isVariable = text.Length > 1 && !char.IsLetter(text[1]) && (next.Length == 0 || !char.IsLetter(next[0]));
        return isVariable ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    [GeneratedRegex(@"^(?:sin|cos|tan|cot|sec|csc|arcsin|arccos|arctan|log|ln|exp|sqrt|gcd|lcm|max|min)(?:\(|\s*\(|\^|_|\s+[a-zA-Z0-9](?![a-zA-Z]))")]
    private static partial Regex OpensWithFunction();

    /// <summary>A step that is all filler and comment ("That makes sense.", "Okay, that seems straightforward."): nothing to keep.</summary>
    public static bool IsOnlyFiller(string text)
    {
        var compressed = WithoutFiller(text);
        return compressed.Length < 3 || !compressed.Any(char.IsLetterOrDigit);
    }

    private static string WithoutFiller(string text)
    {
        var compressed = LeadingFiller().Replace(text, "");
        compressed = Without(compressed, CommentWords, Comment());
        compressed = Without(compressed, DifficultyWords, DifficultyComment());
        compressed = Without(compressed, WayOfWorkingWords, WayOfWorking());
        compressed = Without(compressed, AcknowledgementWords, Acknowledgement());
        compressed = Without(compressed, CheckAnnouncementWords, CheckAnnouncement());
        if (compressed.AsSpan().ContainsAny(OpeningFillerWords))
        {
            compressed = SentenceOpeningFiller().Replace(compressed, m => m.Groups["first"].Value.ToUpperInvariant());
        }

        compressed = InnerFiller().Replace(compressed, "");
        compressed = TagQuestion().Replace(compressed, ".");
        if (compressed.Contains("...", StringComparison.Ordinal) || compressed.Contains('…'))
        {
            compressed = PauseBeforeResult().Replace(compressed, " ");
            compressed = PlanAfterPause().Replace(compressed, "");
            compressed = SaidTwice().Replace(compressed, "");
        }

        return DoubleSpace().Replace(compressed, " ").Trim();
    }

    /// <summary>
    /// The text without the sentences of a pattern, looked for only where one of its words is: the sentence patterns
    /// start with a look behind, which no search can skip to.
    /// </summary>
    private static string Without(string text, SearchValues<string> words, Regex sentences) =>
        text.AsSpan().ContainsAny(words) ? sentences.Replace(text, "") : text;

    private static readonly SearchValues<string> CommentWords = Phrases.Gate("filler.comment-judgment");

    private static readonly SearchValues<string> DifficultyWords = Phrases.Gate("filler.difficulty");

    private static readonly SearchValues<string> WayOfWorkingWords = Phrases.Gate("filler.way-of-working");

    private static readonly SearchValues<string> AcknowledgementWords = SearchValues.Create(
        ["got ", "noted", "correct", "good", "again", "perfect", "great", "exactly"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> CheckAnnouncementWords = Phrases.Gate("filler.check-announcement");

    private static readonly SearchValues<string> OpeningFillerWords = SearchValues.Create(["i think", "basically", "actually"], StringComparison.OrdinalIgnoreCase);

    /// <summary>A step that reaches the answer as a question ("…6 miles per hour?") is stated instead.</summary>
    public static string AsStatement(string text) =>
        text.EndsWith('?') ? text[..^1].TrimEnd() + "." : text;

    // "…\). I think this is a difference of squares": the sentence opens "This is …".
    [GeneratedRegex(@"(?<=[.!?]\s+)(?:I think|basically|actually),?\s+(?<first>[a-z])(?=[a-z])", RegexOptions.IgnoreCase)]
    private static partial Regex SentenceOpeningFiller();

    [GeneratedRegex(@"(?<=\S),?\s+(?:let me see|let's see|I think|basically|actually|just|you know|of course)(?=[\s,])|(?<=\s)(?:I think|basically|actually)\s+(?=\w)", RegexOptions.IgnoreCase)]
    private static partial Regex InnerFiller();

    // "…would be (10-1)! / (5!2!2!1!), right?" is stated: "…would be (10-1)! / (5!2!2!1!)."
    [GeneratedRegex(@",\s*(?:right|correct)\?(?=\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex TagQuestion();

    // "0.4 times 80 is... 32" is "0.4 times 80 is 32"; "23 plus 25 is... 23 + 20 is 43" and "550 divided by 4 is... 4 goes
    // into 550" go on with other work after the pause, which joined to the sentence would say 23 + 25 is 23.
    [GeneratedRegex(@"(?<=\b(?:is|are|equals|be|gives|get|gets|makes))\s*(?:\.\.\.|…)\s*(?=(?>[-$]?\d[\d,.]*)(?!\s*(?:[-+*/×÷=^]|plus|minus|times|divided|multiplied|goes)))")]
    private static partial Regex PauseBeforeResult();

    // "Half of 68 is... let me calculate that. 68 divided by 2 is 34." pauses without the plan.
    [GeneratedRegex(@"(?<=(?:\.\.\.|…)\s*)let me (?:calculate|compute|figure out|work out|see)(?: that| this| it)?(?: out)?[.:!]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex PlanAfterPause();

    // "6 times 60... 6 times 60 is 360." says "6 times 60" once.
    [GeneratedRegex(@"(?<=^|[.!?,]\s+)(?<said>[^.!?\n]{3,40}?)\s*(?:\.\.\.|…)\s*(?=\k<said>)")]
    private static partial Regex SaidTwice();

    // "Got that down.", "Got that part.", "Noted.", "Correct.", "Good.", "Again."
    [GeneratedRegex(@"(?:^|(?<=[.!?]\s+))(?:Okay,?\s+|Alright,?\s+)?(?:Got (?:that|it)(?: down| part)?|Noted|Correct|Good|Again|Perfect|Great|Exactly)[.!]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Acknowledgement();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex DoubleSpace();

    /// <summary>Where a sentence starts: the start of the text, or after the end of a sentence.</summary>
    private const string SentenceStart = @"(?:^|(?<=[.!?]\s+))";

    /// <summary>"Let me", "Let's", "I'll", "I need to" …: how a sentence about the solver's own next move opens.</summary>
    private const string LetMe = @"(?:Let me|Let's|I(?:'ll| will| need to| should| want to)?)\s+";

    /// <summary>The openings of <c>filler.opening</c> that need a look at what follows them.</summary>
    private const string OpeningsInContext =
        @"so(?!\s+(?:far|much|many)\b)|now(?!\s+that\s)|hmm+|right(?=[,.!])|first(?: of all)?(?=,)|let me think(?!\s+[a-z])";

    /// <summary>"Let me calculate that out", "let me do this multiplication in my head": a plan that names no quantity.</summary>
    private const string LetMeDoThat =
        @"let me (?:calculate|compute|do|write) (?:that|this)(?: (?:math|multiplication|division|addition|subtraction|calculation|computation))?"
        + @"(?: out| down| first| in my head| step by step|(?=[,.:!]))(?!\s+[a-z])";

    private static readonly Regex LeadingFillerPattern = Phrases.Compile(
        $@"^(?:\W*(?:{Phrases.Alternation("filler.opening")}|{OpeningsInContext}|{LetMeDoThat})(?:[,.:!]+|\s)\s*)+");

    private static Regex LeadingFiller() => LeadingFillerPattern;

    // A sentence that only comments on the work: "That seems straightforward.", "So, that makes sense.", "That part is easy."
    // Interpreted: .NET 10.0's compiled form of this pattern loops without end on "That part is straightforward because
    // each is already a dollar." (the interpreter and the source generator answer at once).
    private static readonly Regex CommentPattern = new(
        $@"{SentenceStart}(?:(?:So|Okay|Well|And|Yeah|Yes),?\s+)?(?:That|This|It)(?: part| step| one| bit)?(?:'s|’s| (?:{Phrases.Alternation("filler.comment-verb")}))"
        + $@"\s+(?:[a-z]+\s+){{0,3}}?(?:{Phrases.Alternation("filler.comment-judgment")})[^.!?\d\n]{{0,30}}[.!]\s*", RegexOptions.IgnoreCase);

    private static Regex Comment() => CommentPattern;

    // A sentence on how hard the problem is: "Sometimes these problems can be a bit tricky, but if I take it one piece
    // at a time, I think I can manage.", "This seems a little confusing."
    private static readonly Regex DifficultyCommentPattern = Phrases.Compile(
        $@"{SentenceStart}(?:Sometimes\s+)?(?:These|This|That|It|Such)(?:\s+(?:kinds? of\s+)?(?:word\s+|math\s+)?(?:problems?|questions?|ones?|parts?))?"
        + $@"\s+(?:{Phrases.Alternation("filler.difficulty-verb")})\s+(?:(?:{Phrases.Alternation("filler.difficulty-hedge")}) )?"
        + $@"(?:{Phrases.Alternation("filler.difficulty")})\b[^.!?\d\n]{{0,120}}[.!]\s*");

    private static Regex DifficultyComment() => DifficultyCommentPattern;

    // A sentence on how the work will be done, with nothing of the problem in it: "Let me write that down:", "Let me try to
    // break this down step by step.", "I'll take it one step at a time."
    private static readonly Regex WayOfWorkingPattern = Phrases.Compile(
        $@"(?:^|(?<=[.!?:]\s+)){LetMe}(?:try to\s+|just\s+)?(?:{Phrases.Alternation("filler.way-of-working")})"
        + @"(?: carefully| slowly)?(?: step by step| one step at a time)?\s*[.:!]\s*");

    private static Regex WayOfWorking() => WayOfWorkingPattern;

    // "Let me make sure I didn't miscalculate.", "Let me double-check.", "Let me verify that again."
    private static readonly Regex CheckAnnouncementPattern = Phrases.Compile(
        $@"{SentenceStart}(?:Let me|Let's|I(?:'ll| will| should| want to))\s+(?:just\s+)?(?:{Phrases.Alternation("filler.check-announcement")})"
        + $@"(?: (?:{Phrases.Alternation("filler.check-object")}))?(?: again)?\s*[.!]\s*");

    private static Regex CheckAnnouncement() => CheckAnnouncementPattern;
}
