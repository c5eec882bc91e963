using System.CommandLine;
using Drp.Core.Export;

namespace Drp.Cli.Commands;

/// <summary><c>drp export</c>: training files for the records that passed validation, in the format of each trainer.</summary>
public static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var format = new Option<string>("--format")
        {
            Description = "sft-jsonl (LLaMA-Factory alpaca), sharegpt (LLaMA-Factory), messages (TRL, Together, OpenAI chat), prompt-completion (TRL)",
            DefaultValueFactory = _ => ExportFormat.SftJsonl,
        };
        format.OneOf([.. ExportFormat.All]);
        var system = new Option<string?>("--system") { Description = "A system turn, for the formats that have one" };
        var answerStyle = new Option<string>("--answer-style")
        {
            Description = "The final answer after </think>: original (the student's own text), boxed (\\boxed{…}), sentence (\"The answer is …\")",
            DefaultValueFactory = _ => AnswerStyles.Original,
        };
        answerStyle.OneOf([.. AnswerStyles.All]);
        var variant = new Option<string>("--variant")
        {
            Description = "pruned traces, the student's original traces of the same records (the control set), or both (FILE and FILE.original)",
            DefaultValueFactory = _ => Variants.Pruned,
        };
        variant.OneOf([.. Variants.All]);
        var valRatio = new Option<double>("--val-ratio") { Description = "Share of records (by id) written to FILE.val instead, the same on every run" };
        var seed = new Option<int>("--seed") { Description = "Seed of the train/validation split", DefaultValueFactory = _ => 0 };
        var dedup = new Option<bool>("--dedup") { Description = "Export each question once (normalised text), the record with the smallest id" };
        var datasetInfo = new Option<string?>("--dataset-info") { Description = "Write (or merge into) this LLaMA-Factory dataset_info.json the entries of the files written" };
        var outputFormat = new Option<string>("--output-format")
        {
            Description = "jsonl, or parquet (typed columns; also chosen by -o FILE.parquet)",
            DefaultValueFactory = _ => "jsonl",
        }.OneOf("jsonl", "parquet");
        var datasetCard = new Option<bool>("--dataset-card") { Description = "Write a Hugging Face dataset card (README.md: files, splits, format) beside the files, to push the folder as it is" };
        var datasetName = new Option<string>("--dataset-name") { Description = "Dataset name in dataset_info.json", DefaultValueFactory = _ => "drp_train" };
        var decontamination = new DecontaminationOptions();
        var lineLimit = new LineLimitOptions();
        var command = new Command("export", "Write training lines for the records that passed validation");
        common.AddInputTo(command);
        foreach (var option in new Option[] { common.Output, format, outputFormat, system, answerStyle, variant, valRatio, seed, dedup, datasetInfo, datasetName, datasetCard })
        {
            command.Options.Add(option);
        }

        decontamination.AddTo(command);
        lineLimit.AddTo(command);
        command.Options.Add(common.Tokenizer);
        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => common.RunAsync(console, parse, async log =>
        {
            var ratio = parse.GetValue(valRatio);
            if (ratio is < 0 or >= 1)
            {
                throw new ArgumentException($"--val-ratio: {ratio} is not in [0, 1)");
            }

            var options = new ExportOptions { Format = parse.GetValue(format)!, System = parse.GetValue(system), AnswerStyle = parse.GetValue(answerStyle)!,
                Parquet = parse.GetValue(outputFormat) == "parquet" };
            var pass = new ExportPass(parse.GetValue(common.Input)!, await common.LoadOptionsAsync(parse, ct), parse.GetValue(common.Output), options,
                parse.GetValue(variant)!, ratio > 0 ? new SplitAssigner(ratio, parse.GetValue(seed)) : null, parse.GetValue(dedup),
                parse.GetValue(datasetInfo), parse.GetValue(datasetName)!, parse.GetValue(datasetCard), await decontamination.LoadAsync(parse, log, ct),
                lineLimit.Create(parse, parse.GetValue(common.Tokenizer)!));
            var counts = await ExportRun.RunAsync(pass, console.OpenStdin, console.Out, ct);
            log.Information("export: {Exported} of {Records} records exported{Dropped}{Contaminated}",
                counts.Exported, counts.Records, counts.Dropped > 0 ? $", {counts.Dropped} repeated questions dropped" : "",
                counts.Contaminated.Count > 0 ? $", {counts.Contaminated.Values.Sum()} contaminated" : "");
            ContaminationLog.Write(log, counts.Contaminated, counts.ContaminatedExamples);
            if (pass.MaxTokens is { } limit)
            {
                log.Information("  lines in the {Template} template, {Tokenizer} tokens: the longest {Longest}; {TooLong} of {Measured} records ({Share}) over --max-tokens {Max}, left out as too_long",
                    limit.Template.Name, limit.Tokens.Name, counts.LongestLine, counts.TooLong, counts.Exported + counts.TooLong,
                    (counts.TooLong / (double)Math.Max(1, counts.Exported + counts.TooLong)).ToString("P1", System.Globalization.CultureInfo.InvariantCulture).Replace(" ", ""), limit.MaxTokens);
            }
            foreach (var (path, lines) in counts.Files)
            {
                log.Information("  {Path}: {Lines} lines", path, lines);
            }

            if (counts.NotValidated > 0)
            {
                log.Warning("{Count} of {Records} records were never validated, so not exported: run drp validate on them first (drp validate FILE | drp export -)",
                    counts.NotValidated, counts.Records);
            }
            else if (counts.Exported == 0 && counts.Records > 0)
            {
                log.Warning("no record exported: every one was rejected by an earlier stage (its \"rejected\" field says why)");
            }

            return counts.Exported == 0 && counts.Records > 0 ? ExitCodes.TooManyRejects : ExitCodes.Ok;
        }));
        return command;
    }
}
