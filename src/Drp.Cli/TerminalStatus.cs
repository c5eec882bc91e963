namespace Drp.Cli;

/// <summary>
/// One live status line at the bottom of a terminal (redrawn in place), cleared before any log line is written so
/// the two never mix. Off when stderr is not a terminal: CI logs get plain periodic lines instead.
/// </summary>
public sealed class TerminalStatus(TextWriter error, bool enabled)
{
    private readonly Lock gate = new();
    private bool shown;

    public bool Enabled => enabled;

    public void Show(string text)
    {
        if (!enabled)
        {
            return;
        }

        lock (gate)
        {
            error.Write($"\r\u001b[K{text}");
            error.Flush();
            shown = true;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            if (shown)
            {
                error.Write("\r\u001b[K");
                shown = false;
            }
        }
    }
}
