using System.Buffers;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Drp.Core.Teachers.Heuristic;

/// <summary>
/// The English words and phrases the offline teacher's rules match, kept as data: one embedded text file per group
/// (Teachers/Heuristic/Phrases/GROUP.txt), one entry per line, in the order they are tried. Lines starting with '#'
/// say what the group is for; a line "example: …" is a sentence the group's rule acts on, which PhrasesTests reads.
/// A rule is changed by editing its file, and the offline teacher's snapshot test shows which traces moved.
/// </summary>
internal static class Phrases
{
    private const string ExamplePrefix = "example:";

    /// <summary>The entries of a group, in file order.</summary>
    public static IReadOnlyList<string> Of(string group) => Read(group).Entries;

    /// <summary>The example sentences of a group.</summary>
    public static IReadOnlyList<string> ExamplesOf(string group) => Read(group).Examples;

    /// <summary>Every group there is.</summary>
    public static IEnumerable<string> Groups =>
        Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..^".txt".Length]);

    /// <summary>The entries as a regular expression alternation, each matched literally, tried in file order: <c>easy|simple|starting point</c>.</summary>
    public static string Alternation(string group) => string.Join("|", Of(group).Select(Regex.Escape));

    /// <summary>A fast test for whether a text holds any entry of the groups (case aside): where none is, their rule need not run.</summary>
    public static SearchValues<string> Gate(params string[] groups) =>
        SearchValues.Create([.. groups.SelectMany(Of)], StringComparison.OrdinalIgnoreCase);

    /// <summary>A rule's pattern built from phrase groups, compiled (case aside unless <paramref name="options"/> say otherwise).</summary>
    public static Regex Compile(string pattern, RegexOptions options = RegexOptions.IgnoreCase) => new(pattern, options | RegexOptions.Compiled);

    private const string Prefix = "phrases/";

    private static readonly Assembly Assembly = typeof(Phrases).Assembly;

    private static (List<string> Entries, List<string> Examples) Read(string group)
    {
        using var stream = Assembly.GetManifestResourceStream($"{Prefix}{group}.txt")
            ?? throw new InvalidOperationException($"no phrase file {group}.txt in Teachers/Heuristic/Phrases");
        using var reader = new StreamReader(stream);
        var (entries, examples) = (new List<string>(), new List<string>());
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith(ExamplePrefix, StringComparison.Ordinal))
            {
                examples.Add(line[ExamplePrefix.Length..].Trim());
            }
            else if (line.Trim().Length > 0 && !line.StartsWith('#'))
            {
                entries.Add(line.Trim());
            }
        }

        return (entries, examples);
    }
}
