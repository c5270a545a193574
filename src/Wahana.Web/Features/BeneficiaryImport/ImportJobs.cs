using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>
/// The imports in progress, in memory (a singleton): each job belongs to the user who uploaded it, runs in the
/// background one at a time (the server has two cores), and expires an hour after it last changed, taking its
/// temporary files with it. The upload itself is deleted as soon as the dry run has read it.
/// </summary>
public sealed partial class ImportJobs : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    private readonly SemaphoreSlim _slot = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<ImportJobs> _logger;
    private readonly ITimer _sweeper;

    public ImportJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportJobs> logger)
    {
        _scopes = scopes;
        _clock = clock;
        _logger = logger;
        Folder = Path.Combine(Path.GetTempPath(), "wahana-impor");
        Directory.CreateDirectory(Folder);
        RemoveStaleFiles();
        _sweeper = clock.CreateTimer(_ => Sweep(), null, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
    }

    /// <summary>The folder of the temporary files (uploads and spills).</summary>
    public string Folder { get; }

    /// <summary>The job if it exists and belongs to the user; anyone else's job is as good as missing (404).</summary>
    public ImportJob? Find(Guid id, Guid? userId) =>
        userId is { } user && _jobs.TryGetValue(id, out var job) && job.OwnerId == user ? job : null;

    /// <summary>The user's imports, newest first (the upload page lists them, so a running one is found again).</summary>
    public IReadOnlyList<ImportJob> OfOwner(Guid? userId) =>
        userId is { } user ? [.. _jobs.Values.Where(j => j.OwnerId == user).OrderByDescending(j => j.CreatedAt)] : [];

    /// <summary>Registers a job for an upload already stored at <see cref="ImportJob.SourcePath"/> and starts its dry run.</summary>
    public ImportJob StartCheck(Guid ownerId, ClaimsPrincipal owner, ImportTarget target, string fileName, SourceFormat format, string sourcePath, int? declaredRows)
    {
        var now = _clock.GetUtcNow();
        var job = new ImportJob
        {
            OwnerId = ownerId,
            Owner = owner,
            Target = target,
            FileName = fileName,
            Format = format,
            SourcePath = sourcePath,
            SpillPath = Path.Combine(Folder, $"{Guid.NewGuid():N}.rows"),
            DeclaredRows = declaredRows,
            CreatedAt = now,
            UpdatedAt = now,
        };
        _jobs[job.Id] = job;
        Run(job, CheckAsync);
        return job;
    }

    /// <summary>Starts saving a checked job; false when it is not in a state to be saved that way.</summary>
    public bool StartCommit(ImportJob job, bool allOrNothing)
    {
        lock (job)
        {
            if (job.State != ImportState.Diperiksa || job.Result is not { } checkedRows
                || (allOrNothing && checkedRows.InvalidCount > 0) || checkedRows.ValidRows == 0)
            {
                return false;
            }
            job.AllOrNothing = allOrNothing;
            job.Message = null;
            job.State = ImportState.Antre;
        }
        Run(job, CommitAsync);
        return true;
    }

    /// <summary>Forgets a job that is not running and deletes its files.</summary>
    public bool Remove(ImportJob job)
    {
        if (job.IsRunning)
        {
            return false;
        }
        _jobs.TryRemove(job.Id, out _);
        DeleteFiles(job);
        return true;
    }

    /// <summary>A temporary path for an upload about to be stored.</summary>
    public string NewUploadPath() => Path.Combine(Folder, $"{Guid.NewGuid():N}.upload");

    public void Dispose()
    {
        _stopping.Cancel();
        _sweeper.Dispose();
        foreach (var job in _jobs.Values)
        {
            DeleteFiles(job);
        }
        _jobs.Clear();
        _stopping.Dispose();
        _slot.Dispose();
    }

    private void Run(ImportJob job, Func<ImportJob, CancellationToken, Task> work)
    {
        // The work must not carry the request's context (its HttpContext ends with the response).
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RunAsync(job, work));
        }
    }

    private async Task RunAsync(ImportJob job, Func<ImportJob, CancellationToken, Task> work)
    {
        var cancellationToken = _stopping.Token;
        try
        {
            await _slot.WaitAsync(cancellationToken);
            try
            {
                await work(job, cancellationToken);
            }
            finally
            {
                _slot.Release();
            }
        }
        catch (ImportFileException e)
        {
            Fail(job, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Fail(job, "Impor dihentikan karena server dimatikan; tidak ada yang disimpan.");
        }
#pragma warning disable CA1031 // A background job must end in a state the user sees, whatever went wrong.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailure(_logger, e, job.Id);
            Fail(job, job.State == ImportState.Menyimpan
                ? "Terjadi kesalahan saat menyimpan; tidak ada yang disimpan. Coba lagi."
                : "Terjadi kesalahan saat membaca berkas; tidak ada yang disimpan. Periksa berkasnya lalu coba lagi.");
        }
        finally
        {
            Delete(job.SourcePath);
            job.UpdatedAt = _clock.GetUtcNow();
        }
    }

    private static void Fail(ImportJob job, string message)
    {
        job.Message = message;
        // A failed save leaves the checked rows as they were, to be saved again; a failed check ends the job.
        job.State = job.State == ImportState.Menyimpan || (job.State == ImportState.Antre && job.Result is not null)
            ? ImportState.Diperiksa
            : ImportState.Gagal;
    }

    private async Task CheckAsync(ImportJob job, CancellationToken cancellationToken)
    {
        job.State = ImportState.Memeriksa;
        await using var scope = _scopes.CreateAsyncScope();
        await using var db = CreateDbContext(scope.ServiceProvider, job.Owner);
        using var source = SourceReader.Open(job.SourcePath, job.Format);
        var (columns, problem) = ImportColumns.MapHeaders(source.Headers);
        if (columns is null)
        {
            throw new ImportFileException(problem!);
        }
        var parser = new RowParser(columns, job.Target, Wib.Today(_clock));
        RunResult result;
        using (var spill = RowSpill.Create(job.SpillPath, columns))
        {
            result = await new ImportRun(db, job.Target)
                .CheckAsync(ReadAhead.Of(source.Rows(), cancellationToken), parser, spill.Write, n => job.Processed = n, cancellationToken);
        }
        job.Result = result;
        job.State = ImportState.Diperiksa;
    }

    private async Task CommitAsync(ImportJob job, CancellationToken cancellationToken)
    {
        job.State = ImportState.Menyimpan;
        job.Processed = 0;
        var started = _clock.GetUtcNow();
        await using var scope = _scopes.CreateAsyncScope();
        await using var db = CreateDbContext(scope.ServiceProvider, job.Owner);
        // The rows go in through BulkInsert; the audit is one summary entry (ADR 0008).
        var parser = new RowParser(RowParser.CanonicalColumns(), job.Target, Wib.Today(_clock));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // The trigram index of the name search takes the new rows into its pending list rather than its tree
            // (autovacuum merges them later): 100,000 rows went in in 9 s instead of 13 s here.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL gin_pending_list_limit = '256MB'", cancellationToken);
        }
        RunResult result;
        List<Guid> saved;
        try
        {
            (result, saved) = await new ImportRun(db, job.Target)
                .CommitAsync(RowSpill.Read(job.SpillPath), parser, job.AllOrNothing, n => job.Processed = n, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            // BulkInsert writes on the connection itself: a NIK registered since the checks fails there, not in SaveChanges.
            LogFailure(_logger, e, job.Id);
            await transaction.RollbackAsync(CancellationToken.None);
            throw new ImportFileException(
                "Penyimpanan dibatalkan, tidak ada yang tersimpan: data registri berubah selama impor (misalnya NIK yang sama baru saja didaftarkan). Unggah berkasnya lagi untuk diperiksa ulang.", e);
        }
        if (job.AllOrNothing && result.InvalidCount > 0)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            job.Result = result;
            job.Message = "Tidak ada yang disimpan: sejak pemeriksaan, ada baris yang kini bermasalah (lihat daftar kesalahan). Perbaiki berkasnya, atau pilih simpan baris yang valid saja.";
            job.State = ImportState.Diperiksa;
            return;
        }
        if (saved.Count == 0)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            job.Result = result;
            job.Message = "Tidak ada baris valid yang dapat disimpan.";
            job.State = ImportState.Diperiksa;
            return;
        }
        db.AuditEntries.Add(SummaryEntry(job, db.CurrentUser, result, saved.Count, started, _clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Written in a transaction (some of it outside the change tracker): the kept semester figures go after the commit.
        db.FiguresCache.ForgetAll();
        job.Result = result;
        job.Saved = saved.Count;
        job.State = ImportState.Selesai;
    }

    /// <summary>The one audit entry of an import: who, when, which file into which WKSBM, and how many rows.</summary>
    private static AuditEntry SummaryEntry(ImportJob job, CurrentUser user, RunResult result, int saved, DateTimeOffset started, DateTimeOffset finished) => new()
    {
        UserId = user.Id,
        UserName = user.Name,
        Action = AuditAction,
        EntityType = nameof(Institution),
        EntityId = job.Target.InstitutionId.ToString(),
        NewValues = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["file"] = job.FileName,
            ["institution"] = job.Target.Name,
            ["mode"] = job.AllOrNothing ? "semua-atau-tidak-sama-sekali" : "baris-valid-saja",
            ["rows"] = result.DataRows,
            ["saved"] = saved,
            ["skipped"] = result.InvalidCount,
            ["startedAt"] = started,
            ["finishedAt"] = finished,
        }, AuditJson),
    };

    public const string AuditAction = "ImportBeneficiaries";

    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// A DbContext acting as the uploading user, outside any request: the same provider and options as the
    /// application's, with that user's access scope in its query filters.
    /// </summary>
    private static WahanaDbContext CreateDbContext(IServiceProvider services, ClaimsPrincipal owner)
    {
        var options = services.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions>();
        var user = new CurrentUser(new OwnerContext(new DefaultHttpContext { User = owner }));
        return (WahanaDbContext)ActivatorUtilities.CreateInstance(services, options.ContextType, user);
    }

    private void Sweep()
    {
        var expired = _clock.GetUtcNow() - Lifetime;
        foreach (var job in _jobs.Values)
        {
            if (!job.IsRunning && job.UpdatedAt < expired)
            {
                Remove(job);
            }
        }
    }

    /// <summary>Files a previous run of the application left behind (it stopped before their jobs expired).</summary>
    private void RemoveStaleFiles()
    {
        var expired = DateTime.UtcNow - 2 * Lifetime;
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            if (File.GetLastWriteTimeUtc(file) < expired)
            {
                Delete(file);
            }
        }
    }

    private static void DeleteFiles(ImportJob job)
    {
        Delete(job.SourcePath);
        Delete(job.SpillPath);
    }

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still open (an error file being downloaded); the next sweep of a later run removes it.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import job {JobId} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, Guid jobId);

    /// <summary>Hands the uploading user to <see cref="CurrentUser"/> without touching the request's own accessor.</summary>
    private sealed class OwnerContext(HttpContext context) : IHttpContextAccessor
    {
        public HttpContext? HttpContext
        {
            get => context;
            set => throw new NotSupportedException();
        }
    }
}
