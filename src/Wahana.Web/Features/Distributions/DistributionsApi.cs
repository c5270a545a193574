using Microsoft.AspNetCore.Http.HttpResults;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Distributions;

/// <summary>
/// GET /api/v1/distributions, GET /api/v1/distributions/{id} and POST /api/v1/distributions: group distributions within
/// the caller's scope. A POST creates the activity and one service per recipient in one transaction; any bad recipient
/// (outside the WKSBM, not active, twice) refuses the whole request with 400 and a field error on recipientIds naming
/// the ids, and nothing is saved. The forum and partners get 403 (no personal records).
/// </summary>
public static class DistributionsApi
{
    public sealed record DistributionItem(
        Guid Id, Guid InstitutionId, string InstitutionName, string Title, DateOnly Date, string Kind, string Form, string FundingSource,
        Guid? PartnerId, long ValuePerPerson, int People, long TotalValue, string RecordedBy);

    public sealed record DistributionPage(IReadOnlyList<DistributionItem> Items, int Total, int Page, int PageSize);

    public sealed record DistributionDetail(
        Guid Id, Guid InstitutionId, string InstitutionName, string Title, DateOnly Date, string Kind, string Form, string FundingSource,
        Guid? PartnerId, long ValuePerPerson, string? Notes, IReadOnlyList<Guid> RecipientIds, IReadOnlyList<Guid> VolunteerIds,
        int People, long TotalValue, string RecordedBy, DateTimeOffset CreatedAt);

    /// <summary>
    /// The body of POST: codes are the slugs of DOMAIN.md (kind "santunan", form "barang", fundingSource "dana-desa").
    /// Give valuePerPerson, or totalValue to split evenly (refused when it does not divide evenly).
    /// </summary>
    public sealed record DistributionBody(
        Guid? InstitutionId, string? Title, DateOnly? Date, string? Kind, string? Form, string? FundingSource, Guid? PartnerId,
        long? ValuePerPerson, long? TotalValue, IReadOnlyList<Guid>? RecipientIds, IReadOnlyList<Guid>? VolunteerIds, string? Notes,
        bool ConfirmLargeValue);

    public static void MapDistributionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/distributions").WithTags("Kegiatan penyaluran").RequireAuthorization(WahanaPolicies.PersonalData);
        group.MapGet("", List)
            .WithSummary("Daftar kegiatan penyaluran dalam cakupan pengguna, terbaru dahulu.")
            .WithDescription("Parameter: institution (id WKSBM), period (semester, misalnya 2026-1), page, pageSize (paling banyak 200).");
        group.MapGet("/{id:guid}", Get).WithSummary("Satu kegiatan dengan id penerima, relawan, dan jumlahnya; 404 bila di luar cakupan.");
        group.MapPost("", Create)
            .WithSummary("Catat kegiatan penyaluran: satu layanan untuk setiap penerima, dalam satu transaksi. "
                + "Penerima di luar WKSBM menolak seluruh permintaan (400, galat pada recipientIds); tidak ada yang disimpan.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<DistributionPage>, ValidationProblem>> List(
        HttpRequest request, WahanaDbContext db, CancellationToken cancellationToken)
    {
        var query = DistributionQuery.ParseApi(request.Query, out var errors);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Parameter tidak valid.");
        }
        var result = await query.LoadAsync(db, cancellationToken, clampPage: false);
        var items = result.Rows.Select(r => new DistributionItem(
            r.Id, r.InstitutionId, r.InstitutionName, r.Title, r.Date, Slug.Of(r.Kind), Slug.Of(r.Form), Slug.Of(r.FundingSource), r.PartnerId,
            r.ValuePerPerson, r.People, r.Rupiah, r.RecordedBy)).ToList();
        return TypedResults.Ok(new DistributionPage(items, result.Totals.Activities, query.Page, query.Size));
    }

    private static async Task<Results<Ok<DistributionDetail>, NotFound>> Get(Guid id, WahanaDbContext db, CancellationToken cancellationToken)
    {
        var details = await DistributionDetails.LoadAsync(db, id, cancellationToken);
        return details is null ? TypedResults.NotFound() : TypedResults.Ok(Detail(details));
    }

    private static async Task<Results<Created<DistributionDetail>, ValidationProblem, ProblemHttpResult>> Create(
        DistributionBody body, WahanaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = new DistributionRecorder.Request(
            body.InstitutionId, body.Title, body.Date, body.Kind, body.Form, body.FundingSource, body.PartnerId, body.ValuePerPerson,
            body.TotalValue, body.RecipientIds ?? [], body.VolunteerIds ?? [], body.Notes, body.ConfirmLargeValue);
        var result = await DistributionRecorder.SaveAsync(db, request, Wib.Today(clock), cancellationToken);
        switch (result.Outcome)
        {
            case DistributionRecorder.Outcome.Forbidden:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Tidak diizinkan.", detail: result.Errors[0].Message);
            case DistributionRecorder.Outcome.Invalid:
                var errors = result.Errors
                    .GroupBy(e => e.Field.Length == 0 ? "" : char.ToLowerInvariant(e.Field[0]) + e.Field[1..])
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray());
                return TypedResults.ValidationProblem(errors, title: "Kegiatan tidak disimpan; tidak ada layanan yang dicatat.");
            default:
                var details = await DistributionDetails.LoadAsync(db, result.Distribution!.Id, cancellationToken);
                return TypedResults.Created($"/api/v1/distributions/{result.Distribution.Id}", Detail(details!));
        }
    }

    private static DistributionDetail Detail(DistributionDetails details)
    {
        var d = details.Distribution;
        return new DistributionDetail(
            d.Id, d.InstitutionId, details.InstitutionName, d.Name, d.Date, Slug.Of(d.Kind), Slug.Of(d.Form), Slug.Of(d.FundingSource), d.PartnerId,
            d.ValuePerPerson, d.Notes, [.. details.Recipients.Select(r => r.BeneficiaryId)], [.. details.Volunteers.Select(v => v.Id)],
            details.People, details.Rupiah, d.RecordedBy, d.CreatedAt);
    }
}
