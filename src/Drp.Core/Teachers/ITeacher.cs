using Drp.Core.Model;

namespace Drp.Core.Teachers;

/// <summary>The one seam to a model that splits and prunes traces: the offline heuristic teacher or an LLM.</summary>
public interface ITeacher
{
    /// <summary>The name written in records and summaries.</summary>
    string Name { get; }

    /// <summary>Splits the record's reasoning into verbatim, skill-labelled steps that cover it in order.</summary>
    /// <exception cref="TeacherException">The teacher could not decompose this record.</exception>
    Task<IReadOnlyList<Step>> DecomposeAsync(DrpRecord record, CancellationToken cancellationToken = default);

    /// <summary>Prunes the record's steps into one shorter trace ending "The answer is …".</summary>
    /// <exception cref="TeacherException">The teacher could not prune this record.</exception>
    Task<PrunedTrace> PruneAsync(DrpRecord record, CancellationToken cancellationToken = default);
}
