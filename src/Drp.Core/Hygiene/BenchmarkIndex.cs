using Drp.Core.Io;
using Drp.Core.Model;

namespace Drp.Core.Hygiene;

/// <summary>
/// The questions of benchmark files (GSM8K test, MATH-500, AIME…), indexed once so that each training question is
/// looked up in time that does not grow with them. A training question is contaminated when the runs of
/// <see cref="N"/> words it shares with a benchmark question cover at least half of that question (every number read
/// as one placeholder, so a question copied with other numbers is caught; a stock phrase shared by many questions is
/// not enough). A question too short for such runs is contaminated when its words are a benchmark question's, or
/// when the shorter one's words (at least <see cref="MinimumContained"/> of them, numbers as written) stand in the other.
/// </summary>
public sealed class BenchmarkIndex
{
    public const int DefaultN = 13;

    /// <summary>A short question is looked for inside another only when it has this many words: "Compute 7!" is too little to tell.</summary>
    public const int MinimumContained = 3;

    /// <summary>How much of a benchmark question the runs shared with it must cover: a copy covers all of it.</summary>
    public const double MinimumCover = 0.5;

    private readonly List<Entry> questions = [];
    private readonly Dictionary<ulong, (int Question, int At)> ngrams = [];

    /// <summary>The runs that stand in more than one benchmark question (<see cref="IsTelling"/>).</summary>
    private readonly HashSet<ulong> stock = [];
    private readonly Dictionary<string, int> byWords = new(StringComparer.Ordinal);
    private readonly List<int> shortOnes = [];

    private sealed record Entry(string File, string Location, string Text, List<string> Words, string Joined)
    {
        /// <summary>How many of its words stand in a run that tells it from the others (<see cref="IsTelling"/>).</summary>
        public int Coverable { get; set; }
    }

    private BenchmarkIndex(int n) => N = n;

    /// <summary>Words in a run that two questions must share.</summary>
    public int N { get; }

    /// <summary>Benchmark questions indexed (one given twice counts once).</summary>
    public int Count => questions.Count;

    /// <summary>The file names given, in order: the keys of the counts per benchmark.</summary>
    public IReadOnlyList<string> Files { get; private init; } = [];

    /// <param name="files">Benchmark files in any input format drp reads.</param>
    /// <param name="map">Where the question is, when not in a usual field (<c>question=problem</c>).</param>
    /// <exception cref="InputException">A file that cannot be read, or that holds no question.</exception>
    public static async Task<BenchmarkIndex> LoadAsync(IReadOnlyList<string> files, FieldMap map, int n = DefaultN, CancellationToken cancellationToken = default)
    {
        if (n < MinimumContained)
        {
            throw new ArgumentException($"--ngram: {n} words in a row are in nearly any two questions (default {DefaultN})");
        }

        var index = new BenchmarkIndex(n) { Files = [.. files.Select(Path.GetFileName)!] };
        foreach (var file in files)
        {
            if (!File.Exists(file) && !Directory.Exists(file))
            {
                throw new InputException($"--decontaminate: {file}: no such file");
            }

            var read = 0;
            string? firstError = null;
            await foreach (var item in RawReader.ReadAsync(file, cancellationToken: cancellationToken))
            {
                var (question, error) = item.Value is { } value ? RecordMapper.FieldText(value, "question", map) : (null, item.Error);
                if (question is null)
                {
                    firstError ??= $"{item.Location}: {error}";
                    continue;
                }

                read++;
                index.Add(Path.GetFileName(file), Place(item.Location, file), question);
            }

            if (read == 0)
            {
                throw new InputException($"--decontaminate: {file}: no benchmark question read{(firstError is null ? "" : $" ({firstError})")}; name its field with --decontaminate-map question=PATH");
            }
        }

        index.Seal();
        return index;
    }

    /// <summary>Where a question stands in its file, which the benchmark's name already names: "line 12", "record [725]".</summary>
    private static string Place(string location, string file)
    {
        var place = location.StartsWith(file + ":", StringComparison.Ordinal) ? location[(file.Length + 1)..].Trim() : location;
        return place.All(char.IsAsciiDigit) ? $"line {place}" : place.StartsWith('[') ? $"record {place}" : place;
    }

    private void Add(string file, string location, string text)
    {
        var words = QuestionWords.Of(text);
        var joined = string.Join(' ', words);
        // A question given twice (two files of one benchmark) is one question: its runs are its own, not stock phrases.
        if (words.Count == 0 || byWords.ContainsKey(joined))
        {
            return;
        }

        var id = questions.Count;
        foreach (var (hash, at) in QuestionWords.Ngrams(words, N))
        {
            if (!ngrams.TryAdd(hash, (id, at)) && ngrams[hash].Question != id)
            {
                stock.Add(hash);
            }
        }

        questions.Add(new Entry(file, location, text, words, joined));
        byWords.Add(joined, id);
    }

    /// <summary>
    /// Once every question is in: the words of each that a telling run covers, and the questions that have none (too
    /// short, or formulas and stock phrases only), which are looked for as near duplicates instead.
    /// </summary>
    private void Seal()
    {
        for (var id = 0; id < questions.Count; id++)
        {
            var coverable = new bool[questions[id].Words.Count];
            foreach (var (hash, at) in QuestionWords.Ngrams(questions[id].Words, N))
            {
                if (IsTelling(hash))
                {
                    Array.Fill(coverable, true, at, N);
                }
            }

            questions[id].Coverable = coverable.Count(c => c);
            if (questions[id].Coverable == 0)
            {
                shortOnes.Add(id);
            }
        }
    }

    /// <summary>
    /// A run that stands in one benchmark question only: a stock phrase ("where m and n are relatively prime positive
    /// integers. Find m+n") stands in many, and tells nothing about which one a question copies.
    /// </summary>
    private bool IsTelling(ulong hash) => !stock.Contains(hash);

    /// <summary>
    /// The record rejected as <c>contaminated</c> when its question matches a benchmark question (the match in
    /// <see cref="DrpRecord.Contamination"/>); a record rejected earlier or without a question comes back untouched.
    /// </summary>
    public DrpRecord Check(DrpRecord record)
    {
        if (record.Rejected is not null || record.Question is null || Find(record.Question) is not { } found)
        {
            return record;
        }

        return record with
        {
            Contamination = found,
            Rejected = new Rejection(StageNames.Decontaminate, RejectReasons.Contaminated,
                $"the question is in {found.Benchmark} ({found.Location}: \"{Shortened(found.Question)}\"): {found.Shared}"),
        };
    }

    private static string Shortened(string text) => text.Length <= 120 ? text : text[..117] + "…";

    /// <summary>The benchmark question this question matches, or null.</summary>
    public Contamination? Find(string question)
    {
        var words = QuestionWords.Of(question);
        return SharedRuns(words) ?? NearDuplicate(words);
    }

    /// <summary>
    /// The benchmark question whose words the runs of <see cref="N"/> words shared with this question cover the most of,
    /// when they cover at least <see cref="MinimumCover"/> of it. A stock phrase ("can be written as m/n where m and n are
    /// relatively prime positive integers. Find m+n") covers little of any question.
    /// </summary>
    private Contamination? SharedRuns(List<string> words)
    {
        var covered = new Dictionary<int, (bool[] Words, int FirstAt)>();
        foreach (var (hash, at) in QuestionWords.Ngrams(words, N))
        {
            if (IsTelling(hash) && ngrams.TryGetValue(hash, out var place) && SameRun(words, at, questions[place.Question].Words, place.At))
            {
                if (!covered.TryGetValue(place.Question, out var cover))
                {
                    covered[place.Question] = cover = (new bool[questions[place.Question].Words.Count], at);
                }

                Array.Fill(cover.Words, true, place.At, N);
            }
        }

        if (covered.Count == 0)
        {
            return null;
        }

        var (best, share, firstAt) = covered.Select(c => (Id: c.Key, Share: c.Value.Words.Count(w => w) / (double)questions[c.Key].Coverable, c.Value.FirstAt))
            .MaxBy(c => c.Share);
        return share < MinimumCover ? null : Found(best,
            $"runs of {N} words shared with it cover {share * 100:F0}% of its words, the first \"{string.Join(' ', words.Skip(firstAt).Take(N))}\"");
    }

    /// <summary>
    /// For a question too short (or too full of formulas) for runs of <see cref="N"/> words: the benchmark question with
    /// the same words, one whose words stand in it, or, when this one is short, one it stands in.
    /// </summary>
    private Contamination? NearDuplicate(List<string> words)
    {
        var joined = string.Join(' ', words);
        if (byWords.TryGetValue(joined, out var same))
        {
            return Found(same, "the same words");
        }

        var padded = $" {joined} ";
        var isShort = words.Count < N;
        foreach (var id in shortOnes)
        {
            var entry = questions[id];
            if (entry.Words.Count >= MinimumContained && padded.Contains($" {entry.Joined} ", StringComparison.Ordinal))
            {
                return Found(id, $"the benchmark question's words stand in it: \"{entry.Joined}\"");
            }

            if (isShort && words.Count >= MinimumContained && $" {entry.Joined} ".Contains(padded, StringComparison.Ordinal))
            {
                return Found(id, $"its words stand in the benchmark question: \"{joined}\"");
            }
        }

        return null;
    }

    private Contamination Found(int id, string shared)
    {
        var entry = questions[id];
        return new Contamination(entry.File, entry.Location, entry.Text, shared);
    }

    /// <summary>Whether the runs really are the same words (numbers as placeholders), not two that share a hash.</summary>
    private bool SameRun(List<string> words, int at, List<string> other, int otherAt)
    {
        for (var k = 0; k < N; k++)
        {
            var (a, b) = (words[at + k], other[otherAt + k]);
            if (a != b && !(QuestionWords.IsNumber(a) && QuestionWords.IsNumber(b)))
            {
                return false;
            }
        }

        return true;
    }
}
