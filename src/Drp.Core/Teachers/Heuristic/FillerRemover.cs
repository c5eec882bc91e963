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

    private static readonly SearchValues<string> CommentWords = SearchValues.Create(
        ["straightforward", "easy", "simple", "right", "correct", "good", "fine", "clear", "sense", "manageable", "reasonable", "starting point", "difference"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> DifficultyWords = SearchValues.Create(
        ["tricky", "confusing", "challenging", "hard", "difficult"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> WayOfWorkingWords = SearchValues.Create(
        ["write", "break", "understand", "through", "step at a time", "do th", "think about how"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> AcknowledgementWords = SearchValues.Create(
        ["got ", "noted", "correct", "good", "again", "perfect", "great", "exactly"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> CheckAnnouncementWords = SearchValues.Create(
        ["check", "verify", "make sure", "confirm"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> OpeningFillerWords = SearchValues.Create(["i think", "basically", "actually"], StringComparison.OrdinalIgnoreCase);

    /// <summary>A step that reaches the answer as a question ("…6 miles per hour?") is stated instead.</summary>
    public static string AsStatement(string text) =>
        text.EndsWith('?') ? text[..^1].TrimEnd() + "." : text;

    [GeneratedRegex(@"^(?:\W*(?:okay|ok|alright|all right|so(?!\s+(?:far|much|many)\b)|well|now(?!\s+that\s)|hmm+|wait|hold on|oh|ah|right(?=[,.!])|yes|yeah|yep|and|but|also|actually|basically|first(?: of all)?(?=,)|let me see|let's see|let me think(?!\s+[a-z])|let me (?:calculate|compute|do|write) (?:that|this)(?: (?:math|multiplication|division|addition|subtraction|calculation|computation))?(?: out| down| first| in my head| step by step|(?=[,.:!]))(?!\s+[a-z])|i think|wait a second|wait a minute)(?:[,.:!]+|\s)\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFiller();

    // "…\). I think this is a difference of squares": the sentence opens "This is …".
    [GeneratedRegex(@"(?<=[.!?]\s+)(?:I think|basically|actually),?\s+(?<first>[a-z])(?=[a-z])", RegexOptions.IgnoreCase)]
    private static partial Regex SentenceOpeningFiller();

    [GeneratedRegex(@"(?<=\S),?\s+(?:let me see|let's see|I think|basically|actually|just|you know|of course)(?=[\s,])|(?<=\s)(?:I think|basically|actually)\s+(?=\w)", RegexOptions.IgnoreCase)]
    private static partial Regex InnerFiller();

    // A sentence that only comments on the work: "That seems straightforward.", "So, that makes sense.", "That part is easy."
    [GeneratedRegex(@"(?:^|(?<=[.!?]\s+))(?:(?:So|Okay|Well|And|Yeah|Yes),?\s+)?(?:That|This|It)(?: part| step| one| bit)?(?:'s|’s| is| was| seems| sounds| looks| makes| should| will| would)\s+(?:[a-z]+\s+){0,3}?(?:straightforward|easy|simple|right|correct|good|fine|clear|sense|manageable|reasonable|starting point|difference)[^.!?\d\n]{0,30}[.!]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Comment();

    // A sentence on how hard the problem is: "Sometimes these problems can be a bit tricky, but if I take it one piece
    // at a time, I think I can manage.", "This seems a little confusing."
    [GeneratedRegex(@"(?:^|(?<=[.!?]\s+))(?:Sometimes\s+)?(?:These|This|That|It|Such)(?:\s+(?:kinds? of\s+)?(?:word\s+|math\s+)?(?:problems?|questions?|ones?|parts?))?\s+(?:can be|could be|might be|may be|can get|could get|get|is|are|seems?|looks?)\s+(?:a bit |a little |kind of |quite |pretty |really |somewhat )?(?:tricky|confusing|challenging|hard|difficult)\b[^.!?\d\n]{0,120}[.!]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex DifficultyComment();

    // "…would be (10-1)! / (5!2!2!1!), right?" is stated: "…would be (10-1)! / (5!2!2!1!)."
    [GeneratedRegex(@",\s*(?:right|correct)\?(?=\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex TagQuestion();

    // A sentence on how the work will be done, with nothing of the problem in it: "Let me write that down:", "Let me try to
    // break this down step by step.", "I'll take it one step at a time."
    [GeneratedRegex(@"(?:^|(?<=[.!?:]\s+))(?:Let me|Let's|I(?:'ll| will| need to| should| want to)?)\s+(?:try to\s+|just\s+)?(?:write (?:that|this|it|them) (?:down|out)(?: to visualize it(?: better)?)?|think about how to (?:approach|model|solve|tackle|handle|do) (?:this|it)(?: problem)?|do (?:that|this|the) (?:math|multiplication|division|addition|subtraction|calculation|computation)|break (?:this|it)(?: problem)? down|understand (?:it|this|the problem)|think (?:about )?(?:this|it) through|take (?:it|this) one step at a time|go through (?:this|it))(?: carefully| slowly)?(?: step by step| one step at a time)?\s*[.:!]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex WayOfWorking();

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

    // "Let me make sure I didn't miscalculate.", "Let me double-check.", "Let me verify that again."
    [GeneratedRegex(@"(?:^|(?<=[.!?]\s+))(?:Let me|Let's|I(?:'ll| will| should| want to))\s+(?:just\s+)?(?:double[- ]check|check|verify|make sure|confirm)(?: (?:that|this|it|my (?:work|answer|calculations?)|(?:that )?I didn't (?:make a mistake|miscalculate)))?(?: again)?\s*[.!]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex CheckAnnouncement();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex DoubleSpace();
}
