using System.Globalization;
using System.Text;
using Drp.Core.Io;

namespace Drp.Core.Export;

/// <summary>
/// README.md beside the training files, with the Hugging Face Hub's YAML header naming the files and their splits
/// (the pruned traces the default configuration, the student's originals another), so the folder can be pushed to
/// the Hub as it is.
/// </summary>
public static class DatasetCard
{
    public const string FileName = "README.md";

    /// <param name="files">The training files written (paths), whether each holds the original traces, and whether the validation split.</param>
    /// <returns>The card's path.</returns>
    public static async Task<string> WriteAsync(IReadOnlyList<(string Path, bool Original, bool Validation, int Lines)> files, ExportOptions options, string name)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(files[0].Path))!;
        var card = new StringBuilder("---\nconfigs:\n");
        foreach (var config in files.GroupBy(f => f.Original).OrderBy(g => g.Key))
        {
            card.Append(CultureInfo.InvariantCulture, $"- config_name: {(config.Key ? "original" : "pruned")}\n");
            card.Append(config.Key ? "" : "  default: true\n");
            card.Append("  data_files:\n");
            foreach (var file in config.OrderBy(f => f.Validation))
            {
                card.Append(CultureInfo.InvariantCulture, $"  - split: {(file.Validation ? "validation" : "train")}\n    path: {Path.GetFileName(file.Path)}\n");
            }
        }

        card.Append("task_categories:\n- text-generation\ntags:\n- reasoning\n- chain-of-thought\n- drp\n---\n\n");
        card.Append(CultureInfo.InvariantCulture, $"# {name}\n\n");
        card.Append("Reasoning traces pruned by drp (DRP: skill-aware step decomposition, step-wise pruning, final answers checked against gold), ");
        card.Append(CultureInfo.InvariantCulture, $"in the `{options.Format}` format (`{AnswerTurn}` in the assistant turn; final answer: {options.AnswerStyle}).\n\n");
        card.Append("| config | split | file | rows |\n|---|---|---|---:|\n");
        foreach (var file in files)
        {
            card.Append(CultureInfo.InvariantCulture, $"| {(file.Original ? "original" : "pruned")} | {(file.Validation ? "validation" : "train")} | {Path.GetFileName(file.Path)} | {file.Lines} |\n");
        }

        var path = Path.Combine(directory, FileName);
        await AtomicFile.WriteAllTextAsync(path, card.ToString());
        return path;
    }

    private const string AnswerTurn = "<think>\\n…\\n</think>\\n\\n…";
}
