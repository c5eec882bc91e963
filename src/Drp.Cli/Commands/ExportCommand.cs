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
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "Write the files even when no record is exported (by default an existing file is then left as it was)" };
        var datasetName = new Option<string>("--dataset-name") { Description = "Dataset name in dataset_info.json", DefaultValueFactory = _ => "drp_train" };
        var decontamination = new DecontaminationOptions();
        var lineLimit = new LineLimitOptions();
        var command = new Command("export", "Write training lines for the records that passed validation");
        common.AddInputTo(command);
        foreach (var option in new Option[] { common.Output, format, outputFormat, system, answerStyle, variant, valRatio, seed, dedup, datasetInfo, datasetName, datasetCard, allowEmpty })
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
            var input = RunFolderArgument.ValidatedRecords(parse.GetValue(common.Input)!);
            if (input != parse.GetValue(common.Input))
            {
                log.Information("export: {Input} is a run folder: reading its validated records", parse.GetValue(common.Input));
            }

            var pass = new ExportPass(input, await common.LoadOptionsAsync(parse, input, log, ct), parse.GetValue(common.Output), options,
                parse.GetValue(variant)!, ratio > 0 ? new SplitAssigner(ratio, parse.GetValue(seed)) : null, parse.GetValue(dedup),
                parse.GetValue(datasetInfo), parse.GetValue(datasetName)!, parse.GetValue(datasetCard), await decontamination.LoadAsync(parse, log, ct),
                lineLimit.Create(parse, parse.GetValue(common.Tokenizer)!), parse.GetValue(allowEmpty));
            var counts = await ExportRun.RunAsync(pass, console.OpenStdin, console.Out, ct);
            ExportLog.Write(log, pass, counts);
            return counts.Exported == 0 && counts.Records > 0 ? ExitCodes.TooManyRejects : ExitCodes.Ok;
        }));
        return command;
    }
}
