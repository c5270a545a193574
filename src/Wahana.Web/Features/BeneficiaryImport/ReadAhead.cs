using System.Collections.Concurrent;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>
/// Reads an upload's rows on a thread of their own, a few hundred rows ahead, while the dry run parses and checks
/// them on another: unpacking and reading the sheet's XML is a third of the dry run's work (bench/README, import),
/// and the server has two cores. A reader error (a damaged file) comes out where the rows are taken.
/// </summary>
public static class ReadAhead
{
    private const int BatchSize = 512;

    private const int BatchesAhead = 8;

    public static IEnumerable<SourceRow> Of(IEnumerable<SourceRow> rows, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var batches = new BlockingCollection<List<SourceRow>>(BatchesAhead);
        var reader = Task.Factory.StartNew(
            () => Read(rows, batches, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable(cancellationToken))
            {
                foreach (var row in batch)
                {
                    yield return row;
                }
            }
            // The reader has finished; a damaged file surfaces here as it would have without the second thread.
            reader.GetAwaiter().GetResult();
        }
        finally
        {
            // Stopped early (too many rows, cancelled) or done: the reader must be off the file before it is closed.
            stop.Cancel();
            ((IAsyncResult)reader).AsyncWaitHandle.WaitOne();
        }
    }

    private static void Read(IEnumerable<SourceRow> rows, BlockingCollection<List<SourceRow>> batches, CancellationToken stop)
    {
        try
        {
            var batch = new List<SourceRow>(BatchSize);
            foreach (var row in rows)
            {
                batch.Add(row);
                if (batch.Count == BatchSize)
                {
                    batches.Add(batch, stop);
                    batch = new List<SourceRow>(BatchSize);
                }
            }
            if (batch.Count > 0)
            {
                batches.Add(batch, stop);
            }
        }
        finally
        {
            batches.CompleteAdding();
        }
    }
}
