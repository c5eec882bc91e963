using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Drp.Core.Faithfulness;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Export;

namespace Drp.Core.Stats;

/// <summary>
/// <c>report.html</c> of a run directory: one self-contained page (inline CSS and SVG, nothing fetched) with the
/// summary, the token histogram before and after, the keep-ratio distribution, actions by skill, rejects by reason,
/// the faithfulness findings by kind with two of each shown against the student's own sentence, and a few records shown
/// before and after with the deleted text struck through.
/// </summary>
public static class HtmlReport
{
    private const int ExampleCount = 3;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly string[] ActionOrder = [StepActions.Keep, StepActions.Compress, StepActions.Merge, StepActions.Delete];
    private static readonly Dictionary<string, string> ActionColors = new()
    {
        [StepActions.Keep] = "#2f7d32", [StepActions.Compress] = "#7cb342", [StepActions.Merge] = "#1e88e5", [StepActions.Delete] = "#c62828",
    };

    /// <summary>Writes <c>DIR/report.html</c> from <c>DIR/summary.json</c> and <c>DIR/validated.jsonl</c>.</summary>
    /// <exception cref="InputException">The directory is not a finished run.</exception>
    public static async Task<string> WriteAsync(string runDirectory, CancellationToken cancellationToken = default)
    {
        var summaryPath = Path.Combine(runDirectory, RunDirectory.Summary);
        var validatedPath = Path.Combine(runDirectory, RunDirectory.Validated);
        if (!File.Exists(summaryPath) || !File.Exists(validatedPath))
        {
            throw new InputException($"{runDirectory}: not a finished run directory (no {RunDirectory.Summary} or {RunDirectory.Validated})");
        }

        var summary = JsonSerializer.Deserialize(await File.ReadAllTextAsync(summaryPath, cancellationToken), DrpJson.TypeInfo<RunSummary>())
            ?? throw new InputException($"{summaryPath}: empty");
        var collector = new Collector();
        await foreach (var record in RecordLoader.LoadAsync(validatedPath, new LoadOptions(), cancellationToken: cancellationToken))
        {
            collector.Add(record);
        }

        return await collector.WriteAsync(runDirectory, summary);
    }

    /// <summary>What the page shows of the validated records, gathered one record at a time (a run adds them as it goes).</summary>
    public sealed class Collector
    {
        private readonly StatsCollector stats = new("run");
        private readonly List<DrpRecord> examples = [];
        private readonly List<(DrpRecord Record, Finding Finding)> findings = [];
        private readonly List<DrpRecord> contaminated = [];

        public void Add(DrpRecord record)
        {
            stats.Add(record);
            if (record.Contamination is not null && contaminated.Count < ContaminationExamples)
            {
                contaminated.Add(record);
            }

            foreach (var finding in record.Validation?.Findings ?? [])
            {
                if (findings.Count(f => f.Finding.Kind == finding.Kind) < FindingExamples)
                {
                    findings.Add((record, finding));
                }
            }

            if (examples.Count < ExampleCount && ExportStage.IsExportable(record) && record.Tokens is { Original: > 0 })
            {
                examples.Add(record);
            }
        }

        /// <returns>The path of the page written, DIR/report.html.</returns>
        public async Task<string> WriteAsync(string runDirectory, RunSummary summary)
        {
            var path = Path.Combine(runDirectory, RunDirectory.Report);
            await AtomicFile.WriteAllTextAsync(path, Render(summary, RunManifest.Read(runDirectory), stats, examples, findings, contaminated));
            return path;
        }
    }

    private static string Render(
        RunSummary summary, RunManifest? manifest, StatsCollector collected, List<DrpRecord> examples, List<(DrpRecord Record, Finding Finding)> findings, List<DrpRecord> contaminated)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>drp report</title>
            <style>
            body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px;color:#222;padding:0 16px}
            h1{font-size:22px}h2{font-size:17px;margin-top:32px}
            table.summary td{padding:2px 14px 2px 0}table.summary td:nth-child(2){font-weight:600;text-align:right}
            .charts{display:grid;grid-template-columns:1fr 1fr;gap:24px}
            figure{margin:0}figcaption{font-weight:600;margin-bottom:6px}
            svg text{font:11px system-ui,sans-serif;fill:#333}
            .legend span{display:inline-block;margin-right:14px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
            .example{border:1px solid #ddd;border-radius:6px;padding:12px;margin:14px 0}
            .steps{white-space:pre-wrap}.step-delete{color:#999;text-decoration:line-through}.rule{color:#1e88e5;font-size:70%}
            .step-compress{background:#f1f8e9}.step-merge{background:#e3f2fd}
            .pruned{white-space:pre-wrap;background:#fafafa;border-left:3px solid #2f7d32;padding:8px}
            .student{white-space:pre-wrap;background:#fafafa;border-left:3px solid #999;padding:8px}mark{background:#ffcdd2}
            </style></head><body>
            <h1>drp report</h1>

            """);
        Run(html, manifest);
        Summary(html, summary);
        html.Append("<div class=\"charts\">\n");
        TokenHistogram(html, collected.Before, collected.After, summary.Tokenizer, summary.MaxTokens);
        Histogram(html, "keep-ratio", "Keep ratio (pruned / original tokens)", collected.Ratios.Select(r => Math.Min(r, 1)), 0, 1, "#1e88e5");
        ActionsBySkill(html, collected.Build());
        Rejects(html, summary);
        html.Append("</div>\n");
        Faithfulness(html, summary, findings);
        Contamination(html, summary, contaminated);
        Examples(html, examples);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>The input file and the options the run was given (from its manifest.json, a merged run's from its first
    /// shard's; not what differs per shard or changes no output, so one run and its shards merged give the same page).</summary>
    private static void Run(StringBuilder html, RunManifest? manifest)
    {
        if ((manifest?.Shards is [var shard, ..] ? RunManifest.Read(shard) : manifest) is not { } run)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>Input: <code>{Encode(run.Input.Path)}</code>{(run.Input.Lines is { } lines ? $" ({lines} lines)" : "")}")
            .Append(CultureInfo.InvariantCulture, $"; options: <code>{Encode(run.Options())}</code>; teacher: {Encode(run.Teacher)}</p>\n");
    }

    private static void Summary(StringBuilder html, RunSummary s)
    {
        html.Append("<table class=\"summary\">\n");
        void Row(string key, string label, string value) =>
            html.Append(C, $"<tr><td>{label}</td><td data-key=\"{key}\">{Encode(value)}</td></tr>\n");
        Row("records_in", "records in", s.RecordsIn.ToString(C));
        Row("exported", "exported", s.Exported.ToString(C));
        Row("rejected", "rejected", s.Rejected.ToString(C));
        Row("tokens_original_mean", "reasoning tokens before (mean)", s.TokensOriginalMean.ToString(C));
        Row("tokens_pruned_mean", "reasoning tokens after (mean)", s.TokensPrunedMean.ToString(C));
        Row("keep_ratio", "keep ratio", s.KeepRatio.ToString(C));
        Row("steps_per_trace", "steps per trace", s.StepsPerTrace.ToString(C));
        Row("teacher", "teacher", s.Teacher);
        Row("tokenizer", "tokenizer", s.Tokenizer);
        html.Append("</table>\n");
    }

    /// <param name="maxTokens">The run's --max-tokens, marked on the axis: the limit of a whole training line, of which the reasoning is most.</param>
    private static void TokenHistogram(StringBuilder html, IReadOnlyList<int> before, IReadOnlyList<int> after, string tokenizer, int? maxTokens)
    {
        var max = before.Concat(after).Append(maxTokens ?? 0).DefaultIfEmpty(1).Max();
        var bins = 24;
        var width = Math.Max(1, max / (double)bins);
        int[] Count(IReadOnlyList<int> values)
        {
            var counts = new int[bins];
            foreach (var v in values)
            {
                counts[Math.Min(bins - 1, (int)(v / width))]++;
            }

            return counts;
        }

        var (b, a) = (Count(before), Count(after));
        var top = Math.Max(1, b.Concat(a).Max());
        html.Append(C, $"<figure><figcaption>Reasoning tokens ({Encode(tokenizer)}) per exported record: before and after</figcaption>\n");
        html.Append("<svg id=\"chart-tokens\" viewBox=\"0 0 500 240\" width=\"100%\" role=\"img\">\n");
        for (var i = 0; i < bins; i++)
        {
            var x = 40 + i * 450.0 / bins;
            Bar(html, x, b[i], top, 450.0 / bins / 2 - 1, "#9e9e9e", $"{i * width:F0}-{(i + 1) * width:F0}: {b[i]} before");
            Bar(html, x + 450.0 / bins / 2, a[i], top, 450.0 / bins / 2 - 1, "#1e88e5", $"{i * width:F0}-{(i + 1) * width:F0}: {a[i]} after");
        }

        if (maxTokens is { } limit)
        {
            var x = 40 + limit * 450.0 / max;
            html.Append(C, $"<line id=\"max-tokens\" x1=\"{x:F1}\" x2=\"{x:F1}\" y1=\"10\" y2=\"210\" stroke=\"#c62828\" stroke-dasharray=\"4 3\"><title>--max-tokens {limit}: the longest training line (template and question included)</title></line>\n");
            html.Append(C, $"<text x=\"{x - 4:F1}\" y=\"20\" text-anchor=\"end\">--max-tokens {limit}</text>\n");
        }

        Axis(html, top, $"0", $"{max:F0} tokens");
        html.Append("</svg>\n<div class=\"legend\"><span><i style=\"background:#9e9e9e\"></i>before</span><span><i style=\"background:#1e88e5\"></i>after</span></div></figure>\n");
    }

    private static void Histogram(StringBuilder html, string id, string title, IEnumerable<double> values, double min, double max, string color)
    {
        const int bins = 20;
        var counts = new int[bins];
        foreach (var v in values)
        {
            counts[Math.Clamp((int)((v - min) / (max - min) * bins), 0, bins - 1)]++;
        }

        var top = Math.Max(1, counts.Max());
        html.Append(C, $"<figure><figcaption>{Encode(title)}</figcaption>\n<svg id=\"chart-{id}\" viewBox=\"0 0 500 240\" width=\"100%\" role=\"img\">\n");
        for (var i = 0; i < bins; i++)
        {
            Bar(html, 40 + i * 450.0 / bins, counts[i], top, 450.0 / bins - 2, color, $"{min + i * (max - min) / bins:F2}-{min + (i + 1) * (max - min) / bins:F2}: {counts[i]}");
        }

        Axis(html, top, min.ToString("F1", C), max.ToString("F1", C));
        html.Append("</svg></figure>\n");
    }

    private static void ActionsBySkill(StringBuilder html, SetStats stats)
    {
        var skills = stats.ActionsBySkill.ToList();
        var height = 30 + skills.Count * 22;
        html.Append(C, $"<figure><figcaption>What pruning did with the steps of each skill</figcaption>\n<svg id=\"chart-actions\" viewBox=\"0 0 500 {height}\" width=\"100%\" role=\"img\">\n");
        for (var row = 0; row < skills.Count; row++)
        {
            var (skill, shares) = skills[row];
            var y = 10 + row * 22;
            html.Append(C, $"<text x=\"165\" y=\"{y + 13}\" text-anchor=\"end\">{Encode(skill)}</text>\n");
            var x = 170.0;
            foreach (var action in ActionOrder)
            {
                var w = shares.GetValueOrDefault(action) * 320;
                if (w > 0)
                {
                    html.Append(C, $"<rect x=\"{x:F1}\" y=\"{y}\" width=\"{w:F1}\" height=\"16\" fill=\"{ActionColors[action]}\"><title>{Encode(skill)}: {action} {shares[action]:P0}</title></rect>\n");
                }

                x += w;
            }
        }

        html.Append("</svg>\n<div class=\"legend\">");
        foreach (var action in ActionOrder)
        {
            html.Append(C, $"<span><i style=\"background:{ActionColors[action]}\"></i>{action}</span>");
        }

        html.Append("</div></figure>\n");
    }

    private static void Rejects(StringBuilder html, RunSummary summary)
    {
        var reasons = summary.RejectedByReason.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        var top = Math.Max(1, reasons.Select(r => r.Value).DefaultIfEmpty(0).Max());
        var height = 30 + Math.Max(1, reasons.Count) * 22;
        html.Append(C, $"<figure><figcaption>Rejected records by reason</figcaption>\n<svg id=\"chart-rejects\" viewBox=\"0 0 500 {height}\" width=\"100%\" role=\"img\">\n");
        if (reasons.Count == 0)
        {
            html.Append("<text x=\"10\" y=\"24\">no record was rejected</text>\n");
        }

        for (var row = 0; row < reasons.Count; row++)
        {
            var (reason, count) = reasons[row];
            var y = 10 + row * 22;
            var w = count * 280.0 / top;
            html.Append(C, $"<text x=\"165\" y=\"{y + 13}\" text-anchor=\"end\">{Encode(reason)}</text>\n");
            html.Append(C, $"<rect x=\"170\" y=\"{y}\" width=\"{w:F1}\" height=\"16\" fill=\"#c62828\"><title>{Encode(reason)}: {count}</title></rect>\n");
            html.Append(C, $"<text x=\"{174 + w:F1}\" y=\"{y + 13}\" data-reason=\"{Encode(reason)}\">{count}</text>\n");
        }

        html.Append("</svg></figure>\n");
        AnswersReplaced(html, summary);
    }

    /// <summary>Exported records whose text after &lt;/think&gt; was replaced by "The answer is …", and why.</summary>
    private static void AnswersReplaced(StringBuilder html, RunSummary summary)
    {
        var total = summary.AnswersReplaced.Values.Sum();
        html.Append(C, $"<p id=\"answers-replaced\">Final answers replaced by \"The answer is …\" in exported lines: {total}");
        if (total > 0)
        {
            html.Append(" (").AppendJoin(", ", summary.AnswersReplaced.Select(r => $"{Encode(r.Key)}: {r.Value}")).Append(')');
        }

        html.Append(" &mdash; a student's text after &lt;/think&gt; that was cut off or stated no answer equal to the gold.</p>\n");
    }

    private const int FindingExamples = 2;

    private const int ContaminationExamples = 2;

    /// <summary>With <c>--decontaminate</c>: the records rejected by benchmark file, and two of them beside the benchmark question they match.</summary>
    private static void Contamination(StringBuilder html, RunSummary summary, List<DrpRecord> contaminated)
    {
        if (summary.Contaminated is not { } counts)
        {
            return;
        }

        html.Append("<h2>Decontamination: questions of a benchmark, kept out of the training set</h2>\n<table class=\"summary\" id=\"contaminated\">\n");
        foreach (var (benchmark, count) in counts)
        {
            html.Append(C, $"<tr><td>{Encode(benchmark)}</td><td data-benchmark=\"{Encode(benchmark)}\">{count}</td></tr>\n");
        }

        html.Append("</table>\n");
        foreach (var record in contaminated)
        {
            var match = record.Contamination!;
            html.Append(C, $"<div class=\"example contaminated\"><p><b>{Encode(record.Id)}</b> matches {Encode(match.Benchmark)} ({Encode(match.Location)}): {Encode(match.Shared)}</p>\n");
            html.Append(C, $"<p>The record's question</p><div class=\"student\">{Encode(record.Question ?? "")}</div>\n<p>The benchmark's</p><div class=\"student\">{Encode(match.Question)}</div></div>\n");
        }
    }

    /// <summary>The findings by kind, and two of each: the pruned sentence with what is wrong marked, beside the student's closest sentence.</summary>
    private static void Faithfulness(StringBuilder html, RunSummary summary, List<(DrpRecord Record, Finding Finding)> findings)
    {
        html.Append("<h2>Faithfulness: what pruned traces say that the student's reasoning never said</h2>\n<table class=\"summary\" id=\"faithfulness\">\n");
        foreach (var kind in FindingKinds.All)
        {
            html.Append(C, $"<tr><td>{kind.Replace('_', ' ')}</td><td data-kind=\"{kind}\">{summary.Faithfulness?.GetValueOrDefault(kind) ?? 0}</td></tr>\n");
        }

        html.Append("</table>\n");
        foreach (var (record, finding) in findings.OrderBy(f => Array.IndexOf([.. FindingKinds.All], f.Finding.Kind)))
        {
            var student = FaithfulnessCheck.ClosestSentence(record.Trace?.Reasoning ?? "", finding.Sentence);
            html.Append(C, $"<div class=\"example finding\"><p><b>{Encode(record.Id)}</b> {Encode(finding.Kind.Replace('_', ' '))}{(record.Rejected is null ? " (exported with --faithfulness warn)" : "")}: {Encode(finding.Detail)}</p>\n");
            html.Append(C, $"<p>Pruned</p><div class=\"pruned\">{Marked(finding)}</div>\n<p>The student</p><div class=\"student\">{Encode(student)}</div></div>\n");
        }
    }

    /// <summary>The finding's sentence with the number it is about marked (a false computation's result, a number from nowhere, an unworked result).</summary>
    private static string Marked(Finding finding)
    {
        var number = FaithfulnessCheck.NumberOf(finding);
        var sentence = Encode(finding.Sentence);
        // "1200" is marked where the sentence writes "1,200".
        var pattern = number is null ? null : string.Join(",?", number.Select(c => System.Text.RegularExpressions.Regex.Escape(c.ToString())));
        return pattern is null ? sentence : System.Text.RegularExpressions.Regex.Replace(sentence, $@"(?<![\d.,]){pattern}(?!\d)", m => $"<mark>{m.Value}</mark>");
    }

    private static void Examples(StringBuilder html, List<DrpRecord> examples)
    {
        html.Append("<h2>Examples: the original reasoning step by step (deleted steps struck through; with --explain, the rule that decided each after it), then the pruned trace</h2>\n");
        foreach (var record in examples)
        {
            var actionOf = record.Pruned!.Actions.SelectMany(a => a.Steps.Select(n => (n, a.Action))).ToDictionary(x => x.n, x => x.Action);
            // A run with --explain names, after each step, the rules that decided it (the evidence on hover).
            var whyOf = record.Pruned.Actions.SelectMany(a => a.Why ?? []).ToLookup(w => w.Step);
            html.Append(C, $"<div class=\"example\"><p><b>{Encode(record.Id)}</b> ({record.Tokens!.Original} → {record.Tokens.Pruned} tokens): {Encode(record.Question ?? "")}</p>\n<div class=\"steps\">");
            foreach (var step in record.Steps ?? [])
            {
                var action = actionOf.GetValueOrDefault(step.N, StepActions.Keep);
                var tag = action == StepActions.Delete ? "del" : "span";
                html.Append(C, $"<{tag} class=\"step-{action}\" title=\"step {step.N}: {Encode(step.Skill)}, {action}\">{Encode(step.Text)}</{tag}> ");
                foreach (var why in whyOf[step.N])
                {
                    html.Append(C, $"<sup class=\"rule\" title=\"{Encode(why.Evidence)}\">{Encode(why.Rule)}</sup> ");
                }
            }

            html.Append(C, $"</div>\n<p><b>Pruned</b></p><div class=\"pruned\">{Encode(record.Pruned.Reasoning)}</div></div>\n");
        }
    }

    private static void Bar(StringBuilder html, double x, int count, int top, double width, string color, string title)
    {
        var h = count * 200.0 / top;
        html.Append(C, $"<rect x=\"{x:F1}\" y=\"{210 - h:F1}\" width=\"{Math.Max(0.5, width):F1}\" height=\"{h:F1}\" fill=\"{color}\"><title>{Encode(title)}</title></rect>\n");
    }

    private static void Axis(StringBuilder html, int top, string left, string right)
    {
        html.Append(C, $"<line x1=\"40\" y1=\"210\" x2=\"490\" y2=\"210\" stroke=\"#555\"/><line x1=\"40\" y1=\"10\" x2=\"40\" y2=\"210\" stroke=\"#555\"/>\n");
        html.Append(C, $"<text x=\"36\" y=\"14\" text-anchor=\"end\">{top}</text><text x=\"36\" y=\"210\" text-anchor=\"end\">0</text>\n");
        html.Append(C, $"<text x=\"40\" y=\"226\">{Encode(left)}</text><text x=\"490\" y=\"226\" text-anchor=\"end\">{Encode(right)}</text>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
