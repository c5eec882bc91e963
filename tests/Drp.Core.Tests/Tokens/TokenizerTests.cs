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

/// <summary>drp's fast counts (hand-written pre-tokenizers, a piece cache) equal the tokenizer library's own.</summary>
public sealed class PieceCounterTests
{
    /// <summary>Texts that reach every branch of the patterns: marks, surrogates, contractions, digits, line ends, special tokens.</summary>
    public static readonly TheoryData<string> Tricky = new()
    {
        "Hello world", "  leading and trailing  ", "a\r\nb\n\n\nc \n d\t\te", "I'm sure you'LL see it's THEIR 'RE 'Ve 'd 'M",
        "12345678 + 0.5 = x^2; 1,000,000", "\\frac{a}{b} = \\sqrt{2}/2 -> (x, y) // path/to/file\n/", "café naïve e\u0301te\u0301 Ångström",
        "Καλημέρα κόσμε, Привет мир", "漢字かなカナ한국어", "مرحبا بالعالم", "emoji 😀👍🏽 and 𝑥 math", "ǅungla ʰaspirated ᾈ titlecase",
        "\u0301\u0301 marks first", "x\u00a0y\u2003z\u2028w\u0085v", "<think>Okay</think> <|endoftext|> <|im_end|> <tool_call>",
        "CamelCaseWord HTTPServer iPhone McDonald's ABCdef", "...!!! ?? --- *** ###", "   ", "\n", "a", "", "'", "' s", "''s",
        "٣٤٥ ⅷ ½ ²", "tab\tafter\t\tdouble", "ends with space ", "ends with newline\n", "a  b   c    d",
    };

    [Theory]
    [MemberData(nameof(Tricky))]
    public void O200k_and_cl100k_counts_equal_the_library_on_tricky_text(string text)
    {
        foreach (var name in new[] { "o200k", "cl100k" })
        {
            Assert.Equal(TokenCounters.Reference(name).Count(text), TokenCounters.Create(name).Count(text));
        }
    }

    [SharedDataTheory]
    [MemberData(nameof(Tricky))]
    public void Qwen2_counts_equal_the_library_on_tricky_text(string text)
    {
        var path = TestPaths.Shared("tokenizers/qwen2");
        Assert.Equal(TokenCounters.Reference(path).Count(text), TokenCounters.Create(path).Count(text));
    }

    [SharedDataFact]
    public void A_tokenizer_json_with_a_pattern_drp_has_no_scanner_for_counts_as_the_library_does()
    {
        using var dir = new TempDir();
        var qwen2 = TestPaths.Shared("tokenizers/qwen2");
        var tokenizer = new System.Text.Json.Nodes.JsonObject
        {
            ["model"] = new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "BPE",
                ["vocab"] = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(qwen2, "vocab.json"))),
                ["merges"] = new System.Text.Json.Nodes.JsonArray([.. File.ReadLines(Path.Combine(qwen2, "merges.txt"))
                    .Where(l => l.Length > 0 && !l.StartsWith("#version", StringComparison.Ordinal)).Select(l => (System.Text.Json.Nodes.JsonNode)l)]),
            },
            ["added_tokens"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["id"] = 151648, ["content"] = "<think>" }),
            ["pre_tokenizer"] = new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "Split",
                ["pattern"] = new System.Text.Json.Nodes.JsonObject { ["Regex"] = @"\p{L}+|\p{N}{1,3}|[^\s\p{L}\p{N}]+|\s+" },
            },
        };
        var path = dir.Write("tokenizer.json", tokenizer.ToJsonString());
        var (fast, reference) = (TokenCounters.Create(path), TokenCounters.Reference(path));

        foreach (var text in new[] { "Hello world 12345678", "<think>Okay, 168 - 150 = 18.</think> The answer is 18.", "café e\u0301 😀 \r\n\n  x", "" })
        {
            Assert.Equal(reference.Count(text), fast.Count(text));
        }
    }

    [SharedDataFact]
    public void Counts_equal_the_library_on_every_text_of_every_real_trace_file_in_every_tokenizer()
    {
        var texts = new List<string>();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Shared("traces"), "*.json*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var lines = file.EndsWith(".jsonl", StringComparison.Ordinal) ? File.ReadLines(file) : [File.ReadAllText(file)];
            foreach (var line in lines.Where(l => l.Length > 0))
            {
                Strings(JsonDocument.Parse(line).RootElement, texts);
            }
        }

        Assert.True(texts.Count > 10_000);
        foreach (var name in new[] { "o200k", "cl100k", TestPaths.Shared("tokenizers/qwen2") })
        {
            var (fast, reference) = (TokenCounters.Create(name), TokenCounters.Reference(name));
            var wrong = texts.Where(t => fast.Count(t) != reference.Count(t)).Select(t => JsonSerializer.Serialize(t[..Math.Min(60, t.Length)])).Take(5).ToList();
            Assert.True(wrong.Count == 0, $"{name}: {string.Join(" | ", wrong)}");
        }
    }

    private static void Strings(JsonElement element, List<string> texts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                texts.Add(element.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Strings(item, texts);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Strings(property.Value, texts);
                }

                break;
        }
    }
}

/// <summary>Pieces drp's scanners cut that the library's own pre-tokenizer would cut the same, and long ones.</summary>
public sealed class PieceTests
{
    [Fact]
    public void Pieces_of_symbols_short_and_long_count_as_the_library_counts_the_text()
    {
        var random = new Random(7);
        const string Alphabet = "=-_*#.,;:!?()[]{}<>/\\|+~^&%$@'\"ab e";
        foreach (var name in new[] { "o200k", "cl100k" })
        {
            var (drp, library) = (TokenCounters.Create(name), TokenCounters.Reference(name));
            foreach (var length in Enumerable.Range(0, 300).Select(i => i < 250 ? random.Next(1, 60) : random.Next(300, 3000)))
            {
                var text = string.Concat(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]));

                Assert.Equal(library.Count(text), drp.Count(text));
            }
        }
    }

    [Fact]
    public void A_piece_of_a_million_symbols_is_counted_in_reasonable_time()
    {
        var piece = string.Concat(Enumerable.Repeat("=-*", 333_333));

        Assert.InRange(TokenCounters.Create("o200k").Count(piece), 1, piece.Length);
    }
}
