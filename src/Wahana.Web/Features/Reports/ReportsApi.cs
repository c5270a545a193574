using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Reports;

/// <summary>
/// Semester reports over the API, through <see cref="ReportWorkflow"/> as on the pages: GET /api/v1/reports (paged),
/// GET /api/v1/reports/{id}, POST /api/v1/reports (open this semester's draft of the caller's WKSBM), and POST
/// /api/v1/reports/{id}/submit|approve|return|reopen. 403 for a role that may not take the step (volunteers, the forum
/// and partners get 403 on every endpoint), 404 for a report out of scope, 409 for a report in the wrong status or a
/// stale version, 400 with field errors for a missing or too long narrative or reason.
/// </summary>
public static class ReportsApi
{
    public sealed record ReportItem(
        Guid Id, Guid InstitutionId, string InstitutionName, string RegencyCode, string Period, string Status,
        DateTimeOffset? SubmittedAt, DateTimeOffset? ApprovedAt, bool OnTime);

    public sealed record ReportPage(IReadOnlyList<ReportItem> Items, int Total, int Page, int PageSize);

    public sealed record StepItem(string Action, string Note, string By, DateTimeOffset At);

    public sealed record ReportDetail(
        Guid Id, Guid InstitutionId, string InstitutionName, string RegencyCode, string Period, string Status,
        DateTimeOffset? FirstSubmittedAt, DateTimeOffset? SubmittedAt, string? SubmittedBy, DateTimeOffset? ApprovedAt, string? ApprovedBy,
        DateOnly DueOn, bool OnTime, bool FiguresFrozen, ReportFigures.Document Figures,
        string Achievements, string Obstacles, string Plans, IReadOnlyList<StepItem> Steps, Guid Version);

    /// <summary>POST /api/v1/reports: the period (e.g. 2026-1) of the caller's own WKSBM.</summary>
    public sealed record OpenBody(string? Period);

    /// <summary>The narrative; version (optional) is the report's version as read, to refuse a stale write.</summary>
    public sealed record SubmitBody(string? Achievements, string? Obstacles, string? Plans, Guid? Version);

    /// <summary>The comment of a return, the reason of a reopening, or an approval's optional note.</summary>
    public sealed record ReasonBody(string? Reason, Guid? Version);

    public const int MaxPageSize = 200;

    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Laporan semester").RequireAuthorization(WahanaPolicies.Reports);
        group.MapGet("", List)
            .WithSummary("Daftar laporan semester dalam cakupan pengguna.")
            .WithDescription("Parameter: period (misalnya 2026-1), regency (misalnya 34.02), status (draft, diajukan, dikembalikan, disetujui), page, pageSize (paling banyak 200).");
        group.MapGet("/{id:guid}", Get).WithSummary("Satu laporan dengan angka, narasi, dan riwayatnya; 404 bila di luar cakupan.");
        group.MapPost("", Open).WithSummary("Buka (buat bila belum ada) draf laporan WKSBM pengguna untuk satu semester; hanya pengurus WKSBM.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:guid}/submit", Submit).WithSummary("Ajukan laporan (pengurus WKSBM) dengan narasi: achievements dan plans wajib, obstacles boleh kosong.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/approve", Approve).WithSummary("Setujui laporan yang diajukan (petugas kabupaten/kota atau admin provinsi); layanan semester itu terkunci.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/return", Return).WithSummary("Kembalikan laporan yang diajukan dengan catatan (reason wajib).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/reopen", Reopen).WithSummary("Buka kembali laporan yang disetujui dengan alasan (reason wajib); kunci layanan dibuka.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<ReportPage>, ValidationProblem>> List(
        HttpRequest request, WahanaDbContext db, IOptions<ReportDeadlines> deadlines, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var errors = new Dictionary<string, string[]>();
        Semester? period = null;
        if (query["period"].ToString() is { Length: > 0 } periodText)
        {
            period = Semester.Parse(periodText);
            if (period is null)
            {
                errors["period"] = [$"Periode '{periodText}' tidak dikenal: tulis tahun dan semester, misalnya 2026-1 atau 2026-2."];
            }
        }
        var regency = query["regency"].ToString();
        if (regency.Length > 0 && !RegionCatalog.Instance.IsDiyRegency(regency))
        {
            errors["regency"] = [$"Kabupaten/kota '{regency}' tidak dikenal: pakai 34.01, 34.02, 34.03, 34.04, atau 34.71."];
        }
        ReportStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } statusText)
        {
            if (Slug.TryParse<ReportStatus>(statusText, out var parsed))
            {
                status = parsed;
            }
            else
            {
                errors["status"] = [$"Status '{statusText}' tidak dikenal: pakai draft, diajukan, dikembalikan, atau disetujui."];
            }
        }
        var page = Number(query["page"].ToString(), 1, "page", errors);
        var size = Number(query["pageSize"].ToString(), 50, "pageSize", errors);
        if (size > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize paling banyak {MaxPageSize}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Parameter tidak valid.");
        }

        var reports = db.SemesterReports.AsNoTracking();
        if (period is { } semester)
        {
            reports = reports.Where(r => r.Year == semester.Year && r.Half == semester.Half);
        }
        if (regency.Length > 0)
        {
            reports = reports.Where(r => r.RegencyCode == regency);
        }
        if (status is { } wanted)
        {
            reports = reports.Where(r => r.Status == wanted);
        }
        var total = await reports.CountAsync(cancellationToken);
        var rows = await reports
            .Join(db.Institutions, r => r.InstitutionId, i => i.Id, (r, i) => new { Report = r, i.Name })
            .OrderByDescending(x => x.Report.Year).ThenByDescending(x => x.Report.Half).ThenBy(x => x.Report.RegencyCode).ThenBy(x => x.Name).ThenBy(x => x.Report.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(x => new
            {
                x.Report.Id, x.Report.InstitutionId, x.Name, x.Report.RegencyCode, x.Report.Year, x.Report.Half, x.Report.Status,
                x.Report.FirstSubmittedAt, x.Report.SubmittedAt, x.Report.ApprovedAt,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new ReportItem(
            r.Id, r.InstitutionId, r.Name, r.RegencyCode, new Semester(r.Year, r.Half).ToString(), Slug.Of(r.Status), r.SubmittedAt, r.ApprovedAt,
            deadlines.Value.IsOnTime(new SemesterReport { Year = r.Year, Half = r.Half, FirstSubmittedAt = r.FirstSubmittedAt }))).ToList();
        return TypedResults.Ok(new ReportPage(items, total, page, size));
    }

    private static async Task<Results<Ok<ReportDetail>, NotFound>> Get(
        Guid id, WahanaDbContext db, IOptions<ReportDeadlines> deadlines, CancellationToken cancellationToken)
    {
        var details = await ReportDetails.LoadAsync(db, id, deadlines.Value, cancellationToken);
        return details is null ? TypedResults.NotFound() : TypedResults.Ok(Detail(details));
    }

    private static async Task<Results<Ok<ReportDetail>, ProblemHttpResult, ValidationProblem>> Open(
        OpenBody body, WahanaDbContext db, TimeProvider clock, IOptions<ReportDeadlines> deadlines, CancellationToken cancellationToken)
    {
        if (!ReportWorkflow.MaySubmit(db.CurrentUser.Role) || db.CurrentUser.Scope.InstitutionId is not { } own)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Tidak diizinkan.", detail: ReportWorkflow.SubmitRoleMessage);
        }
        var today = Wib.Today(clock);
        if (Semester.Parse(body.Period) is not { } semester || semester.Start > today)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["period"] = ["Tulis semester yang sudah dimulai, misalnya 2026-1."] }, title: "Laporan tidak dibuka.");
        }
        var report = await ReportWorkflow.OpenAsync(db, own, semester, today, cancellationToken);
        var details = report is null ? null : await ReportDetails.LoadAsync(db, report.Id, deadlines.Value, cancellationToken);
        return details is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "WKSBM tidak ditemukan.")
            : TypedResults.Ok(Detail(details));
    }

    private static Task<IResult> Submit(
        Guid id, SubmitBody body, WahanaDbContext db, TimeProvider clock, IOptions<ReportDeadlines> deadlines, CancellationToken cancellationToken) =>
        AnswerAsync(db, deadlines.Value, ReportWorkflow.SubmitAsync(db, id, body.Version, new(body.Achievements, body.Obstacles, body.Plans),
            clock.GetUtcNow(), Wib.Today(clock), cancellationToken), "Laporan tidak diajukan.", cancellationToken);

    private static Task<IResult> Approve(
        Guid id, ReasonBody? body, WahanaDbContext db, TimeProvider clock, IOptions<ReportDeadlines> deadlines, CancellationToken cancellationToken) =>
        AnswerAsync(db, deadlines.Value, ReportWorkflow.ApproveAsync(db, id, body?.Version, body?.Reason, clock.GetUtcNow(), cancellationToken),
            "Laporan tidak disetujui.", cancellationToken);

    private static Task<IResult> Return(
        Guid id, ReasonBody body, WahanaDbContext db, TimeProvider clock, IOptions<ReportDeadlines> deadlines, CancellationToken cancellationToken) =>
        AnswerAsync(db, deadlines.Value, ReportWorkflow.ReturnAsync(db, id, body.Version, body.Reason, clock.GetUtcNow(), cancellationToken),
            "Laporan tidak dikembalikan.", cancellationToken);

    private static Task<IResult> Reopen(
        Guid id, ReasonBody body, WahanaDbContext db, TimeProvider clock, IOptions<ReportDeadlines> deadlines, CancellationToken cancellationToken) =>
        AnswerAsync(db, deadlines.Value, ReportWorkflow.ReopenAsync(db, id, body.Version, body.Reason, clock.GetUtcNow(), cancellationToken),
            "Laporan tidak dibuka kembali.", cancellationToken);

    private static async Task<IResult> AnswerAsync(
        WahanaDbContext db, ReportDeadlines deadlines, Task<ReportWorkflow.Result> step, string refusedTitle, CancellationToken cancellationToken)
    {
        var result = await step;
        switch (result.Outcome)
        {
            case ReportWorkflow.Outcome.NotFound:
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Laporan tidak ditemukan.");
            case ReportWorkflow.Outcome.Forbidden:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Tidak diizinkan.", detail: result.Message);
            case ReportWorkflow.Outcome.Conflict:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusedTitle, detail: result.Message);
            case ReportWorkflow.Outcome.Invalid:
                var errors = result.Errors
                    .GroupBy(e => e.Field.Length == 0 ? "" : char.ToLowerInvariant(e.Field[0]) + e.Field[1..])
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
                return TypedResults.ValidationProblem(errors, title: refusedTitle);
            default:
                db.ChangeTracker.Clear();
                var details = await ReportDetails.LoadAsync(db, result.Report!.Id, deadlines, cancellationToken);
                return TypedResults.Ok(Detail(details!));
        }
    }

    private static ReportDetail Detail(ReportDetails details)
    {
        var r = details.Report!;
        return new ReportDetail(
            r.Id, r.InstitutionId, details.InstitutionName, r.RegencyCode, r.Semester.ToString(), Slug.Of(r.Status),
            r.FirstSubmittedAt, r.SubmittedAt, r.SubmittedBy, r.ApprovedAt, r.ApprovedBy, details.DueOn, details.OnTime, details.FiguresFrozen,
            ReportFigures.ToDocument(details.Figures), r.Achievements, r.Obstacles, r.Plans,
            [.. details.Steps.Select(s => new StepItem(Slug.Of(s.Action), s.Note, s.By, s.At))], r.Version);
    }

    private static int Number(string text, int fallback, string field, Dictionary<string, string[]> errors)
    {
        if (text.Length == 0)
        {
            return fallback;
        }
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1)
        {
            return value;
        }
        errors[field] = [$"{field} harus bilangan bulat 1 atau lebih."];
        return fallback;
    }
}
