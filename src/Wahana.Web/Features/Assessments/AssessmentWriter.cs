using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;

namespace Wahana.Web.Features.Assessments;

/// <summary>What the signed-in user may do with the assessments of a WKSBM they can see.</summary>
public enum AssessmentRight
{
    /// <summary>Relawan, forum and partners: read only.</summary>
    Read,

    /// <summary>The WKSBM's board: its own self-assessment, while it is not yet verified.</summary>
    SelfAssess,

    /// <summary>The district office and the province admin: verify or correct, or assess directly.</summary>
    Verify,
}

/// <summary>One semester's points as entered: indicator id to points (1-4); a missing indicator is an error.</summary>
public sealed record AssessmentEntry(int Year, int Half, IReadOnlyDictionary<int, int> Points, string? Notes, Guid? ExpectedVersion);

public enum SaveOutcome
{
    Created,
    Updated,
    NotFound,
    Forbidden,
    Invalid,

    /// <summary>A board member tried to change an assessment that is already verified.</summary>
    Locked,

    /// <summary>Someone else saved the assessment since the writer read it.</summary>
    Conflict,
}

public sealed record SaveResult(SaveOutcome Outcome, Assessment? Assessment = null, IReadOnlyList<RuleViolation>? Errors = null, string? Message = null);

/// <summary>
/// Creates or updates one semester's assessment of a WKSBM under the rules the form and the API share: the
/// caller's role decides self-assessment or verification, the score and level are computed from the active
/// indicators and thresholds of the moment, and the Version token catches a concurrent writer.
/// </summary>
public sealed class AssessmentWriter(WahanaDbContext db, TimeProvider clock)
{
    public const int MaxNotesLength = 2000;

    public static AssessmentRight RightOf(WahanaRole? role) => role switch
    {
        WahanaRole.PengurusWksbm => AssessmentRight.SelfAssess,
        WahanaRole.PetugasKabupaten or WahanaRole.AdminProvinsi => AssessmentRight.Verify,
        _ => AssessmentRight.Read,
    };

    public static string LockedMessage => "Penilaian ini sudah diverifikasi Dinas Sosial dan tidak dapat diubah lagi oleh pengurus.";

    public static string ChangedMessage(Assessment current) =>
        $"Penilaian ini sudah disimpan oleh {LastWriter(current)} pada {Wib.Format(LastWrittenAt(current))} setelah Anda membacanya.";

    public static string LastWriter(Assessment a) => a.Status == AssessmentStatus.Diverifikasi ? a.VerifiedBy ?? a.SubmittedBy : a.SubmittedBy;

    public static DateTimeOffset LastWrittenAt(Assessment a) => a.Status == AssessmentStatus.Diverifikasi ? a.VerifiedAt ?? a.SubmittedAt : a.SubmittedAt;

    public Task<List<AssessmentIndicator>> ActiveIndicatorsAsync(CancellationToken cancellationToken) =>
        db.AssessmentIndicators.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(cancellationToken);

    /// <param name="inputErrors">Errors the caller found in the input itself (e.g. an unknown indicator code): nothing is saved.</param>
    public async Task<SaveResult> SaveAsync(
        Guid institutionId, AssessmentEntry entry, IReadOnlyList<RuleViolation> inputErrors, CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId)
            .Select(i => new { i.Id, i.RegencyCode }).SingleOrDefaultAsync(cancellationToken);
        if (institution is null)
        {
            return new(SaveOutcome.NotFound);
        }
        var right = RightOf(db.CurrentUser.Role);
        if (right == AssessmentRight.Read)
        {
            return new(SaveOutcome.Forbidden, Message: "Peran Anda hanya dapat melihat penilaian kelembagaan.");
        }

        var assessment = await db.Assessments.Include(a => a.Scores)
            .SingleOrDefaultAsync(a => a.InstitutionId == institutionId && a.Year == entry.Year && a.Half == entry.Half, cancellationToken);
        if (assessment is not null && right == AssessmentRight.SelfAssess && assessment.Status == AssessmentStatus.Diverifikasi)
        {
            return new(SaveOutcome.Locked, assessment, Message: LockedMessage);
        }
        if (assessment is not null && entry.ExpectedVersion is { } expected && expected != assessment.Version)
        {
            return new(SaveOutcome.Conflict, assessment, Message: ChangedMessage(assessment));
        }

        var indicators = await ActiveIndicatorsAsync(cancellationToken);
        var thresholds = await db.StrengthThresholds.AsNoTracking().OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken) ?? new StrengthThresholds();
        var isNew = assessment is null;
        assessment ??= new Assessment { InstitutionId = institution.Id, RegencyCode = institution.RegencyCode, Year = entry.Year, Half = entry.Half };
        var errors = inputErrors.Concat(Apply(assessment, entry, indicators, right)).ToList();
        errors.AddRange(assessment.Validate(indicators, Wib.Today(clock)).Where(v => errors.TrueForAll(e => e.Field != v.Field)));
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new(SaveOutcome.Invalid, Errors: errors);
        }

        assessment.Compute(indicators, thresholds);
        if (isNew)
        {
            db.Assessments.Add(assessment);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another writer saved (or created) this semester's assessment between our read and our write.
            db.ChangeTracker.Clear();
            var current = await db.Assessments.AsNoTracking()
                .SingleOrDefaultAsync(a => a.InstitutionId == institutionId && a.Year == entry.Year && a.Half == entry.Half, cancellationToken);
            if (current is null)
            {
                throw;
            }
            return new(SaveOutcome.Conflict, current, Message: ChangedMessage(current));
        }
        return new(isNew ? SaveOutcome.Created : SaveOutcome.Updated, assessment);
    }

    /// <summary>Puts the entered points where the caller's right puts them: self points, or verified points.</summary>
    private List<RuleViolation> Apply(Assessment assessment, AssessmentEntry entry, List<AssessmentIndicator> indicators, AssessmentRight right)
    {
        var errors = new List<RuleViolation>();
        foreach (var indicator in indicators)
        {
            if (!entry.Points.TryGetValue(indicator.Id, out var points))
            {
                errors.Add(new($"Scores[{indicator.Id}]", $"Beri nilai 1-4 untuk indikator \"{indicator.Name}\"."));
                continue;
            }
            var score = assessment.Scores.Find(s => s.IndicatorId == indicator.Id);
            if (score is null)
            {
                // New for this assessment: an officer assessing directly gives the self points too.
                score = new AssessmentScore { AssessmentId = assessment.Id, IndicatorId = indicator.Id, SelfPoints = points };
                assessment.Scores.Add(score);
                if (db.Entry(assessment).State != EntityState.Detached)
                {
                    db.AssessmentScores.Add(score);
                }
            }
            if (right == AssessmentRight.SelfAssess)
            {
                score.SelfPoints = points;
            }
            else
            {
                score.VerifiedPoints = points;
            }
        }

        var notes = string.IsNullOrWhiteSpace(entry.Notes) ? null : entry.Notes.Trim();
        if (notes?.Length > MaxNotesLength)
        {
            errors.Add(new(nameof(Assessment.Notes), $"Catatan paling panjang {MaxNotesLength} karakter."));
        }
        assessment.Notes = notes;
        var now = clock.GetUtcNow();
        if (right == AssessmentRight.SelfAssess)
        {
            assessment.Status = AssessmentStatus.Diajukan;
            assessment.SubmittedBy = db.CurrentUser.Name;
            assessment.SubmittedAt = now;
        }
        else
        {
            if (assessment.SubmittedBy.Length == 0)
            {
                assessment.SubmittedBy = db.CurrentUser.Name;
                assessment.SubmittedAt = now;
            }
            assessment.Status = AssessmentStatus.Diverifikasi;
            assessment.VerifiedBy = db.CurrentUser.Name;
            assessment.VerifiedAt = now;
        }
        return errors;
    }
}
