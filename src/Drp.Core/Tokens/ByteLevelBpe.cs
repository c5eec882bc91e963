using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace Drp.Core.Tokens;

/// <summary>
/// A Hugging Face byte-level BPE tokenizer (Qwen2, Qwen2.5, R1-Distill-Qwen…) from a model folder with
/// <c>vocab.json</c> + <c>merges.txt</c>, or from a <c>tokenizer.json</c>: the model's pre-tokenizer regex, NFC
/// normalisation, and its added tokens (<c>&lt;think&gt;</c>, end of sentence…) as single tokens.
/// </summary>
public static class ByteLevelBpe
{
    /// <summary>The pre-tokenizer of Qwen2 (and of every model whose tokenizer.json does not name another).</summary>
    public const string Qwen2Pattern =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    /// <exception cref="ArgumentException">The path holds no tokenizer drp can read.</exception>
    public static Tokenizer Load(string path) => LoadWithPattern(path).Tokenizer;

    /// <summary>The tokenizer and its pre-tokenizer pattern.</summary>
    /// <exception cref="ArgumentException">The path holds no tokenizer drp can read.</exception>
    public static (Tokenizer Tokenizer, string Pattern) LoadWithPattern(string path)
    {
        var (vocab, merges, added, pattern) = Directory.Exists(path) ? ReadFolder(path) : ReadTokenizerJson(path);
        var specials = added.Count == 0 ? null : added;
        var options = new BpeOptions(vocab)
        {
            Merges = merges,
            ByteLevel = true,
            SpecialTokens = specials,
            Normalizer = new NfcNormalizer(),
            PreTokenizer = new RegexPreTokenizer(new Regex(pattern, RegexOptions.Compiled), specials),
        };
        return (BpeTokenizer.Create(options), pattern);
    }

    private static (Dictionary<string, int>, List<string>, Dictionary<string, int>, string) ReadFolder(string folder)
    {
        var vocabPath = Path.Combine(folder, "vocab.json");
        var mergesPath = Path.Combine(folder, "merges.txt");
        if (File.Exists(Path.Combine(folder, "tokenizer.json")) && !File.Exists(vocabPath))
        {
            return ReadTokenizerJson(Path.Combine(folder, "tokenizer.json"));
        }

        if (!File.Exists(vocabPath) || !File.Exists(mergesPath))
        {
            throw new ArgumentException($"{folder}: no tokenizer.json, and no vocab.json with merges.txt");
        }

        var vocab = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(vocabPath))
            ?? throw new ArgumentException($"{vocabPath}: not a JSON object of token ids");
        var merges = File.ReadLines(mergesPath)
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length > 0 && !line.StartsWith("#version", StringComparison.Ordinal))
            .ToList();
        var added = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var config in Directory.EnumerateFiles(folder, "tokenizer_config*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(config));
            if (document.RootElement.TryGetProperty("added_tokens_decoder", out var decoder))
            {
                foreach (var token in decoder.EnumerateObject())
                {
                    added.TryAdd(token.Value.GetProperty("content").GetString()!, int.Parse(token.Name));
                }
            }

            break;
        }

        return (vocab, merges, added, Qwen2Pattern);
    }

    private static (Dictionary<string, int>, List<string>, Dictionary<string, int>, string) ReadTokenizerJson(string file)
    {
        if (!File.Exists(file))
        {
            throw new ArgumentException($"{file}: no such tokenizer file or folder");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var root = document.RootElement;
        if (!root.TryGetProperty("model", out var model) || !model.TryGetProperty("vocab", out var vocabJson) || !model.TryGetProperty("merges", out var mergesJson))
        {
            throw new ArgumentException($"{file}: not a BPE tokenizer.json (no model.vocab and model.merges)");
        }

        var vocab = vocabJson.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        var merges = mergesJson.EnumerateArray()
            .Select(m => m.ValueKind == JsonValueKind.Array ? $"{m[0].GetString()} {m[1].GetString()}" : m.GetString()!)
            .ToList();
        var added = new Dictionary<string, int>(StringComparer.Ordinal);
        if (root.TryGetProperty("added_tokens", out var addedJson))
        {
            foreach (var token in addedJson.EnumerateArray())
            {
                added.TryAdd(token.GetProperty("content").GetString()!, token.GetProperty("id").GetInt32());
            }
        }

        return (vocab, merges, added, SplitPattern(root) ?? Qwen2Pattern);
    }

    /// <summary>The regex of the first Split pre-tokenizer in a tokenizer.json, if it has one.</summary>
    private static string? SplitPattern(JsonElement root)
    {
        if (!root.TryGetProperty("pre_tokenizer", out var pre) || pre.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var candidates = pre.TryGetProperty("pretokenizers", out var list) ? list.EnumerateArray().ToList() : [pre];
        foreach (var candidate in candidates)
        {
            if (candidate.TryGetProperty("type", out var type) && type.GetString() == "Split"
                && candidate.TryGetProperty("pattern", out var pattern) && pattern.TryGetProperty("Regex", out var regex))
            {
                return regex.GetString();
            }
        }

        return null;
    }

    private sealed class NfcNormalizer : Normalizer
    {
        public override string Normalize(string original) => original.IsNormalized(NormalizationForm.FormC) ? original : original.Normalize(NormalizationForm.FormC);

        public override string Normalize(ReadOnlySpan<char> original) => Normalize(original.ToString());
    }
}
