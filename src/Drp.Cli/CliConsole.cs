namespace Drp.Cli;

/// <summary>The streams a command talks through: the real console in <c>drp</c>, buffers in tests.</summary>
public sealed record CliConsole(Func<Stream> OpenStdin, TextWriter Out, TextWriter Error)
{
    public static CliConsole System { get; } = new(Console.OpenStandardInput, Console.Out, Console.Error);
}
