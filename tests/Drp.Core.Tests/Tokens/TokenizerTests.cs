using System.Text.Json;
using Drp.Core.Tokens;
using Microsoft.ML.Tokenizers;

namespace Drp.Core.Tests.Tokens;

public sealed class TokenizerTests
{
    [SharedDataFact]
    public void Qwen2_ids_equal_the_reference_tokenizer_on_every_golden_text()
    {
        var tokenizer = ByteLevelBpe.Load(TestPaths.Shared("tokenizers/qwen2"));
        var mismatches = new List<string>();
        var count = 0;
        foreach (var line in File.ReadLines(TestPaths.Shared("tokenizers/qwen2/reference-ids.jsonl")))
        {
            var reference = JsonDocument.Parse(line).RootElement;
            var text = reference.GetProperty("text").GetString()!;
            var expected = reference.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()).ToList();
            var actual = tokenizer.EncodeToIds(text);
            count++;
            if (!expected.SequenceEqual(actual))
            {
                mismatches.Add($"{JsonSerializer.Serialize(text[..Math.Min(40, text.Length)])}: {actual.Count} ids, expected {expected.Count}");
            }
        }

        Assert.Equal(286, count);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
    }

    [SharedDataFact]
    public void O200k_counts_equal_tiktoken_on_every_golden_text()
    {
        var counter = TokenCounters.Create("o200k");
        var mismatches = File.ReadLines(TestPaths.Shared("tokenizers/o200k/reference-ids.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(r => counter.Count(r.GetProperty("text").GetString()!) != r.GetProperty("ids").GetArrayLength())
            .Select(r => r.GetProperty("text").GetString()![..10])
            .ToList();

        Assert.Empty(mismatches);
    }

    [SharedDataFact]
    public void Think_tags_of_r1_distill_qwen_count_as_one_token_each()
    {
        var counter = TokenCounters.Create(TestPaths.Shared("tokenizers/qwen2"));

        Assert.Equal("qwen2", counter.Name);
        Assert.Equal(counter.Count("Yes") + 2, counter.Count("<think>Yes</think>"));
    }

    [Fact]
    public void An_unknown_tokenizer_is_refused_with_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => TokenCounters.Create("gpt-17"));

        Assert.Contains("o200k, cl100k, or a tokenizer folder", error.Message);
    }
}
