using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.BeneficiaryImport;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.ServiceImport;

/// <summary>Who may import services: the WKSBM's board and the offices; never volunteers, the forum or partners.</summary>
public static class ServiceImportAccess
{
    /// <summary>
    /// Relawan may not import: a volunteer records the services they give, one by one, in the field; copying a
    /// notebook of a whole semester's money into the registry in one go is the board's (the treasurer's)
    /// bookkeeping, and the board answers for it in the semester report.
    /// </summary>
    public static bool MayImport(WahanaRole? role) =>
        role is WahanaRole.AdminProvinsi or WahanaRole.PetugasKabupaten or WahanaRole.PengurusWksbm;
}

/// <summary>One service import and what became of it, kept in memory for its owner only.</summary>
public sealed class ServiceImportJob
{
    private int _processed;
    private volatile ImportState _state = ImportState.Antre;

    /// <summary>A random id (not a GUID v7): it appears in URLs and must not be guessable.</summary>
    public Guid Id { get; } = Guid.NewGuid();

    public required Guid OwnerId { get; init; }

    /// <summary>The uploading user, whose access scope the background work uses.</summary>
    public required ClaimsPrincipal Owner { get; init; }

    public required ServiceImportTarget Target { get; init; }

    public required string FileName { get; init; }

    public required SourceFormat Format { get; init; }

    /// <summary>The upload, deleted once the dry run has read it.</summary>
    public required string SourcePath { get; init; }

    public int? DeclaredRows { get; init; }

    /// <summary>The non-blank data rows, their cells in <see cref="ServiceImportColumns.All"/> order (at most 20,000).</summary>
    public List<SourceRow> Rows { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public ImportState State
    {
        get => _state;
        set => _state = value;
    }

    public int Processed
    {
        get => Volatile.Read(ref _processed);
        set => Volatile.Write(ref _processed, value);
    }

    public RunResult? Result { get; set; }

    public string? Message { get; set; }

    public int Saved { get; set; }

    public long SavedValue { get; set; }

    public bool IsRunning => State is ImportState.Antre or ImportState.Memeriksa or ImportState.Menyimpan;

    public int? Total => State == ImportState.Menyimpan ? Rows.Count : DeclaredRows;
}

/// <summary>
/// The service imports in progress, in memory (a singleton), as <see cref="ImportJobs"/> keeps the beneficiary
/// imports (ADR 0008): each job belongs to its uploader, runs in the background one at a time, acts with the
/// uploader's access scope, and expires an hour after it last changed. A service file is small (20,000 rows at
/// most), so the rows are kept in memory between the dry run and the commit rather than spilled to disk.
/// </summary>
public sealed partial class ServiceImportJobs : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public const string AuditAction = "ImportServices";

    private readonly ConcurrentDictionary<Guid, ServiceImportJob> _jobs = new();
    private readonly SemaphoreSlim _slot = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<ServiceImportJobs> _logger;
    private readonly ITimer _sweeper;

    public ServiceImportJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ServiceImportJobs> logger)
    {
        _scopes = scopes;
        _clock = clock;
        _logger = logger;
        Folder = Path.Combine(Path.GetTempPath(), "wahana-impor-layanan");
        Directory.CreateDirectory(Folder);
        _sweeper = clock.CreateTimer(_ => Sweep(), null, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
    }

    public string Folder { get; }

    public ServiceImportJob? Find(Guid id, Guid? userId) =>
        userId is { } user && _jobs.TryGetValue(id, out var job) && job.OwnerId == user ? job : null;

    public IReadOnlyList<ServiceImportJob> OfOwner(Guid? userId) =>
        userId is { } user ? [.. _jobs.Values.Where(j => j.OwnerId == user).OrderByDescending(j => j.CreatedAt)] : [];

    public string NewUploadPath() => Path.Combine(Folder, $"{Guid.NewGuid():N}.upload");

    public ServiceImportJob StartCheck(Guid ownerId, ClaimsPrincipal owner, ServiceImportTarget target, string fileName, SourceFormat format, string sourcePath, int? declaredRows)
    {
        var now = _clock.GetUtcNow();
        var job = new ServiceImportJob
        {
            OwnerId = ownerId,
            Owner = owner,
            Target = target,
            FileName = fileName,
            Format = format,
            SourcePath = sourcePath,
            DeclaredRows = declaredRows,
            CreatedAt = now,
            UpdatedAt = now,
        };
        _jobs[job.Id] = job;
        Run(job, CheckAsync);
        return job;
    }

    /// <summary>Starts saving a checked job; false unless the dry run found rows and no error at all (all or nothing).</summary>
    public bool StartCommit(ServiceImportJob job)
    {
        lock (job)
        {
            if (job.State != ImportState.Diperiksa || job.Result is not { InvalidCount: 0, ValidRows: > 0 })
            {
                return false;
            }
            job.Message = null;
            job.State = ImportState.Antre;
        }
        Run(job, CommitAsync);
        return true;
    }

    public bool Remove(ServiceImportJob job)
    {
        if (job.IsRunning)
        {
            return false;
        }
        _jobs.TryRemove(job.Id, out _);
        Delete(job.SourcePath);
        return true;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _sweeper.Dispose();
        foreach (var job in _jobs.Values)
        {
            Delete(job.SourcePath);
        }
        _jobs.Clear();
        _stopping.Dispose();
        _slot.Dispose();
    }

    private void Run(ServiceImportJob job, Func<ServiceImportJob, CancellationToken, Task> work)
    {
        // The work must not carry the request's context (its HttpContext ends with the response).
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RunAsync(job, work));
        }
    }

    private async Task RunAsync(ServiceImportJob job, Func<ServiceImportJob, CancellationToken, Task> work)
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

    private static void Fail(ServiceImportJob job, string message)
    {
        job.Message = message;
        // A failed save leaves the checked rows as they were; a failed check ends the job.
        job.State = job.State == ImportState.Menyimpan || (job.State == ImportState.Antre && job.Result is not null)
            ? ImportState.Diperiksa
            : ImportState.Gagal;
    }

    private async Task CheckAsync(ServiceImportJob job, CancellationToken cancellationToken)
    {
        job.State = ImportState.Memeriksa;
        job.Rows = ReadRows(job.SourcePath, job.Format);
        Delete(job.SourcePath);
        await using var scope = _scopes.CreateAsyncScope();
        await using var db = CreateDbContext(scope.ServiceProvider, job.Owner);
        var run = new ServiceImportRun(db, job.Target, Wib.Today(_clock));
        job.Result = await run.CheckAsync(job.Rows, n => job.Processed = n, null, cancellationToken);
        job.State = ImportState.Diperiksa;
    }

    /// <summary>The data rows of the upload, in our column order; blank rows skipped; refused when there are too many or none.</summary>
    private static List<SourceRow> ReadRows(string path, SourceFormat format)
    {
        using var source = SourceReader.Open(path, format);
        var (columns, problem) = ServiceImportColumns.MapHeaders(source.Headers);
        if (columns is null)
        {
            throw new ImportFileException(problem!);
        }
        var positions = ServiceImportColumns.All.Select(c => columns.GetValueOrDefault(c.Header, -1)).ToArray();
        var rows = new List<SourceRow>();
        foreach (var row in source.Rows())
        {
            if (row.IsBlank)
            {
                continue;
            }
            if (rows.Count == ServiceImportRun.MaxRows)
            {
                throw new ImportFileException(ServiceImportRun.TooManyRows(null));
            }
            rows.Add(new SourceRow(row.Number, [.. positions.Select(p => p < 0 ? Cell.Empty : row[p])]));
        }
        return rows.Count == 0 ? throw new ImportFileException(ServiceImportRun.NoDataRows) : rows;
    }

    /// <summary>
    /// Checks every row again inside one transaction (the registry may have changed since the dry run) and adds the
    /// services only when no row has an error: all or nothing. The rows go in without per-row audit entries; the
    /// import writes one summary entry (ADR 0008).
    /// </summary>
    private async Task CommitAsync(ServiceImportJob job, CancellationToken cancellationToken)
    {
        job.State = ImportState.Menyimpan;
        job.Processed = 0;
        var started = _clock.GetUtcNow();
        await using var scope = _scopes.CreateAsyncScope();
        await using var db = CreateDbContext(scope.ServiceProvider, job.Owner);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var services = new List<Service>(job.Rows.Count);
        var result = await new ServiceImportRun(db, job.Target, Wib.Today(_clock))
            .CheckAsync(job.Rows, n => job.Processed = n / 2, services.Add, cancellationToken);
        if (result.InvalidCount > 0 || services.Count == 0)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            job.Result = result;
            job.Message = "Tidak ada yang disimpan: sejak pemeriksaan, ada baris yang kini bermasalah (lihat daftar kesalahan). Perbaiki berkasnya lalu unggah lagi.";
            job.State = ImportState.Diperiksa;
            return;
        }
        db.AuditDisabled = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var start = 0; start < services.Count; start += 1000)
        {
            var chunk = services.GetRange(start, Math.Min(1000, services.Count - start));
            db.Services.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            job.Processed = (services.Count + start + chunk.Count) / 2;
        }
        db.AuditDisabled = false;
        var value = services.Sum(s => s.ValueRupiah);
        db.AuditEntries.Add(SummaryEntry(job, db.CurrentUser, services, value, started, _clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Written in a transaction (some of it outside the change tracker): the kept semester figures go after the commit.
        db.FiguresCache.ForgetAll();
        job.Result = result;
        job.Saved = services.Count;
        job.SavedValue = value;
        job.State = ImportState.Selesai;
    }

    /// <summary>The one audit entry of an import: who, when, which file into which WKSBM, how many services and how much.</summary>
    private static AuditEntry SummaryEntry(ServiceImportJob job, CurrentUser user, List<Service> services, long value, DateTimeOffset started, DateTimeOffset finished) => new()
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
            ["mode"] = "semua-atau-tidak-sama-sekali",
            ["rows"] = job.Rows.Count,
            ["saved"] = services.Count,
            ["valueRupiah"] = value,
            ["firstDate"] = services.Min(s => s.Date),
            ["lastDate"] = services.Max(s => s.Date),
            ["startedAt"] = started,
            ["finishedAt"] = finished,
        }, AuditJson),
    };

    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A DbContext acting as the uploading user outside any request, with that user's access scope.</summary>
    private static WahanaDbContext CreateDbContext(IServiceProvider services, ClaimsPrincipal owner)
    {
        var options = services.GetRequiredService<DbContextOptions>();
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

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still open; the folder is temporary.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Service import job {JobId} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, Guid jobId);

    private sealed class OwnerContext(HttpContext context) : IHttpContextAccessor
    {
        public HttpContext? HttpContext
        {
            get => context;
            set => throw new NotSupportedException();
        }
    }
}
