namespace Drp.Cli;

/// <summary>The streams a command talks through: the real console in <c>drp</c>, buffers in tests.</summary>
/// <param name="InputIsTerminal">Standard input is a keyboard: a command given no input does not wait on it.</param>
public sealed record CliConsole(Func<Stream> OpenStdin, TextWriter Out, TextWriter Error, bool ErrorIsTerminal = false, bool InputIsTerminal = false)
{
    public static CliConsole System { get; } = new(Console.OpenStandardInput, Console.Out, Console.Error,
        !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null, !Console.IsInputRedirected);

    /// <summary>Standard input for the path <c>-</c>; null for a file, which the reader opens itself.</summary>
    public Stream? StdinFor(string path) => path == "-" ? OpenStdin() : null;

    /// <summary>The live status line of this console (off unless stderr is a terminal).</summary>
    public TerminalStatus Status { get; } = new(Error, ErrorIsTerminal);
}
