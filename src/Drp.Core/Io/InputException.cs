namespace Drp.Core.Io;

/// <summary>An input that cannot be read at all (missing file, unknown format): the run stops with exit code 2.</summary>
public sealed class InputException(string message) : Exception(message);
