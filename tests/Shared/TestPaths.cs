namespace Drp.Tests;

/// <summary>Where the repository, its samples, the drp executable and the shared real data are, seen from a test or bench run.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Samples => Path.Combine(RepoRoot, "samples");

    public static string SampleFile => Path.Combine(Samples, "gsm8k-style.jsonl");

    /// <summary>drp.dll in its own build output (a test's output folder lacks what the ASP.NET framework gives the tests).</summary>
    public static string DrpExecutable
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            return Path.Combine(RepoRoot, "src", "Drp.Cli", "bin", configuration, "net10.0", "drp.dll");
        }
    }

    /// <summary>../shared/data beside the repository (DRP_SHARED_DATA overrides), or null when it is not there.</summary>
    public static string? SharedData { get; } = FindSharedData();

    public static string Shared(string relative) =>
        Path.Combine(SharedData ?? throw new InvalidOperationException("../shared/data is not present"), relative);

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Drp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Drp.sln above {AppContext.BaseDirectory}");
    }

    private static string? FindSharedData()
    {
        var candidate = Environment.GetEnvironmentVariable("DRP_SHARED_DATA") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(FindRepoRoot(), "..", "shared", "data"));
        return Directory.Exists(Path.Combine(candidate, "traces")) ? candidate : null;
    }
}
