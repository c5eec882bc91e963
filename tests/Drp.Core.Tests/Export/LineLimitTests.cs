using Drp.Core.Export;
using Drp.Core.Tokens;
using Drp.Tests;
using Xunit;

namespace Drp.Core.Tests.Export;

public sealed class LineLimitTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>
    /// The student's own tokenizer, as the trainer loads it: the Qwen2 vocabulary with one model's tokenizer_config.json
    /// (whose added tokens hold its chat template's tokens), straight from the library.
    /// </summary>
    private Microsoft.ML.Tokenizers.Tokenizer StudentTokenizer(string config)
    {
        var folder = Directory.CreateDirectory(temp.File(config)).FullName;
        File.CreateSymbolicLink(Path.Combine(folder, "vocab.json"), TestPaths.Shared("tokenizers/qwen2/vocab.json"));
        File.CreateSymbolicLink(Path.Combine(folder, "merges.txt"), TestPaths.Shared("tokenizers/qwen2/merges.txt"));
        File.Copy(TestPaths.Shared($"tokenizers/qwen2/{config}"), Path.Combine(folder, "tokenizer_config.json"));
        return ByteLevelBpe.Load(folder);
    }

    private static readonly TrainingExample Eggs = new(
        "Janet’s ducks lay 16 eggs per day. She eats three for breakfast. How many are left?",
        "16 - 3 = 13 eggs are left.\n\nSo 13.",
        "The answer is \\boxed{13}.");

    private static readonly TrainingExample Fractions = new(
        "Compute $\\frac{3}{4} \\times 20$.",
        "Okay, \\frac{3}{4} of 20: 20 / 4 = 5, times 3 is 15.\nCheck: 0.75 * 20 = 15. ✓",
        "**Final Answer**\n\\boxed{15}");

    [SharedDataFact]
    public void An_r1_distill_line_is_as_long_as_the_student_tokenizer_counts_it_rendered_by_hand()
    {
        var student = StudentTokenizer("tokenizer_config.r1-distill-qwen.json");
        var limit = LineLimit.Create(4096, TokenCounters.Create(TestPaths.Shared("tokenizers/qwen2")), ChatTemplate.R1Distill);

        foreach (var (example, system) in new[] { (Eggs, (string?)null), (Fractions, "Please reason step by step."), (Eggs, "You are a careful solver.") })
        {
            var byHand = $"<｜begin▁of▁sentence｜>{system}<｜User｜>{example.Question}<｜Assistant｜><think>\n{example.Reasoning}\n</think>\n\n{example.Answer}<｜end▁of▁sentence｜>";
            Assert.Equal(student.CountTokens(byHand), limit.Length(example, system));
        }
    }

    [SharedDataFact]
    public void A_chatml_line_is_as_long_as_the_student_tokenizer_counts_it_rendered_by_hand()
    {
        var student = StudentTokenizer("tokenizer_config.qwen3.json");
        var limit = LineLimit.Create(4096, TokenCounters.Create(TestPaths.Shared("tokenizers/qwen2")), ChatTemplate.ChatMl);

        var byHand = $"<|im_start|>system\nThink.<|im_end|>\n<|im_start|>user\n{Fractions.Question}<|im_end|>\n<|im_start|>assistant\n<think>\n{Fractions.Reasoning}\n</think>\n\n{Fractions.Answer}<|im_end|>\n";
        Assert.Equal(student.CountTokens(byHand), limit.Length(Fractions, "Think."));
        Assert.True(limit.Length(Eggs, null) < limit.Length(Eggs, "Think."));
    }

    [Fact]
    public void The_template_is_read_from_the_tokenizer_folder_or_asked_for()
    {
        var chatml = Directory.CreateDirectory(temp.File("chatml")).FullName;
        File.WriteAllText(Path.Combine(chatml, "tokenizer_config.json"), """{"chat_template": "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"}""");
        var r1 = Directory.CreateDirectory(temp.File("r1")).FullName;
        File.WriteAllText(Path.Combine(r1, "chat_template.jinja"), "{{bos_token}}{% for m in messages %}{% if m.role == 'user' %}<｜User｜>{{ m.content }}{% else %}<｜Assistant｜>{{ m.content }}{% endif %}{% endfor %}");
        var none = Directory.CreateDirectory(temp.File("none")).FullName;
        File.WriteAllText(Path.Combine(none, "tokenizer_config.json"), """{"model_max_length": 4096}""");

        Assert.Same(ChatTemplate.ChatMl, ChatTemplate.FromTokenizerFolder(chatml));
        Assert.Same(ChatTemplate.R1Distill, ChatTemplate.FromTokenizerFolder(r1));
        Assert.Contains("name one with --template", Assert.Throws<ArgumentException>(() => ChatTemplate.FromTokenizerFolder(none)).Message);
        Assert.Contains("unknown template 'gemma'", Assert.Throws<ArgumentException>(() => ChatTemplate.Named("gemma")).Message);
    }

    [Fact]
    public void A_llama3_line_trims_each_turn_and_closes_it_with_its_own_tokens()
    {
        Assert.Equal(
            "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHow many?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n<think>\nx\n</think>\n\n3<|eot_id|>",
            ChatTemplate.Llama3.Render(null, " How many? ", "<think>\nx\n</think>\n\n3\n"));
    }
}
