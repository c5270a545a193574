using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;

namespace Wahana.Web.Features.Beneficiaries;

/// <summary>
/// POST /api/v1/beneficiaries, PUT /api/v1/beneficiaries/{id} and POST /api/v1/beneficiaries/check: the entry form's
/// rules and duplicate checks (<see cref="BeneficiaryEditor"/>), answered as JSON and ProblemDetails.
/// </summary>
public static class BeneficiariesWriteApi
{
    /// <summary>A beneficiary as the write endpoints answer it: NIK and KK masked.</summary>
    public sealed record BeneficiaryItem(
        Guid Id, string FullName, string? Nik, string? Kk, string Sex, DateOnly BirthDate, string VillageCode, Guid InstitutionId,
        IReadOnlyList<string> Categories, string Status, Guid Version);

    /// <summary>Who holds a NIK: the WKSBM and its kabupaten/kota; the record's id only when it is in the caller's scope.</summary>
    public sealed record HolderDto(
        string InstitutionName,
        string RegencyName,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? Id);

    /// <summary>
    /// A likely duplicate. Out of the caller's scope only the WKSBM, its kabupaten/kota and the matcher's reasons (and the
    /// opaque id to name in <c>confirmDifferentFrom</c>); the personal fields are left out altogether.
    /// </summary>
    public sealed record CandidateDto(
        Guid Id,
        double Score,
        string Reasons,
        string InstitutionName,
        string RegencyName,
        bool InScope,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FullName,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Nik,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? BirthDate,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? VillageCode);

    public sealed record CheckResult(bool Valid, IDictionary<string, string[]> Errors, HolderDto? DuplicateNik, IReadOnlyList<CandidateDto> Candidates);

    public static void MapBeneficiariesWriteApi(this RouteGroupBuilder api)
    {
        api.MapPost("/beneficiaries", Create).WithTags("Penerima manfaat")
            .WithSummary("Daftarkan penerima manfaat. 409 bila NIK sudah terdaftar (pemegangnya disebut) atau ada data yang mirip (candidates; kirim ulang dengan confirmDifferentFrom).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/beneficiaries/{id:guid}", Update).WithTags("Penerima manfaat")
            .WithSummary("Ubah penerima manfaat; sertakan version. 409 bila sudah diubah orang lain; 404 di luar cakupan.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/beneficiaries/check", Check).WithTags("Penerima manfaat")
            .WithSummary("Periksa isian dan cari duplikat tanpa menyimpan.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Created<BeneficiaryItem>, ValidationProblem, ProblemHttpResult>> Create(
        BeneficiaryInput input, WahanaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!BeneficiaryEditor.MayWrite(db.CurrentUser.Role))
        {
            return NotYourRole();
        }
        var result = await BeneficiaryEditor.SaveAsync(db, null, input, clock.GetUtcNow(), Wib.Today(clock), dryRun: false, cancellationToken);
        if (result.Outcome == BeneficiaryEditor.Outcome.Saved)
        {
            return TypedResults.Created($"/api/v1/beneficiaries/{result.Beneficiary!.Id}", Item(result.Beneficiary));
        }
        return result.Outcome == BeneficiaryEditor.Outcome.Invalid ? Invalid(result) : ProblemOf(result);
    }

    private static async Task<Results<Ok<BeneficiaryItem>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, BeneficiaryInput input, WahanaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!BeneficiaryEditor.MayWrite(db.CurrentUser.Role))
        {
            return NotYourRole();
        }
        var person = await db.Beneficiaries.Include(b => b.Categories)
            .SingleOrDefaultAsync(b => b.Id == id && b.ErasedAt == null, cancellationToken);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        var result = await BeneficiaryEditor.SaveAsync(db, person, input, clock.GetUtcNow(), Wib.Today(clock), dryRun: false, cancellationToken);
        if (result.Outcome == BeneficiaryEditor.Outcome.Saved)
        {
            return TypedResults.Ok(Item(result.Beneficiary!));
        }
        return result.Outcome == BeneficiaryEditor.Outcome.Invalid ? Invalid(result) : ProblemOf(result);
    }

    private static async Task<Results<Ok<CheckResult>, ProblemHttpResult>> Check(
        BeneficiaryInput input, WahanaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!BeneficiaryEditor.MayWrite(db.CurrentUser.Role))
        {
            return NotYourRole();
        }
        var result = await BeneficiaryEditor.SaveAsync(db, null, input, clock.GetUtcNow(), Wib.Today(clock), dryRun: true, cancellationToken);
        if (result.Outcome == BeneficiaryEditor.Outcome.Forbidden)
        {
            return Forbidden(result);
        }
        var holder = result.Holder is { } h ? new HolderDto(h.InstitutionName, h.RegencyName, h.BeneficiaryId) : null;
        return TypedResults.Ok(new CheckResult(
            result.Outcome == BeneficiaryEditor.Outcome.Saved, FieldErrors(result.Errors), holder, [.. result.Candidates.Select(Candidate)]));
    }

    private static ValidationProblem Invalid(BeneficiaryEditor.Result result) =>
        TypedResults.ValidationProblem(FieldErrors(result.Errors), title: "Data tidak valid; tidak ada yang disimpan.");

    private static ProblemHttpResult ProblemOf(BeneficiaryEditor.Result result) => result.Outcome switch
    {
        BeneficiaryEditor.Outcome.Forbidden => Forbidden(result),
        BeneficiaryEditor.Outcome.Stale => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
            title: "Data sudah diubah orang lain.",
            detail: "Data orang ini diubah setelah Anda membacanya. Ambil versi terbaru (GET), periksa, lalu kirim lagi dengan version yang baru."),
        BeneficiaryEditor.Outcome.DuplicateNik => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
            title: "NIK sudah terdaftar.",
            detail: $"NIK ini sudah terdaftar di {result.Holder!.InstitutionName}, {result.Holder.RegencyName}. Satu orang hanya boleh punya satu data; mintalah layanan bersama kepada WKSBM tersebut.",
            extensions: new Dictionary<string, object?>
            {
                ["holder"] = new HolderDto(result.Holder.InstitutionName, result.Holder.RegencyName, result.Holder.BeneficiaryId),
            }),
        BeneficiaryEditor.Outcome.LikelyDuplicates => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
            title: "Mungkin orang ini sudah terdaftar.",
            detail: "Ada data yang mirip. Bila orang yang berbeda, kirim ulang dengan confirmDifferentFrom berisi id setiap kandidat; bila sama, gunakan data yang sudah ada.",
            extensions: new Dictionary<string, object?> { ["candidates"] = result.Candidates.Select(Candidate).ToList() }),
        _ => throw new InvalidOperationException($"Not a problem outcome: {result.Outcome}."),
    };

    private static ProblemHttpResult Forbidden(BeneficiaryEditor.Result result) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Tidak diizinkan.",
            detail: result.Errors.Count > 0 ? result.Errors[0].Message : BeneficiaryEditor.ForbiddenInstitutionMessage);

    private static ProblemHttpResult NotYourRole() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Tidak diizinkan.",
            detail: "Peran Anda tidak mengolah data pribadi penerima manfaat.");

    private static CandidateDto Candidate(BeneficiaryEditor.Candidate c) =>
        new(c.Id, c.Score, c.Reasons, c.InstitutionName, c.RegencyName, c.InScope, c.FullName, c.MaskedNik, c.BirthDate, c.VillageCode);

    public static BeneficiaryItem Item(Beneficiary b) => new(
        b.Id, b.Name, b.Nik is null ? null : Nik.Mask(b.Nik), b.Kk is null ? null : Nik.Mask(b.Kk), BeneficiaryInput.SexCode(b.Sex), b.BirthDate,
        b.VillageCode, b.InstitutionId,
        [.. b.Categories.OrderBy(c => c.CategoryId).Select(c => PpksCategory.All.First(p => p.Id == c.CategoryId).Slug)],
        Slug.Of(b.Status), b.Version);

    /// <summary>Field errors keyed as the JSON fields are named ("VillageCode" → "villageCode"); errors of no field are left out.</summary>
    private static Dictionary<string, string[]> FieldErrors(IEnumerable<RuleViolation> errors) =>
        errors.Where(e => e.Field.Length > 0)
            .GroupBy(e => char.ToLowerInvariant(e.Field[0]) + e.Field[1..])
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray());
}
