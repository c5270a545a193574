using System.Collections.Concurrent;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>
/// Reads a sequence on another thread, a bounded number of items ahead of its consumer: the import unpacks and
/// reads the sheet (about half of a dry run's work) while the rows before are parsed and checked, so a dry run
/// uses both cores of a small server. An exception of the reader reaches the consumer at the item where it occurred;
/// a consumer that stops early stops the reader.
/// </summary>
public static class ReadAhead
{
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int capacity)
    {
        using var stop = new CancellationTokenSource();
        using var queue = new BlockingCollection<T>(capacity);
        Exception? failure = null;
        var reader = Task.Run(() =>
        {
            try
            {
                foreach (var item in source)
                {
                    queue.Add(item, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early.
            }
#pragma warning disable CA1031 // Handed to the consumer, which rethrows it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        try
        {
            foreach (var item in queue.GetConsumingEnumerable())
            {
                yield return item;
            }
            reader.Wait();
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }
        }
        finally
        {
            stop.Cancel();
            reader.Wait();
        }
    }
}
