using System.CommandLine;
using System.CommandLine.Parsing;
using Drp.Core.Io;

namespace Drp.Cli;

/// <summary>
/// <c>drp run --resume DIR</c>: runs again what <c>DIR/manifest.json</c> says was run, with the output in DIR; options
/// given beside --resume replace the manifest's. Every run continues where it stopped (cached answers, batches in
/// flight), so resuming is running the same command again.
/// </summary>
public static class RunResume
{
    public const string OptionName = "--resume";

    public static string[] Expand(RootCommand root, string[] args)
    {
        var at = Array.IndexOf(args, OptionName);
        if (args.Length == 0 || args[0] != "run" || at < 0)
        {
            return args;
        }

        if (at + 1 >= args.Length)
        {
            throw new ArgumentException($"{OptionName}: name a run directory");
        }

        var dir = args[at + 1];
        var (recorded, workingDirectory) = Read(dir);
        var given = args.Where((_, i) => i != 0 && i != at && i != at + 1).ToList();
        var run = root.Subcommands.Single(c => c.Name == "run");
        var was = root.Parse(recorded);
        var now = root.Parse(["run", .. given]);
        var dropped = new HashSet<Token>();
        foreach (var option in run.Options)
        {
            if (option.Name == "--out" || now.GetResult(option) is { Implicit: false })
            {
                if (was.GetResult(option) is { Implicit: false } replaced)
                {
                    dropped.UnionWith(replaced.Tokens);
                    if (replaced.IdentifierToken is { } name)
                    {
                        dropped.Add(name);
                    }
                }
            }
        }

        var input = was.GetResult(run.Arguments[0])?.Tokens.FirstOrDefault();
        var kept = was.Tokens.Where(t => !dropped.Contains(t))
            .Select(t => t == input && t.Value != "-" && !Path.IsPathRooted(t.Value) ? Path.GetFullPath(t.Value, workingDirectory) : t.Value);
        return [.. kept, "--out", dir, .. given];
    }

    private static (string[] Args, string WorkingDirectory) Read(string dir)
    {
        var manifest = RunManifest.Read(dir)
            ?? throw new InputException($"{OptionName}: {Path.Combine(dir, RunDirectory.Manifest)} not found: not a run directory, or a run of an older drp");
        return manifest.Args is ["run", ..]
            ? ([.. manifest.Args], manifest.WorkingDirectory ?? Environment.CurrentDirectory)
            : throw new InputException($"{OptionName}: {Path.Combine(dir, RunDirectory.Manifest)} is not the manifest of a drp run");
    }
}
