namespace Drp.Tests;

/// <summary>A test on the real data in ../shared/data: skipped, saying why, on a clone without it.</summary>
public sealed class SharedDataFactAttribute : Xunit.FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (TestPaths.SharedData is null)
        {
            Skip = "../shared/data is not beside this clone (set DRP_SHARED_DATA to point at it); the real-data checks run in CI";
        }
    }
}

/// <summary>A theory on the real data in ../shared/data: skipped, saying why, on a clone without it.</summary>
public sealed class SharedDataTheoryAttribute : Xunit.TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (TestPaths.SharedData is null)
        {
            Skip = "../shared/data is not beside this clone (set DRP_SHARED_DATA to point at it); the real-data checks run in CI";
        }
    }
}
