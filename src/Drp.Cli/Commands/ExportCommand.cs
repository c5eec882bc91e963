using System.CommandLine;
using Drp.Core.Io;
using Drp.Core.Stages;

namespace Drp.Cli.Commands;

/// <summary><c>drp export</c>: training lines for the records that passed validation.</summary>
public static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var format = new Option<string>("--format") { Description = "Training file format", DefaultValueFactory = _ => ExportFormat.SftJsonl };
        format.AcceptOnlyFromAmong([.. ExportFormat.All]);
        var datasetInfo = new Option<string?>("--dataset-info") { Description = "Also write the LLaMA-Factory dataset_info.json entry for the output file here" };
        var datasetName = new Option<string>("--dataset-name") { Description = "Dataset name in dataset_info.json", DefaultValueFactory = _ => "drp_train" };
        var command = new Command("export", "Write training lines (LLaMA-Factory alpaca) for the records that passed validation");
        common.AddInputTo(command);
        foreach (var option in new Option[] { common.Output, format, datasetInfo, datasetName })
        {
            command.Options.Add(option);
        }

        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(console, parse.GetValue(common.Verbose), parse.GetValue(common.Quiet), async log =>
        {
            var load = await common.LoadOptionsAsync(parse, ct);
            var input = parse.GetValue(common.Input)!;
            var outputPath = parse.GetValue(common.Output);
            await using var output = JsonlWriter.Create(outputPath, console.Out);
            var (records, exported) = (0, 0);
            var source = RecordLoader.LoadAsync(input, load, input == "-" ? console.OpenStdin() : null, cancellationToken: ct);
            await foreach (var record in source.WithCancellation(ct))
            {
                records++;
                if (ExportStage.IsExportable(record))
                {
                    exported++;
                    await output.WriteLineAsync(ExportStage.ToLine(record), ct);
                }
            }

            await output.CommitAsync();
            if (parse.GetValue(datasetInfo) is { } infoPath)
            {
                var fileName = outputPath is null or "-" ? "train.jsonl" : Path.GetFileName(outputPath);
                await RunPipeline.WriteFileAsync(infoPath, ExportStage.DatasetInfo(parse.GetValue(datasetName)!, fileName));
            }

            log.Information("export: {Exported} of {Records} records exported", exported, records);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
