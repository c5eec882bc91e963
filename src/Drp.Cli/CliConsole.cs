namespace Drp.Cli;

/// <summary>The streams a command talks through: the real console in <c>drp</c>, buffers in tests.</summary>
public sealed record CliConsole(Func<Stream> OpenStdin, TextWriter Out, TextWriter Error, bool ErrorIsTerminal = false)
{
    public static CliConsole System { get; } = new(Console.OpenStandardInput, Console.Out, Console.Error,
        !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null);

    /// <summary>Standard input for the path <c>-</c>; null for a file, which the reader opens itself.</summary>
    public Stream? StdinFor(string path) => path == "-" ? OpenStdin() : null;

    /// <summary>The live status line of this console (off unless stderr is a terminal).</summary>
    public TerminalStatus Status { get; } = new(Error, ErrorIsTerminal);
}
