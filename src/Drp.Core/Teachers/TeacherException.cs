namespace Drp.Core.Teachers;

/// <summary>A teacher could not handle one record: the record is rejected with <see cref="Reason"/>, the run goes on.</summary>
public sealed class TeacherException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;
}
