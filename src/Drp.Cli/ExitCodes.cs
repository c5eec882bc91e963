namespace Drp.Cli;

/// <summary>What drp's exit code says.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>An unexpected failure inside drp (a bug): the message says what.</summary>
    public const int Internal = 1;

    /// <summary>A bad option or an input that cannot be read at all.</summary>
    public const int BadInput = 2;

    /// <summary>The teacher failed for the whole run.</summary>
    public const int TeacherFailure = 3;

    /// <summary>More records were rejected than --fail-on-reject-rate allows (the outputs are complete).</summary>
    public const int TooManyRejects = 4;

    public const int Cancelled = 130;
}
