using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Referrals;

/// <summary>
/// GET/POST /api/v1/referrals, GET /api/v1/referrals/{id} and POST /api/v1/referrals/{id}/status, within the caller's
/// scope (the referring side and the receiving side). The forum and partners get 403: referrals are about people.
/// </summary>
public static class ReferralsApi
{
    public sealed record ReferralItem(
        Guid Id, Guid BeneficiaryId, string PersonName, Guid InstitutionId, string InstitutionName, string RegencyCode,
        string Destination, string DestinationName, Guid? DestinationInstitutionId, string? DestinationRegencyCode,
        string Reason, string Urgency, string Status, DateOnly SentOn, string SentBy, DateTimeOffset StatusChangedAt, bool Overdue, Guid Version);

    public sealed record ReferralPage(IReadOnlyList<ReferralItem> Items, int Total, int Page, int PageSize);

    /// <summary>The person as the referral shows them (the receiving side sees no more): NIK masked.</summary>
    public sealed record PersonDto(Guid Id, string FullName, int Age, string Sex, string VillageCode, string? Nik);

    public sealed record StatusChangeDto(string From, string To, string Note, string ChangedBy, DateTimeOffset ChangedAt);

    public sealed record ReferralDetail(
        Guid Id, PersonDto? Person, Guid InstitutionId, string InstitutionName, string RegencyCode,
        string Destination, string DestinationName, Guid? DestinationInstitutionId, string? DestinationRegencyCode,
        string Reason, string Urgency, string Status, DateOnly SentOn, string SentBy, DateTimeOffset CreatedAt, DateTimeOffset StatusChangedAt,
        bool Overdue, IReadOnlyList<StatusChangeDto> History, IReadOnlyList<string> AllowedNext, Guid Version);

    public static void MapReferralsApi(this RouteGroupBuilder api)
    {
        var referrals = api.MapGroup("/referrals").WithTags("Rujukan").RequireAuthorization(WahanaPolicies.PersonalData);
        referrals.MapGet("", List)
            .WithSummary("Daftar rujukan dalam cakupan pengguna (pihak perujuk dan pihak penerima).")
            .WithDescription("Parameter: direction (sent = dikirim pihak Anda, received = masuk ke pihak Anda, all), status "
                + "(dikirim, diterima, ditangani, selesai, ditolak), urgency (biasa, segera, darurat), institution (id WKSBM perujuk atau "
                + "tujuan), overdue (true: terbuka dan tanpa perubahan lebih lama dari Wahana:Referrals:OverdueDays hari), page, pageSize (paling banyak 200).");
        referrals.MapGet("/{id:guid}", Get).WithSummary("Satu rujukan dengan riwayat statusnya; 404 bila di luar cakupan.");
        referrals.MapPost("", Create)
            .WithSummary("Rujuk seorang penerima manfaat. destination: dinas-kabupaten, balai-provinsi (destinationName: BRSPA, BPRSR, BPSTW, BRTPD "
                + "atau nama lain), puskesmas (destinationName), wksbm (destinationInstitutionId), lainnya (destinationName); urgency: biasa, segera, darurat.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        referrals.MapPost("/{id:guid}/status", ChangeStatus)
            .WithSummary("Ubah status rujukan (pihak penerima): {status, note, version?}. Dikirim → Diterima → Ditangani → Selesai, atau Ditolak; "
                + "langkah lain 409, bukan pihak penerima 403, di luar cakupan 404.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<ReferralPage>, ValidationProblem>> List(
        HttpRequest request, WahanaDbContext db, TimeProvider clock, IOptionsSnapshot<ReferralOptions> options, CancellationToken cancellationToken)
    {
        var query = ReferralQuery.ParseApi(request.Query, out var errors);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Parameter tidak valid.");
        }
        var result = await query.LoadAsync(db, clock.GetUtcNow(), options.Value.OverdueDays, cancellationToken);
        var items = result.Rows.Select(r => new ReferralItem(
            r.Id, r.BeneficiaryId, r.PersonName, r.InstitutionId, r.InstitutionName, r.RegencyCode, Slug.Of(r.Destination), r.DestinationName,
            r.DestinationInstitutionId, r.DestinationRegencyCode, r.Reason, Slug.Of(r.Urgency), Slug.Of(r.Status), r.SentOn, r.SentBy,
            r.StatusChangedAt, r.Overdue, r.Version)).ToList();
        return TypedResults.Ok(new ReferralPage(items, result.Total, query.Page, query.Size));
    }

    private static async Task<Results<Ok<ReferralDetail>, NotFound>> Get(
        Guid id, WahanaDbContext db, TimeProvider clock, IOptionsSnapshot<ReferralOptions> options, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().Include(r => r.Changes).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return referral is null ? TypedResults.NotFound() : TypedResults.Ok(await DetailAsync(db, referral, clock, options.Value, cancellationToken));
    }

    private static async Task<Results<Created<ReferralDetail>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        ReferralInput input, WahanaDbContext db, TimeProvider clock, IOptionsSnapshot<ReferralOptions> options, CancellationToken cancellationToken)
    {
        var result = await ReferralCreation.CreateAsync(db, input, clock.GetUtcNow(), Wib.Today(clock), cancellationToken);
        return result.Outcome switch
        {
            ReferralCreation.Outcome.Saved => TypedResults.Created($"/api/v1/referrals/{result.Referral!.Id}",
                await DetailAsync(db, result.Referral, clock, options.Value, cancellationToken)),
            ReferralCreation.Outcome.NotFound => TypedResults.NotFound(),
            ReferralCreation.Outcome.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Tidak diizinkan.",
                detail: "Peran Anda tidak membuat rujukan."),
            _ => TypedResults.ValidationProblem(FieldErrors(result.Errors), title: "Data rujukan tidak valid; tidak ada yang disimpan."),
        };
    }

    private static async Task<Results<Ok<ReferralDetail>, ValidationProblem, NotFound, ProblemHttpResult>> ChangeStatus(
        Guid id, ReferralStatusInput input, WahanaDbContext db, TimeProvider clock, IOptionsSnapshot<ReferralOptions> options,
        CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.Include(r => r.Changes).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }
        if (!ReferralRules.MayChangeStatus(db.CurrentUser, referral))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Tidak diizinkan.",
                detail: $"Status rujukan ini hanya diubah oleh pihak penerima: {ReferralRules.AnsweredBy(referral)}.");
        }
        var result = ReferralStatusUpdate.Apply(referral, input, db.CurrentUser.Name, clock.GetUtcNow());
        switch (result.Outcome)
        {
            case ReferralStatusUpdate.Outcome.Invalid:
                return TypedResults.ValidationProblem(FieldErrors(result.Errors), title: "Data tidak valid; status tidak diubah.");
            case ReferralStatusUpdate.Outcome.NotAllowed:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Perubahan status tidak diizinkan.", detail: result.Message);
            case ReferralStatusUpdate.Outcome.Stale:
                return Stale();
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }
        return TypedResults.Ok(await DetailAsync(db, referral, clock, options.Value, cancellationToken));
    }

    private static ProblemHttpResult Stale() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Rujukan sudah diubah orang lain.", detail: ReferralStatusUpdate.StaleMessage);

    private static async Task<ReferralDetail> DetailAsync(
        WahanaDbContext db, Referral r, TimeProvider clock, ReferralOptions options, CancellationToken cancellationToken)
    {
        var person = await ReferralPerson.OfAsync(db, r, Wib.Today(clock), cancellationToken);
        var names = await ReferralQuery.InstitutionNamesAsync(db, [r.InstitutionId], cancellationToken);
        var mayChange = ReferralRules.MayChangeStatus(db.CurrentUser, r);
        return new ReferralDetail(
            r.Id,
            person is null ? null : new PersonDto(person.Id, person.Name, person.Age, Slug.Of(person.Sex), person.VillageCode, person.NikMasked),
            r.InstitutionId, names.GetValueOrDefault(r.InstitutionId, ""), r.RegencyCode, Slug.Of(r.Destination), r.DestinationName,
            r.DestinationInstitutionId, r.DestinationRegencyCode, r.Reason, Slug.Of(r.Urgency), Slug.Of(r.Status), r.SentOn, r.SentBy, r.CreatedAt,
            r.StatusChangedAt, r.IsOverdue(clock.GetUtcNow(), options.OverdueDays),
            [.. r.Changes.OrderBy(c => c.ChangedAt).Select(c => new StatusChangeDto(Slug.Of(c.From), Slug.Of(c.To), c.Note, c.ChangedBy, c.ChangedAt))],
            mayChange ? [.. Referral.AllowedNext(r.Status).Select(Slug.Of)] : [],
            r.Version);
    }

    /// <summary>Field errors keyed as the JSON fields are named ("DestinationName" → "destinationName"); a message of no field goes under "".</summary>
    private static Dictionary<string, string[]> FieldErrors(IEnumerable<RuleViolation> errors) =>
        errors.GroupBy(e => e.Field.Length == 0 ? "" : char.ToLowerInvariant(e.Field[0]) + e.Field[1..])
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray());
}
