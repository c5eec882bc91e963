using Drp.Core.Io;

namespace Drp.Core.Stages;

/// <summary>What <c>drp merge</c> accepts: runs of one input with the same options, shards K/N with each K of 0…N-1 once.</summary>
public static class ShardSet
{
    // Options whose value differs from shard to shard, and options that change nothing in the outputs.
    /// <exception cref="InputException">The directories are not the shards of one run, or one is missing or given twice.</exception>
    public static void Check(IReadOnlyList<string> dirs)
    {
        var runs = dirs.Select(dir => (Dir: dir, Manifest: RunManifest.Read(dir)
            ?? throw new InputException($"{dir}: no {RunDirectory.Manifest}, so it cannot be checked as a shard of the same run"))).ToList();
        var (firstDir, first) = runs[0];
        foreach (var (dir, manifest) in runs.Skip(1))
        {
            if (!manifest.Input.SameAs(first.Input))
            {
                throw new InputException($"{dir} is a run of {manifest.Input.Path}, {firstDir} of {first.Input.Path}: only shards of one input are merged");
            }

            if (manifest.Options() != first.Options())
            {
                throw new InputException($"{dir} ran with \"{manifest.Options()}\", {firstDir} with \"{first.Options()}\": the shards of one run share their options");
            }
        }

        var shards = runs.Select(run => (run.Dir, Shard: ShardOf(run.Dir, run.Manifest))).ToList();
        var count = shards[0].Shard.Count;
        if (shards.FirstOrDefault(s => s.Shard.Count != count) is { Dir: not null } other)
        {
            throw new InputException($"{other.Dir} is shard {other.Shard.Index}/{other.Shard.Count}, {shards[0].Dir} one of {count}: the shards of one run split it alike");
        }

        if (shards.GroupBy(s => s.Shard.Index).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InputException($"shard {twice.Key}/{count} is given twice ({string.Join(", ", twice.Select(s => s.Dir))})");
        }

        if (Enumerable.Range(0, count).Except(shards.Select(s => s.Shard.Index)).ToList() is { Count: > 0 } missing)
        {
            throw new InputException($"shard {string.Join(", ", missing.Select(k => $"{k}/{count}"))} missing: merge needs every shard of the run, 0/{count} to {count - 1}/{count}");
        }
    }

    private static Shard ShardOf(string dir, RunManifest manifest) =>
        manifest.Args.SkipWhile(a => a != "--shard").Skip(1).FirstOrDefault() is { } shard
            ? Shard.Parse(shard)
            : throw new InputException($"{dir} is not a shard (its run had no --shard): merge joins the runs of --shard K/N");
}
