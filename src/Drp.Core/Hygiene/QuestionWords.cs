namespace Drp.Core.Hygiene;

/// <summary>
/// A question as decontamination compares it: its words in lower case, with punctuation, LaTeX markup and white space
/// only separating them ("Janet’s" and "Janet's" are both "janet s"), and a number ("1,200", "2.5") one word of its
/// digits.
/// </summary>
public static class QuestionWords
{
    /// <summary>What every number stands for in an n-gram: a question copied with other numbers is the same question.</summary>
    public const string Number = "#";

    public static List<string> Of(string question)
    {
        var words = new List<string>();
        var i = 0;
        while (i < question.Length)
        {
            var start = i;
            if (char.IsLetter(question[i]))
            {
                while (i < question.Length && char.IsLetter(question[i]))
                {
                    i++;
                }

                words.Add(question[start..i].ToLowerInvariant());
            }
            else if (char.IsAsciiDigit(question[i]))
            {
                while (i < question.Length && (char.IsAsciiDigit(question[i]) || (question[i] is '.' or ',' && i + 1 < question.Length && char.IsAsciiDigit(question[i + 1]))))
                {
                    i++;
                }

                words.Add(question[start..i].Replace(",", "", StringComparison.Ordinal));
            }
            else
            {
                i++;
            }
        }

        return words;
    }

    public static bool IsNumber(string word) => char.IsAsciiDigit(word[0]);

    /// <summary>A word that says something: not a number, not one letter (a variable, "x", "m").</summary>
    public static bool IsTelling(string word) => word.Length > 1 && !IsNumber(word);

    /// <summary>
    /// The hashes of every run of <paramref name="n"/> words, each number read as <see cref="Number"/>, with the index of
    /// the run's first word; only runs where most words tell something (<see cref="IsTelling"/>): "x # # x # # x # #",
    /// what a polynomial becomes, is in many questions that have nothing else in common.
    /// </summary>
    public static IEnumerable<(ulong Hash, int At)> Ngrams(List<string> words, int n)
    {
        var hashes = words.Select(w => Hash(IsNumber(w) ? Number : w)).ToArray();
        var telling = 0;
        for (var k = 0; k < Math.Min(n, words.Count); k++)
        {
            telling += IsTelling(words[k]) ? 1 : 0;
        }

        for (var at = 0; at + n <= hashes.Length; at++)
        {
            if (at > 0)
            {
                telling += (IsTelling(words[at + n - 1]) ? 1 : 0) - (IsTelling(words[at - 1]) ? 1 : 0);
            }

            if (2 * telling <= n)
            {
                continue;
            }

            var hash = 0UL;
            for (var k = at; k < at + n; k++)
            {
                hash = (System.Numerics.BitOperations.RotateLeft(hash, 23) ^ hashes[k]) * 0x9E3779B97F4A7C15UL;
            }

            yield return (hash, at);
        }
    }

    /// <summary>FNV-1a over the word's characters: the same on every run and machine.</summary>
    private static ulong Hash(string word)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
