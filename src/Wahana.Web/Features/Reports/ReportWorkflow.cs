using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Reports;

/// <summary>
/// The one write path of semester reports, shared by the report page (/laporan/{wksbm}/{periode}) and the API
/// (/api/v1/reports/{id}/submit|approve|return|reopen):
/// <list type="bullet">
/// <item>Draft or Dikembalikan → Diajukan: by the WKSBM's own PengurusWksbm only, once the semester has ended, with
/// the narrative (capaian and rencana required, kendala optional). The figures are compiled and frozen in the report.</item>
/// <item>Diajukan → Disetujui, or → Dikembalikan with a comment: by the PetugasKabupaten of the report's kabupaten/kota,
/// or by the AdminProvinsi (the province oversees every district and stands in when a district office cannot).</item>
/// <item>Disetujui → Dikembalikan ("dibuka kembali") with a reason: by the same reviewers. The semester's services unlock
/// (only Disetujui locks them) and the pengurus corrects and resubmits.</item>
/// </list>
/// Every step is a <see cref="SemesterReportStep"/> (who, when, note) and is audited with the report by SaveChanges.
/// A refused step (wrong role, wrong status, stale version, bad input) changes nothing. A report outside the user's
/// scope is not found (the query filters), whatever the role.
/// </summary>
public static class ReportWorkflow
{
    public const int ReasonMaxLength = 2000;

    public const string StaleMessage =
        "Laporan ini baru saja diubah oleh pengguna lain. Muat ulang halaman untuk melihat keadaannya sekarang; tidak ada yang diubah.";

    public const string SubmitRoleMessage = "Hanya pengurus WKSBM ini yang dapat menyusun dan mengajukan laporannya.";

    public const string ReviewRoleMessage =
        "Hanya petugas Dinas Sosial kabupaten/kota WKSBM ini atau admin Dinas Sosial DIY yang dapat menyetujui, mengembalikan, atau membuka kembali laporan.";

    public const string ReturnReasonMissing = "Tuliskan catatan pengembalian: apa yang perlu diperbaiki pengurus.";

    public const string ReopenReasonMissing = "Tuliskan alasan laporan ini dibuka kembali: apa yang perlu dikoreksi.";

    public const string AchievementsMissing = "Capaian wajib diisi: tuliskan apa yang dicapai WKSBM pada semester ini.";

    public const string PlansMissing = "Rencana wajib diisi: tuliskan rencana WKSBM untuk semester berikutnya.";

    public enum Outcome
    {
        Done,
        NotFound,
        Forbidden,
        Conflict,
        Invalid,
    }

    /// <summary>The result of a step: errors keyed by field (Achievements, Obstacles, Plans, Reason) or "" for the whole report.</summary>
    public sealed record Result(Outcome Outcome, IReadOnlyList<RuleViolation> Errors, SemesterReport? Report)
    {
        public string Message => string.Join(" ", Errors.Select(e => e.Message));
    }

    /// <summary>The WKSBM's narrative as typed.</summary>
    public sealed record Narrative(string? Achievements, string? Obstacles, string? Plans);

    /// <summary>Writes the narrative and submits: the WKSBM's board.</summary>
    public static bool MaySubmit(WahanaRole? role) => role == WahanaRole.PengurusWksbm;

    /// <summary>Approves, returns and reopens: the district office, and the province.</summary>
    public static bool MayReview(WahanaRole? role) => role is WahanaRole.PetugasKabupaten or WahanaRole.AdminProvinsi;

    public static string StatusName(ReportStatus? status) => status switch
    {
        null => "Belum dimulai",
        ReportStatus.Draft => "Draf",
        ReportStatus.Diajukan => "Diajukan",
        ReportStatus.Dikembalikan => "Dikembalikan",
        _ => "Disetujui",
    };

    public static string ActionName(ReportAction action) => action switch
    {
        ReportAction.Diajukan => "Diajukan",
        ReportAction.Disetujui => "Disetujui",
        ReportAction.Dikembalikan => "Dikembalikan untuk diperbaiki",
        _ => "Dibuka kembali",
    };

    /// <summary>Whether the semester has ended on <paramref name="today"/>, so its report may be submitted.</summary>
    public static bool HasEnded(Semester semester, DateOnly today) => semester.End < today;

    public static string NotEndedMessage(Semester semester) => string.Create(CultureInfo.InvariantCulture,
        $"Laporan semester {semester.Half} tahun {semester.Year} baru dapat diajukan setelah semester berakhir ({semester.End:dd-MM-yyyy}). Sampai saat itu narasinya dapat disimpan sebagai draf.");

    /// <summary>
    /// The report of the WKSBM for the semester: the stored one, or, for the WKSBM's own pengurus and a semester that
    /// has started, a new Draft created now (the first visit). Null when there is none (yet) for this user to see.
    /// </summary>
    public static async Task<SemesterReport?> OpenAsync(
        WahanaDbContext db, Guid institutionId, Semester semester, DateOnly today, CancellationToken cancellationToken)
    {
        var existing = await Find(db, institutionId, semester).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null || !MaySubmit(db.CurrentUser.Role) || db.CurrentUser.Scope.InstitutionId != institutionId || semester.Start > today)
        {
            return existing;
        }
        var regency = await db.Institutions.Where(i => i.Id == institutionId).Select(i => i.RegencyCode).SingleOrDefaultAsync(cancellationToken);
        if (regency is null)
        {
            return null;
        }
        var report = new SemesterReport { InstitutionId = institutionId, RegencyCode = regency, Year = semester.Year, Half = semester.Half };
        db.SemesterReports.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return report;
        }
        catch (DbUpdateException)
        {
            // Opened at the same moment in another tab: that one was stored first.
            db.ChangeTracker.Clear();
            return await Find(db, institutionId, semester).SingleOrDefaultAsync(cancellationToken);
        }
    }

    /// <summary>Saves the narrative of a Draft or returned report without submitting it.</summary>
    public static async Task<Result> SaveDraftAsync(
        WahanaDbContext db, Guid reportId, Guid? version, Narrative narrative, CancellationToken cancellationToken)
    {
        var (report, refused) = await LoadAsync(db, reportId, version, MaySubmit, SubmitRoleMessage, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (!report!.FiguresAreLive)
        {
            return Conflict(report, $"Laporan ini berstatus {StatusName(report.Status)}; narasinya hanya dapat diubah selama berstatus Draf atau Dikembalikan.");
        }
        var errors = new List<RuleViolation>();
        var (achievements, obstacles, plans) = Clean(narrative, required: false, errors);
        if (errors.Count > 0)
        {
            return new(Outcome.Invalid, errors, report);
        }
        report.Achievements = achievements;
        report.Obstacles = obstacles;
        report.Plans = plans;
        return await SaveAsync(db, report, cancellationToken);
    }

    /// <summary>Draft or Dikembalikan → Diajukan, with the narrative; the figures are compiled and frozen.</summary>
    public static async Task<Result> SubmitAsync(
        WahanaDbContext db, Guid reportId, Guid? version, Narrative narrative, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        var (report, refused) = await LoadAsync(db, reportId, version, MaySubmit, SubmitRoleMessage, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (!report!.FiguresAreLive)
        {
            return Conflict(report, $"Laporan ini berstatus {StatusName(report.Status)}; hanya laporan berstatus Draf atau Dikembalikan yang dapat diajukan.");
        }
        if (!HasEnded(report.Semester, today))
        {
            return Conflict(report, NotEndedMessage(report.Semester));
        }
        var errors = new List<RuleViolation>();
        var (achievements, obstacles, plans) = Clean(narrative, required: true, errors);
        if (errors.Count > 0)
        {
            return new(Outcome.Invalid, errors, report);
        }
        var figures = await new ServedFiguresQuery(db).LoadAsync(report.Semester, null, report.InstitutionId, cancellationToken);
        var by = db.CurrentUser.Name;
        report.Achievements = achievements;
        report.Obstacles = obstacles;
        report.Plans = plans;
        report.SubmittedFigures = ReportFigures.Serialize(figures.Of(report.InstitutionId));
        report.Status = ReportStatus.Diajukan;
        report.FirstSubmittedAt ??= now;
        report.SubmittedAt = now;
        report.SubmittedBy = by;
        AddStep(db, report, ReportAction.Diajukan, "", by, now);
        return await SaveAsync(db, report, cancellationToken);
    }

    /// <summary>Diajukan → Disetujui (an optional note): the semester's services of the WKSBM lock.</summary>
    public static Task<Result> ApproveAsync(
        WahanaDbContext db, Guid reportId, Guid? version, string? note, DateTimeOffset now, CancellationToken cancellationToken) =>
        ReviewAsync(db, reportId, version, note, now, new(ReportStatus.Diajukan, "disetujui", null, "Catatan", ReportAction.Disetujui),
            (report, by) =>
            {
                report.Status = ReportStatus.Disetujui;
                report.ApprovedAt = now;
                report.ApprovedBy = by;
            }, cancellationToken);

    /// <summary>Diajukan → Dikembalikan with a comment: the pengurus corrects and resubmits.</summary>
    public static Task<Result> ReturnAsync(
        WahanaDbContext db, Guid reportId, Guid? version, string? reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        ReviewAsync(db, reportId, version, reason, now,
            new(ReportStatus.Diajukan, "dikembalikan", ReturnReasonMissing, "Catatan pengembalian", ReportAction.Dikembalikan),
            (report, _) => report.Status = ReportStatus.Dikembalikan, cancellationToken);

    /// <summary>Disetujui → Dikembalikan with a reason: the services of the semester unlock.</summary>
    public static Task<Result> ReopenAsync(
        WahanaDbContext db, Guid reportId, Guid? version, string? reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        ReviewAsync(db, reportId, version, reason, now,
            new(ReportStatus.Disetujui, "dibuka kembali", ReopenReasonMissing, "Alasan membuka kembali", ReportAction.DibukaKembali),
            (report, _) =>
            {
                report.Status = ReportStatus.Dikembalikan;
                report.ApprovedAt = null;
                report.ApprovedBy = null;
            }, cancellationToken);

    /// <summary>
    /// A review step of the office: from <see cref="ReviewStep.From"/> only; <see cref="ReviewStep.Missing"/> is the
    /// message when the note is required and empty (null: optional); <see cref="ReviewStep.Field"/> names the note.
    /// </summary>
    private sealed record ReviewStep(ReportStatus From, string Done, string? Missing, string Field, ReportAction Action);

    private static async Task<Result> ReviewAsync(
        WahanaDbContext db, Guid reportId, Guid? version, string? note, DateTimeOffset now, ReviewStep step,
        Action<SemesterReport, string> apply, CancellationToken cancellationToken)
    {
        var (report, refused) = await LoadAsync(db, reportId, version, MayReview, ReviewRoleMessage, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (report!.Status != step.From)
        {
            var which = step.From == ReportStatus.Diajukan ? "yang sedang diajukan" : "yang sudah disetujui";
            return Conflict(report, $"Laporan ini berstatus {StatusName(report.Status)}; hanya laporan {which} yang dapat {step.Done}.");
        }
        var errors = new List<RuleViolation>();
        var cleaned = Reason(note, step.Missing, step.Field, errors);
        if (errors.Count > 0)
        {
            return new(Outcome.Invalid, errors, report);
        }
        var by = db.CurrentUser.Name;
        apply(report, by);
        AddStep(db, report, step.Action, cleaned, by, now);
        return await SaveAsync(db, report, cancellationToken);
    }

    private static IQueryable<SemesterReport> Find(WahanaDbContext db, Guid institutionId, Semester semester) =>
        db.SemesterReports.Where(r => r.InstitutionId == institutionId && r.Year == semester.Year && r.Half == semester.Half);

    /// <summary>The report (tracked) in scope, or the refusal: not found, wrong role, stale version.</summary>
    private static async Task<(SemesterReport? Report, Result? Refused)> LoadAsync(
        WahanaDbContext db, Guid reportId, Guid? version, Func<WahanaRole?, bool> mayAct, string roleMessage, CancellationToken cancellationToken)
    {
        var report = await db.SemesterReports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return (null, new(Outcome.NotFound, [new("", "Laporan tidak ditemukan.")], null));
        }
        if (!mayAct(db.CurrentUser.Role))
        {
            return (report, new(Outcome.Forbidden, [new("", roleMessage)], report));
        }
        if (version is { } expected && expected != report.Version)
        {
            return (report, new(Outcome.Conflict, [new("", StaleMessage)], report));
        }
        if (version is { } original)
        {
            // Another writer between this read and the save is caught by the row version too.
            db.Entry(report).Property(r => r.Version).OriginalValue = original;
        }
        return (report, null);
    }

    private static Result Conflict(SemesterReport report, string message) => new(Outcome.Conflict, [new("", message)], report);

    private static void AddStep(WahanaDbContext db, SemesterReport report, ReportAction action, string note, string by, DateTimeOffset now) =>
        db.SemesterReportSteps.Add(new SemesterReportStep { ReportId = report.Id, Action = action, Note = note, By = by, At = now });

    private static async Task<Result> SaveAsync(WahanaDbContext db, SemesterReport report, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new(Outcome.Done, [], report);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(Outcome.Conflict, [new("", StaleMessage)], report);
        }
    }

    private static (string Achievements, string Obstacles, string Plans) Clean(Narrative narrative, bool required, List<RuleViolation> errors)
    {
        var achievements = Text(narrative.Achievements);
        var obstacles = Text(narrative.Obstacles);
        var plans = Text(narrative.Plans);
        if (required && achievements.Length == 0)
        {
            errors.Add(new(nameof(Narrative.Achievements), AchievementsMissing));
        }
        if (required && plans.Length == 0)
        {
            errors.Add(new(nameof(Narrative.Plans), PlansMissing));
        }
        foreach (var (field, label, value) in new[]
        {
            (nameof(Narrative.Achievements), "Capaian", achievements),
            (nameof(Narrative.Obstacles), "Kendala", obstacles),
            (nameof(Narrative.Plans), "Rencana", plans),
        })
        {
            if (value.Length > SemesterReport.NarrativeMaxLength)
            {
                errors.Add(new(field, string.Create(CultureInfo.InvariantCulture,
                    $"{label} paling banyak {SemesterReport.NarrativeMaxLength} karakter; yang diisi {value.Length} karakter.")));
            }
        }
        return (achievements, obstacles, plans);
    }

    /// <summary>A comment or reason (field "Reason"): required when <paramref name="missing"/> says what to write.</summary>
    private static string Reason(string? text, string? missing, string label, List<RuleViolation> errors)
    {
        var value = Text(text);
        if (missing is not null && value.Length == 0)
        {
            errors.Add(new("Reason", missing));
        }
        else if (value.Length > ReasonMaxLength)
        {
            errors.Add(new("Reason", string.Create(CultureInfo.InvariantCulture, $"{label} paling banyak {ReasonMaxLength} karakter; yang diisi {value.Length} karakter.")));
        }
        return value;
    }

    /// <summary>Trimmed, with Windows line ends made plain, so lengths count what is stored.</summary>
    private static string Text(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
