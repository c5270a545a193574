using Wahana.Web.Data;

namespace Wahana.Web.Features.Duplicates;

/// <summary>
/// Runs the full-registry duplicate scan (<see cref="LikelyDuplicates.ScanRegistryAsync"/>) in the background, one
/// at a time per application, and tells the queue page how far it is. The scan runs as the application itself (it
/// reads the whole registry, whatever the scope of the officer who started it); who started it is audited when it
/// starts.
/// </summary>
public sealed class DuplicateScanRunner(IServiceScopeFactory scopes, ILogger<DuplicateScanRunner> logger, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private ScanStatus _status = ScanStatus.Idle;
    private Task _running = Task.CompletedTask;

    public ScanStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    /// <summary>The scan now running, or the last one (tests wait on it).</summary>
    public Task Running
    {
        get
        {
            lock (_lock)
            {
                return _running;
            }
        }
    }

    /// <summary>Starts a scan unless one is running; returns false when one already is.</summary>
    public bool TryStart(string startedBy)
    {
        lock (_lock)
        {
            if (_status.IsRunning)
            {
                return false;
            }
            _status = new ScanStatus(true, startedBy, clock.GetUtcNow(), null, null, 0, 0, null, null);
            // Not on the request's execution context: the scan must not see (and outlive) the request's HttpContext,
            // so its DbContext acts as the application itself.
            using (ExecutionContext.SuppressFlow())
            {
                _running = Task.Run(RunAsync);
            }
            return true;
        }
    }

    private async Task RunAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WahanaDbContext>();
            var outcome = await LikelyDuplicates.ScanRegistryAsync(db, new Reporter(this), maxParallelism: -1, cancellationToken: CancellationToken.None);
            Update(s => s with { IsRunning = false, FinishedAt = clock.GetUtcNow(), Outcome = outcome });
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Duplicate scan: {People} people, {Found} likely pairs, {Added} new, {Rescored} rescored in {Elapsed}.",
                    outcome.People, outcome.Found, outcome.Added, outcome.Rescored, outcome.Elapsed);
            }
        }
#pragma warning disable CA1031 // A failed background scan is reported on the page, not thrown into nowhere.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Duplicate scan failed.");
            Update(s => s with { IsRunning = false, FinishedAt = clock.GetUtcNow(), Error = "Pemindaian gagal; coba lagi, atau hubungi admin bila berulang." });
        }
    }

    private void Update(Func<ScanStatus, ScanStatus> change)
    {
        lock (_lock)
        {
            _status = change(_status);
        }
    }

    private sealed class Reporter(DuplicateScanRunner runner) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => runner.Update(s => s with { Step = value.Step, Done = value.Done, Total = value.Total });
    }
}

/// <summary>The scan now or last run: who started it, when, how far it is, and what it found.</summary>
public sealed record ScanStatus(
    bool IsRunning, string? StartedBy, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, ScanStep? Step, long Done, long Total,
    ScanOutcome? Outcome, string? Error)
{
    public static readonly ScanStatus Idle = new(false, null, null, null, null, 0, 0, null, null);

    /// <summary>0-100 over the whole scan: loading a third, comparing half, saving the rest.</summary>
    public int Percent
    {
        get
        {
            if (!IsRunning)
            {
                return FinishedAt is null ? 0 : 100;
            }
            var part = Total == 0 ? 0 : Math.Clamp((double)Done / Total, 0, 1);
            return (int)Math.Round(Step switch
            {
                ScanStep.Loading => part * 30,
                ScanStep.Comparing => 30 + (part * 55),
                ScanStep.Saving => 85 + (part * 15),
                _ => 0,
            });
        }
    }

    public string StepText => Step switch
    {
        ScanStep.Loading => "Memuat registri",
        ScanStep.Comparing => "Membandingkan pasangan calon",
        ScanStep.Saving => "Menyimpan pasangan baru",
        _ => "Memulai",
    };
}
