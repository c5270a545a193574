using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.Institutions;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Duplicates;

/// <summary>
/// GET /api/v1/duplicates (the review queue) and POST /api/v1/duplicates/{id}/decision, for the offices that
/// review the registry (AdminProvinsi, PetugasKabupaten); pairs in the caller's scope only. Identity numbers masked.
/// </summary>
public static class DuplicatesApi
{
    public const int MaxPageSize = 200;

    public sealed record PersonDto(Guid Id, string FullName, string? Nik, DateOnly BirthDate, string VillageCode, Guid InstitutionId);

    public sealed record PairDto(
        Guid Id, double Score, string Reasons, PersonDto First, PersonDto Second, DuplicateDecision? Decision, string? DecidedBy,
        DateTimeOffset? DecidedAt, string? Note);

    /// <summary>The decision: "beda-orang" (with a note) or "digabung" (with the id of the record to keep).</summary>
    public sealed record DecisionInput(string? Decision, Guid? KeepId, string? Note);

    public static void MapDuplicatesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/duplicates").RequireAuthorization(WahanaPolicies.RegistryReview).WithTags("Duplikat");
        group.MapGet("", List).WithSummary("Antrean pasangan catatan yang mungkin orang yang sama, dalam cakupan pengguna.");
        group.MapPost("/{id:guid}/decision", Decide)
            .WithSummary("Putuskan satu pasangan: beda-orang (dengan catatan) atau digabung (dengan keepId).");
    }

    private static async Task<Results<Ok<InstitutionsApi.ListPage<PairDto>>, ValidationProblem>> List(
        WahanaDbContext db, string? status, string? regency, CancellationToken cancellationToken, int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (status is not null and not ("open" or "decided"))
        {
            errors["status"] = ["Status: open (belum diputuskan) atau decided (sudah diputuskan)."];
        }
        if (regency is not null && !RegionCatalog.Instance.IsDiyRegency(regency))
        {
            errors["regency"] = ["Kode kabupaten/kota tidak dikenal (contoh: 34.02)."];
        }
        if (page < 1)
        {
            errors["page"] = ["Halaman dimulai dari 1."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"Ukuran halaman 1 sampai {MaxPageSize}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Parameter tidak valid.");
        }
        var query = new ReviewQuery
        {
            Status = status == "decided" ? QueueStatus.Decided : QueueStatus.Open,
            RegencyCode = regency,
            Page = page,
            Size = pageSize,
        };
        var result = await query.LoadAsync(db, cancellationToken);
        // The page asked for, even past the last one (then empty), as GET /api/v1/institutions answers.
        var items = result.Page == page ? result.Rows.Select(Dto).ToList() : [];
        return TypedResults.Ok(new InstitutionsApi.ListPage<PairDto>(items, result.Total, page, pageSize));
    }

    private static async Task<Results<Ok<PairDto>, NotFound, ValidationProblem, ProblemHttpResult>> Decide(
        Guid id, [FromBody] DecisionInput input, WahanaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        DuplicateDecision? decision = input.Decision is null ? null
            : Slug.TryParse<DuplicateDecision>(input.Decision, out var parsed) ? parsed : null;
        if (input.Decision is not null && decision is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["decision"] = ["Keputusan: beda-orang atau digabung."] }, title: "Data tidak valid.");
        }
        var result = await DuplicateDecisions.DecideAsync(db, id, new(decision, input.KeepId, input.Note), clock, cancellationToken);
        switch (result.Outcome)
        {
            case DuplicateDecisions.Outcome.NotFound:
                return TypedResults.NotFound();
            case DuplicateDecisions.Outcome.Invalid:
                return InstitutionsWriteApi.Problem(result.Errors);
            case DuplicateDecisions.Outcome.AlreadyDecided:
                return TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Sudah diputuskan.");
        }
        var pair = await ReviewQuery.Pairs(db).AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken);
        var sides = await ReviewQuery.SidesAsync(db, [pair.FirstId, pair.SecondId], cancellationToken);
        return TypedResults.Ok(Dto(ReviewQuery.RowOf(pair, sides)));
    }

    private static PairDto Dto(ReviewQuery.Row row) => new(
        row.Id, row.Score, row.Reasons, Person(row.First), Person(row.Second), row.Decision, row.DecidedBy, row.DecidedAt, row.Note);

    private static PersonDto Person(ReviewQuery.Side side) =>
        new(side.Id, side.Name, side.NikMasked, side.BirthDate, side.VillageCode, side.InstitutionId);
}
