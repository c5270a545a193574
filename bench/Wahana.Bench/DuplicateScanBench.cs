using System.Diagnostics;
using System.Globalization;
using Wahana.Web.Data;
using Wahana.Web.Domain.Matching;

namespace Wahana.Bench;

/// <summary>
/// The full-registry duplicate scan (<see cref="LikelyDuplicates.ScanRegistryAsync"/>), as the queue page starts it,
/// timed step by step, with the process's peak memory. It writes the pairs it finds: run it on a copy.
/// </summary>
internal static class DuplicateScanBench
{
    public static async Task<int> RunAsync(WahanaDbContext db, int parallelism)
    {
        await using (db)
        {
            // Audited like the app's scan (the bench context switches auditing off for seeding).
            db.AuditDisabled = false;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            var clock = Stopwatch.StartNew();
            var steps = new Dictionary<ScanStep, TimeSpan>();
            ScanStep? current = null;
            var progress = new Reporter(p =>
            {
                if (p.Step != current)
                {
                    steps[p.Step] = clock.Elapsed;
                    current = p.Step;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,6:0.0} s  {p.Step} ({p.Total:N0})"));
                }
            });
            var statistics = new PairFinderStatistics();
            var outcome = await LikelyDuplicates.ScanRegistryAsync(db, progress, parallelism, statistics: statistics);
            var total = clock.Elapsed;
            TimeSpan Span(ScanStep from, ScanStep? to) => (to is { } t && steps.TryGetValue(t, out var end) ? end : total) - steps.GetValueOrDefault(from);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scan: {outcome.People:N0} people, {outcome.Found:N0} likely pairs, {outcome.Added:N0} added, {outcome.Rescored:N0} rescored; " +
                $"total {total.TotalSeconds:0.0} s (load {Span(ScanStep.Loading, ScanStep.Comparing).TotalSeconds:0.0} s, " +
                $"compare {Span(ScanStep.Comparing, ScanStep.Saving).TotalSeconds:0.0} s, save {Span(ScanStep.Saving, null).TotalSeconds:0.0} s); " +
                $"{Environment.ProcessorCount} cores, parallelism {parallelism}; peak memory {PeakRssMiB()} MiB RSS"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pair finder: {statistics.Candidates:N0} candidate pairs; blocking {statistics.Blocking.TotalSeconds:0.0} s, comparing {statistics.Comparing.TotalSeconds:0.0} s"));
        }
        return 0;
    }

    /// <summary>The process's peak resident set (VmHWM), in MiB.</summary>
    private static long PeakRssMiB()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private sealed class Reporter(Action<ScanProgress> report) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => report(value);
    }
}
