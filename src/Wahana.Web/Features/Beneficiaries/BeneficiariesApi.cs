using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Beneficiaries;

/// <summary>
/// GET /api/v1/beneficiaries (the list's search and filters), GET /api/v1/beneficiaries/{id} and
/// POST /api/v1/beneficiaries/{id}/reveal, within the caller's scope. NIK and KK are masked unless revealed;
/// the forum and partners get 403 (they see no personal records).
/// </summary>
public static class BeneficiariesApi
{
    public sealed record BeneficiaryItem(
        Guid Id, string FullName, string? Nik, string? Kk, string Sex, DateOnly BirthDate, int Age, string VillageCode,
        Guid InstitutionId, IReadOnlyList<string> Categories, string Status, int? Desil, DateOnly RegisteredOn);

    public sealed record BeneficiaryPage(IReadOnlyList<BeneficiaryItem> Items, int Total, int Page, int PageSize, bool TotalCapped);

    public sealed record StatusChangeDto(string Status, DateOnly EffectiveOn, string Note, string ChangedBy, DateTimeOffset ChangedAt);

    public sealed record BeneficiaryDetail(
        Guid Id, string FullName, string? Nik, string? Kk, string? NoNikReason, string Sex, string BirthPlace, DateOnly BirthDate,
        string VillageCode, string RegencyCode, string Hamlet, string? Rt, string? Rw, string Address, string? Phone, int? Desil,
        Guid InstitutionId, IReadOnlyList<string> Categories, DateOnly? ConsentGivenOn, string? ConsentGivenBy, bool ConsentByGuardian,
        DateOnly RegisteredOn, string Status, IReadOnlyList<StatusChangeDto> StatusHistory, DateTimeOffset? ErasedAt, Guid Version);

    public sealed record RevealRequest(string? Reason);

    public sealed record RevealAnswer(string? Nik, string? Kk);

    public static void MapBeneficiariesApi(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/beneficiaries").WithTags("Penerima manfaat");
        people.MapGet("", List).RequireAuthorization(WahanaPolicies.PersonalData)
            .WithSummary("Daftar penerima manfaat dalam cakupan pengguna; NIK/KK disamarkan.")
            .WithDescription("Parameter: q (nama sebagian, atau NIK/KK lengkap), nik, kk, regency, district, village, institution, "
                + "category (kode), sex (L/P), ageGroup (0-5, 6-17, 18-59, 60+), desil, withoutNik, notServed (semester ini), status, "
                + "sort (name, age, registered; awali - untuk terbalik), page, pageSize (paling banyak 200). "
                + "total adalah jumlah yang cocok, dihitung tepat sampai 1.000; bila lebih, total = 1.000 dan totalCapped = true "
                + "(lanjutkan ke halaman berikutnya sampai halaman tidak penuh).");
        people.MapGet("/{id:guid}", Get).RequireAuthorization(WahanaPolicies.PersonalData)
            .WithSummary("Satu penerima manfaat; NIK/KK disamarkan; 404 bila di luar cakupan.");
        people.MapPost("/{id:guid}/reveal", Reveal).RequireAuthorization(WahanaPolicies.IdentityReveal)
            .WithSummary("Buka NIK dan No. KK lengkap dengan alasan (tercatat di jejak audit).");
    }

    private static async Task<Results<Ok<BeneficiaryPage>, ValidationProblem>> List(
        HttpRequest request, WahanaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var query = BeneficiaryQuery.ParseApi(request.Query, out var errors);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Parameter tidak valid.");
        }
        var today = Wib.Today(clock);
        var result = await query.LoadAsync(db, today, cancellationToken, countCap: BeneficiaryQuery.ApiCountCap);
        var items = result.Rows.Select(r => new BeneficiaryItem(
            r.Id, r.Name, r.NikMasked, r.KkMasked, BeneficiaryQuery.SexCode(r.Sex), r.BirthDate, r.Age, r.VillageCode, r.InstitutionId,
            [.. r.Categories.Select(c => c.Slug)], Slug.Of(r.Status), r.Desil, r.RegisteredOn)).ToList();
        return TypedResults.Ok(new BeneficiaryPage(items, result.Total, query.Page, query.Size, result.TotalCapped));
    }

    private static async Task<Results<Ok<BeneficiaryDetail>, NotFound>> Get(Guid id, WahanaDbContext db, CancellationToken cancellationToken)
    {
        var person = await db.Beneficiaries.AsNoTracking().Include(b => b.Categories).Include(b => b.StatusChanges)
            .SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        return person is null ? TypedResults.NotFound() : TypedResults.Ok(Detail(person));
    }

    private static async Task<Results<Ok<RevealAnswer>, NotFound, ValidationProblem>> Reveal(
        Guid id, RevealRequest? body, WahanaDbContext db, HttpResponse response, CancellationToken cancellationToken)
    {
        var person = await db.Beneficiaries.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new { b.Id, b.Nik, b.Kk }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        var (reason, error) = RevealIdentity.CheckReason(body?.Reason);
        if (reason is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [error!] }, title: "Alasan wajib diisi.");
        }
        db.AuditEntries.Add(RevealIdentity.Audit(db.CurrentUser, person.Id, reason));
        await db.SaveChangesAsync(cancellationToken);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new RevealAnswer(person.Nik, person.Kk));
    }

    public static BeneficiaryDetail Detail(Beneficiary b) => new(
        b.Id, b.Name, BeneficiaryQuery.MaskOrNull(b.Nik), BeneficiaryQuery.MaskOrNull(b.Kk), b.NoNikReason, BeneficiaryQuery.SexCode(b.Sex),
        b.BirthPlace, b.BirthDate, b.VillageCode, b.RegencyCode, b.Hamlet, b.Rt, b.Rw, b.Address, b.Phone, b.Desil, b.InstitutionId,
        [.. BeneficiaryQuery.CategoriesOf(b.Categories.Select(c => c.CategoryId)).Select(c => c.Slug)],
        b.ConsentGivenOn, b.ConsentGivenBy, b.ConsentByGuardian, b.RegisteredOn, Slug.Of(b.Status),
        [.. b.StatusChanges.OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.ChangedAt)
            .Select(c => new StatusChangeDto(Slug.Of(c.Status), c.EffectiveOn, c.Note, c.ChangedBy, c.ChangedAt))],
        b.ErasedAt, b.Version);
}
