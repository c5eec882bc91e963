using System.Text.RegularExpressions;
using Drp.Core.Teachers.Heuristic;

namespace Drp.Core.Tests.Teachers;

/// <summary>The phrase files of the offline teacher: each says what it is for and gives an example its entries match.</summary>
public sealed class PhrasesTests
{
    public static TheoryData<string> Groups() => [.. Phrases.Groups];

    [Fact]
    public void The_phrase_files_are_embedded()
    {
        Assert.Contains("filler.opening", Phrases.Groups);
        Assert.True(Phrases.Groups.Count() >= 9);
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void Every_group_has_entries_and_an_example_that_holds_one_of_them(string group)
    {
        var entries = Phrases.Of(group);
        Assert.NotEmpty(entries);
        Assert.Equal(entries.Count, entries.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var examples = Phrases.ExamplesOf(group);
        Assert.NotEmpty(examples);
        var any = new Regex($@"(?<!\w)(?:{Phrases.Alternation(group)})(?!\w)", RegexOptions.IgnoreCase);
        Assert.All(examples, example => Assert.True(any.IsMatch(example), $"{group}: the example \"{example}\" holds none of its entries"));
    }

    [Theory]
    [InlineData("Okay, so the total is 12.", "The total is 12.")]
    [InlineData("That seems straightforward. So 5 * 3 = 15.", "So 5 * 3 = 15.")]
    [InlineData("This can get a bit tricky. 3 + 4 = 7.", "3 + 4 = 7.")]
    [InlineData("Let me try to break this down step by step. 3 + 4 = 7.", "3 + 4 = 7.")]
    [InlineData("Let me make sure I didn't miscalculate. 3 + 4 = 7.", "3 + 4 = 7.")]
    public void The_filler_rules_take_out_what_their_phrase_files_name(string step, string kept) =>
        Assert.Equal(kept, FillerRemover.Compress(step));

    [Fact]
    public void No_pattern_of_the_offline_teacher_is_written_in_more_than_200_characters()
    {
        var folder = Path.Combine(TestPaths.RepoRoot, "src", "Drp.Core", "Teachers", "Heuristic");
        var tooLong = Directory.EnumerateFiles(folder, "*.cs")
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), @"@""(?:[^""]|"""")*""").Select(m => (File: Path.GetFileName(file), m.Length)))
            .Where(literal => literal.Length - 3 > 200)
            .ToList();

        Assert.True(tooLong.Count == 0, "long literals: " + string.Join(", ", tooLong.Select(l => $"{l.File} ({l.Length - 3} characters)")));
    }
}
