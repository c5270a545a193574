using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Assessments;

/// <summary>
/// GET and POST /api/v1/institutions/{id}/assessments: a WKSBM's institutional-strength assessments.
/// POST creates or updates one semester's assessment under the same rules as the form.
/// </summary>
public static class AssessmentsApi
{
    /// <param name="Scores">Points in force per indicator code (verified where verified).</param>
    /// <param name="SelfScores">The board's own points per indicator code.</param>
    public sealed record AssessmentItem(
        int Year, int Half, decimal Score, string Level, string Status,
        IReadOnlyDictionary<string, int> Scores, IReadOnlyDictionary<string, int> SelfScores, string? Notes,
        string SubmittedBy, DateTimeOffset SubmittedAt, string? VerifiedBy, DateTimeOffset? VerifiedAt, Guid Version);

    /// <param name="Scores">Points 1-4 for every active indicator, by its code (e.g. "legalitas").</param>
    /// <param name="Version">The version read before; when given and no longer current, the answer is 409.</param>
    public sealed record AssessmentRequest(int Year, int Half, Dictionary<string, int>? Scores, string? Notes, Guid? Version);

    public static void MapAssessmentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/institutions/{id:guid}/assessments", List).WithTags("Penilaian")
            .WithSummary("Penilaian kelembagaan satu WKSBM, terbaru dahulu; 404 bila WKSBM di luar cakupan.");
        api.MapPost("/institutions/{id:guid}/assessments", Save).WithTags("Penilaian")
            .WithSummary("Membuat atau mengubah penilaian satu semester.")
            .WithDescription("Pengurus WKSBM mengisi penilaian mandiri (status diajukan) selama belum diverifikasi; petugas kabupaten/kota "
                + "dan admin provinsi memverifikasi atau mengoreksinya (status diverifikasi). Relawan, forum dan mitra: 403. "
                + "409 bila penilaian sudah diverifikasi (untuk pengurus) atau version tidak lagi sama. Nilai dan tingkat dihitung ulang saat disimpan.");
    }

    private static async Task<Results<Ok<List<AssessmentItem>>, NotFound>> List(Guid id, WahanaDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Institutions.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var codes = await db.AssessmentIndicators.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Code, cancellationToken);
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Scores)
            .Where(a => a.InstitutionId == id).OrderByDescending(a => a.Year).ThenByDescending(a => a.Half).ToListAsync(cancellationToken);
        return TypedResults.Ok(assessments.Select(a => ItemOf(a, codes)).ToList());
    }

    private static async Task<Results<Created<AssessmentItem>, Ok<AssessmentItem>, ValidationProblem, NotFound, ProblemHttpResult>> Save(
        Guid id, AssessmentRequest request, WahanaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var indicators = await db.AssessmentIndicators.AsNoTracking().ToListAsync(cancellationToken);
        var inputErrors = new List<RuleViolation>();
        var points = new Dictionary<int, int>();
        foreach (var (code, value) in request.Scores ?? [])
        {
            if (indicators.Find(i => i.Code == code && i.IsActive) is { } indicator)
            {
                points[indicator.Id] = value;
            }
            else
            {
                inputErrors.Add(new($"scores.{code}", $"Indikator \"{code}\" tidak dikenal atau tidak lagi dipakai."));
            }
        }
        if (request.Half is not (1 or 2))
        {
            inputErrors.Add(new("half", "Semester (half) harus 1 (Januari-Juni) atau 2 (Juli-Desember)."));
        }

        var writer = new AssessmentWriter(db, clock);
        var entry = new AssessmentEntry(request.Year, request.Half, points, request.Notes, request.Version);
        var result = await writer.SaveAsync(id, entry, inputErrors, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        foreach (var error in result.Errors ?? [])
        {
            var field = error.Field switch
            {
                nameof(Assessment.Year) => "year",
                nameof(Assessment.Notes) => "notes",
                _ when error.Field.StartsWith("Scores[", StringComparison.Ordinal) =>
                    "scores." + indicators.Find(i => error.Field == $"Scores[{i.Id}]")?.Code,
                _ => error.Field,
            };
            errors.TryAdd(field, [error.Message]);
        }
        if (result.Outcome is SaveOutcome.NotFound)
        {
            return TypedResults.NotFound();
        }
        if (result.Outcome is SaveOutcome.Forbidden)
        {
            return TypedResults.Problem(result.Message, statusCode: StatusCodes.Status403Forbidden, title: "Tidak diizinkan.");
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Penilaian tidak valid.");
        }
        if (result.Outcome is SaveOutcome.Locked or SaveOutcome.Conflict)
        {
            return TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Penilaian tidak dapat disimpan.");
        }
        var codes = indicators.ToDictionary(i => i.Id, i => i.Code);
        var item = ItemOf(result.Assessment!, codes);
        return result.Outcome == SaveOutcome.Created
            ? TypedResults.Created($"/api/v1/institutions/{id}/assessments", item)
            : TypedResults.Ok(item);
    }

    private static AssessmentItem ItemOf(Assessment a, Dictionary<int, string> codes) => new(
        a.Year, a.Half, a.Score, Slug.Of(a.Level), Slug.Of(a.Status),
        a.Scores.OrderBy(s => s.IndicatorId).ToDictionary(s => codes[s.IndicatorId], s => s.Points),
        a.Scores.OrderBy(s => s.IndicatorId).ToDictionary(s => codes[s.IndicatorId], s => s.SelfPoints),
        a.Notes, a.SubmittedBy, a.SubmittedAt, a.VerifiedBy, a.VerifiedAt, a.Version);
}
