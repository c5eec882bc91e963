using System.Runtime.CompilerServices;

namespace Drp.Tests;

/// <summary>
/// A test on the real data in ../shared/data: skipped on a clone without it, saying why in its name (the console
/// shows a skipped test's name, not its reason).
/// </summary>
public sealed class SharedDataFactAttribute : Xunit.FactAttribute
{
    public SharedDataFactAttribute([CallerMemberName] string test = "")
    {
        if (SharedDataSkip.Reason is { } reason)
        {
            Skip = reason;
            DisplayName = SharedDataSkip.Named(test);
        }
    }
}

/// <summary>A theory on the real data in ../shared/data: skipped, saying why, on a clone without it.</summary>
public sealed class SharedDataTheoryAttribute : Xunit.TheoryAttribute
{
    public SharedDataTheoryAttribute([CallerMemberName] string test = "")
    {
        if (SharedDataSkip.Reason is { } reason)
        {
            Skip = reason;
            DisplayName = SharedDataSkip.Named(test);
        }
    }
}

internal static class SharedDataSkip
{
    public static string? Reason => TestPaths.SharedData is null
        ? "../shared/data is not beside this clone (set DRP_SHARED_DATA to point at it); the real-data checks run in CI"
        : null;

    public static string Named(string test) => $"{test} (skipped: {Reason})";
}
