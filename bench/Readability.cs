namespace Drp.Bench;

/// <summary>
/// The bench's own checks of how a pruned trace reads: does it open pointing at text that was deleted, keep an
/// admission that an attempt failed, or say a sentence twice. They are defined here, independently of the offline
/// teacher: no pattern, list or code is shared with src/Drp.Core/Teachers, so that a rule of the pruner is not
/// measured against itself. Each notion is a plain word test on the bench's own reading of sentences and words
/// (lower-cased runs of letters and apostrophes), written from what a reader needs, not from what the pruner matches.
/// </summary>
public static class Readability
{
    /// <summary>
    /// The first sentence of the pruned trace needs something before it, and is not the original's first sentence (so
    /// what it needs was deleted): it opens with a word that continues a thought (a connective: "so", "but",
    /// "therefore", "wait") or refers back (a pronoun or demonstrative: "that", "those", "it", "she").
    /// </summary>
    public static bool OpensMidThought(string pruned, string original)
    {
        var first = FirstSentence(pruned);
        if (first.Length == 0 || first == FirstSentence(original))
        {
            return false;
        }

        var words = Words(first);
        return words.Count > 0 && (ContinuingWords.Contains(words[0]) || ReferringWords.Contains(words[0]));
    }

    /// <summary>
    /// A sentence says that the work went wrong: a word of error ("wrong", "mistake", "messed"; not "incorrect", which
    /// problems use for answers), correctness denied ("not right", "not correct"), or sense denied (a "not",
    /// "doesn't", "no" up to three words before "sense"). "Can't be zero" is a constraint, not an admission.
    /// </summary>
    public static bool AdmitsFailure(string pruned) =>
        Sentences(pruned).Select(Words).Any(words => words.Any(ErrorWords.Contains) || DeniesCorrectness(words));

    /// <summary>A sentence of 20 characters or more said twice (case and spacing aside).</summary>
    public static bool RepeatsSentence(string pruned)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in Sentences(pruned))
        {
            var plain = string.Join(' ', sentence.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (plain.Length >= 20 && !seen.Add(plain))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Discourse connectives that carry on from what came before.</summary>
    private static readonly HashSet<string> ContinuingWords =
    [
        "so", "then", "but", "and", "or", "also", "therefore", "thus", "hence", "however", "wait", "now", "next",
        "otherwise", "similarly", "because", "consequently", "furthermore", "moreover", "besides", "instead", "still",
    ];

    /// <summary>Personal and demonstrative pronouns whose referent a reader has to have seen.</summary>
    private static readonly HashSet<string> ReferringWords =
    [
        "that", "this", "these", "those", "it", "its", "it's", "they", "them", "their", "he", "she", "his", "her",
        "he's", "she's", "such", "both", "which",
    ];

    private static readonly HashSet<string> ErrorWords = ["wrong", "mistake", "mistaken", "messed", "oops", "flawed"];

    private static readonly HashSet<string> Negations = ["not", "doesn't", "don't", "didn't", "no", "isn't", "wasn't"];

    private static bool DeniesCorrectness(List<string> words) =>
        Enumerable.Range(0, words.Count).Any(i => Negations.Contains(words[i])
            && (words.Skip(i + 1).FirstOrDefault() is "right" or "correct" || words.Skip(i + 1).Take(3).Contains("sense")));

    private static string FirstSentence(string text) => Sentences(text).FirstOrDefault() ?? "";

    /// <summary>The text cut after '.', '!' or '?' followed by white space, and at line breaks; trimmed, empty ones left out.</summary>
    private static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var ends = text[i] == '\n' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (ends || i + 1 == text.Length)
            {
                var sentence = text[start..(i + 1)].Trim();
                if (sentence.Length > 0)
                {
                    sentences.Add(sentence);
                }

                start = i + 1;
            }
        }

        return sentences;
    }

    /// <summary>The words of a sentence, lower-cased: runs of letters and apostrophes (a curly one read as straight).</summary>
    private static List<string> Words(string sentence)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var c in sentence + " ")
        {
            if (char.IsLetter(c) || c is '\'' or '’')
            {
                word.Append(c == '’' ? '\'' : char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString().Trim('\''));
                word.Clear();
            }
        }

        return words;
    }
}
