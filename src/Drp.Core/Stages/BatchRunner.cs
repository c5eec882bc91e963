using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Teachers;
using Drp.Core.Teachers.Llm;
using Drp.Core.Teachers.Llm.Batch;

namespace Drp.Core.Stages;

/// <summary>
/// Gets every teacher answer of a run through the Batch API, in rounds. A round passes over the records with the
/// response cache: every request it cannot answer goes into the round's batch input files, which are uploaded and
/// made into batches; their results go into the cache. The next round finds the answers there and asks what comes
/// next (decompose results feed pruning; corrective retries and failed requests come after). When a round asks for
/// nothing, every answer is in the cache and the run's ordinary pass writes the outputs. Every file and batch id is in
/// <c>DIR/batches/log.jsonl</c> the moment it exists, so a run killed at any point and started again creates no
/// batch twice. Rounds, uploads and each batch's state and progress are logged as they change.
/// </summary>
public sealed class BatchRunner(
    OpenAiBatches endpoint, ResponseCache cache, string directory, string model, string promptVersion,
    Func<IChatClient, ITeacher> teacherFor, BatchOptions options, ILogger logger)
{
    private readonly BatchLog log = new(directory);

    /// <summary>Runs rounds until every answer the records need is in the cache (or given up), and returns the teacher that reads them.</summary>
    public async Task<ITeacher> RunAsync(Func<IAsyncEnumerable<DrpRecord>> records, int parallelism, CancellationToken cancellationToken)
    {
        while (true)
        {
            await FinishStartedAsync(cancellationToken);
            var state = log.Read();
            var round = state.LastRound + 1;
            using var writer = new BatchInputWriter(directory, round, model, options.Limits);
            var teacher = Teacher(writer, state);
            var (count, waiting) = await PassAsync(records(), teacher, parallelism, cancellationToken);
            var parts = writer.Finish();
            if (parts.Count == 0)
            {
                logger.LogInformation("batch: every answer is in; {Records} records", count);
                return teacher;
            }

            logger.LogInformation("batch round {Round}: {Waiting} of {Records} records wait for {Requests} requests, in {Files} file(s)", round, waiting, count, writer.Written, parts.Count);
            foreach (var part in parts)
            {
                var fileId = await endpoint.UploadAsync(part.RequestsPath, cancellationToken);
                log.Uploaded(part.Name, round, fileId, part.Requests);
                var batchId = await endpoint.CreateAsync(fileId, part.Name, cancellationToken);
                log.Created(part.Name, batchId);
                logger.LogInformation("batch {BatchId}: {Part}, {Requests} requests, {Megabytes:F1} MB", batchId, part.Name, part.Requests, part.Bytes / 1e6);
            }
        }
    }

    /// <summary>What the batches cost so far, per stage.</summary>
    public IReadOnlyDictionary<string, StageUsage> Usage() => log.Read().Usage;

    private ITeacher Teacher(BatchInputWriter writer, BatchLogState state) =>
        teacherFor(ChatStack.Batch(new BatchCollector(writer, promptVersion, state.Failures, options.Retries + 1), cache, promptVersion));

    /// <summary>One pass over the records: each goes as far as the cached answers take it.</summary>
    private static async Task<(int Records, int Waiting)> PassAsync(IAsyncEnumerable<DrpRecord> records, ITeacher teacher, int parallelism, CancellationToken cancellationToken)
    {
        var decompose = new DecomposeStage(teacher);
        async Task<bool> WaitsAsync(DrpRecord record, CancellationToken token)
        {
            try
            {
                var decomposed = await decompose.ProcessAsync(record, token);
                if (decomposed.Rejected is null)
                {
                    await teacher.PruneAsync(decomposed, token);
                }

                return false;
            }
            catch (AnswerPendingException)
            {
                return true;
            }
            catch (TeacherException)
            {
                return false;
            }
        }

        var (count, waiting) = (0, 0);
        await foreach (var waits in records.SelectOrderedAsync(WaitsAsync, parallelism, cancellationToken))
        {
            count++;
            waiting += waits ? 1 : 0;
        }

        return (count, waiting);
    }

    /// <summary>Makes a batch of every uploaded file that has none yet, then waits for every batch and ingests its results.</summary>
    private async Task FinishStartedAsync(CancellationToken cancellationToken)
    {
        var open = new List<BatchPartState>();
        foreach (var part in log.Read().Parts.Where(p => !p.Ingested))
        {
            var batchId = part.BatchId;
            if (batchId is null)
            {
                // The run stopped between uploading the file and recording its batch: the batch may exist already.
                batchId = await endpoint.FindForFileAsync(part.FileId, cancellationToken) ?? await endpoint.CreateAsync(part.FileId, part.Name, cancellationToken);
                log.Created(part.Name, batchId);
            }

            open.Add(part with { BatchId = batchId });
        }

        var ingester = new BatchIngester(endpoint, cache, log);
        var wait = options.Poll;
        var progress = new Dictionary<string, (int, int)>();
        while (open.Count > 0)
        {
            foreach (var part in open.ToList())
            {
                var batch = await endpoint.GetAsync(part.BatchId!, cancellationToken);
                if (batch.Status != part.Status)
                {
                    log.Status(part.Name, batch.Status);
                    open[open.IndexOf(part)] = part with { Status = batch.Status };
                }

                if (batch.Status != part.Status || progress.GetValueOrDefault(part.Name) != batch.Progress)
                {
                    progress[part.Name] = batch.Progress;
                    logger.LogInformation("batch {BatchId} ({Part}): {Status}, {Done} of {Total} requests done", batch.Id, part.Name, batch.Status, batch.Progress.Done, batch.Progress.Total);
                }

                if (batch.IsFinal)
                {
                    var (answers, failures) = await ingester.IngestAsync(part, batch, cancellationToken);
                    logger.LogInformation("batch {BatchId} ({Part}): {Answers} answers, {Failures} failed requests", batch.Id, part.Name, answers, failures);
                    open.RemoveAll(p => p.Name == part.Name);
                }
            }

            if (open.Count > 0)
            {
                await Task.Delay(wait, cancellationToken);
                wait = TimeSpan.FromTicks(Math.Min(options.MaxPoll.Ticks, (long)(wait.Ticks * 1.5)));
            }
        }
    }
}
