using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Services;

/// <summary>
/// GET/POST /api/v1/services, GET/PUT/DELETE /api/v1/services/{id}: single services within the caller's scope, with
/// the rules of the form (<see cref="ServiceEditor"/>). Codes are slugs; the value is whole rupiah. The forum and
/// partners get 403 (no personal records); a service or person out of scope answers 404.
/// </summary>
public static class ServicesApi
{
    public sealed record ServiceItem(
        Guid Id, Guid BeneficiaryId, Guid InstitutionId, DateOnly Date, string Kind, string Form, long Value, string FundingSource,
        Guid? PartnerId, IReadOnlyList<Guid> VolunteerIds, string? Notes, Guid? DistributionId, bool HasPhoto, string RecordedBy,
        DateTimeOffset CreatedAt, Guid Version);

    public sealed record ServicePage(IReadOnlyList<ServiceItem> Items, int Total, int Page, int PageSize, int People, long TotalValue);

    /// <summary>A service to record or change. <c>value</c> is a whole number of rupiah, or text as typed ("150.000").</summary>
    public sealed record ServiceBody(
        Guid? Id, Guid? BeneficiaryId, Guid? InstitutionId, DateOnly? Date, string? Kind, string? Form, JsonElement? Value,
        string? FundingSource, Guid? PartnerId, List<Guid>? VolunteerIds, string? Notes, bool ConfirmLargeValue, Guid? Version);

    public sealed record DeleteBody(string? Reason);

    public static void MapServicesApi(this RouteGroupBuilder api)
    {
        var services = api.MapGroup("/services").WithTags("Layanan").RequireAuthorization(WahanaPolicies.PersonalData);
        services.MapGet("", List)
            .WithSummary("Daftar layanan dalam cakupan pengguna, terbaru dahulu.")
            .WithDescription("Parameter: institution (id WKSBM), beneficiary (id penerima), period (semester, mis. 2026-1), "
                + "kind (santunan, pemberdayaan, perlindungan, rehabilitasi-sosial), page, pageSize (paling banyak 200). "
                + "total, people dan totalValue dihitung atas semua yang cocok.");
        services.MapGet("/{id:guid}", Get).WithSummary("Satu layanan; 404 bila di luar cakupan.");
        services.MapPost("", Create)
            .WithSummary("Catat satu layanan untuk satu penerima manfaat. 404 bila penerima di luar cakupan; 409 bila semester sudah terkunci (laporan disetujui).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        services.MapPut("/{id:guid}", Update)
            .WithSummary("Ubah layanan; sertakan version. 409 bila sudah diubah orang lain atau semester terkunci.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        services.MapDelete("/{id:guid}", Delete)
            .WithSummary("Hapus layanan (dicatat, tidak dihapus dari basis data) dengan alasan: ?reason=... atau {\"reason\"}. Relawan tidak boleh (403).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<ServicePage>, ValidationProblem>> List(HttpRequest request, WahanaDbContext db, CancellationToken cancellationToken)
    {
        var query = ServiceQuery.ParseApi(request.Query, out var errors);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Parameter tidak valid.");
        }
        var totals = await ServiceQuery.TotalsAsync(query.Filter(db), cancellationToken);
        var page = await query.Filter(db).OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
            .Skip((query.Page - 1) * query.Size).Take(query.Size).ToListAsync(cancellationToken);
        var ids = page.Select(s => s.Id).ToList();
        var volunteers = await db.ServiceVolunteers.AsNoTracking().Where(v => ids.Contains(v.ServiceId)).ToListAsync(cancellationToken);
        var byService = volunteers.ToLookup(v => v.ServiceId, v => v.VolunteerId);
        var items = page.Select(s => Item(s, [.. byService[s.Id]])).ToList();
        return TypedResults.Ok(new ServicePage(items, totals.Services, query.Page, query.Size, totals.People, totals.Rupiah));
    }

    private static async Task<Results<Ok<ServiceItem>, NotFound>> Get(Guid id, WahanaDbContext db, CancellationToken cancellationToken)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Volunteers).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return service is null ? TypedResults.NotFound() : TypedResults.Ok(Item(service));
    }

    private static async Task<Results<Created<ServiceItem>, ValidationProblem, ProblemHttpResult>> Create(
        ServiceBody body, WahanaDbContext db, ServicePhotos photos, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await ServiceEditor.SaveAsync(db, photos, null, Input(body), null, Wib.Today(clock), cancellationToken);
        if (result.Outcome == ServiceEditor.Outcome.Saved)
        {
            return TypedResults.Created($"/api/v1/services/{result.Service!.Id}", Item(result.Service));
        }
        return result.Outcome == ServiceEditor.Outcome.Invalid ? Invalid(result) : Problem(result);
    }

    private static async Task<Results<Ok<ServiceItem>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, ServiceBody body, WahanaDbContext db, ServicePhotos photos, TimeProvider clock, CancellationToken cancellationToken)
    {
        var service = await db.Services.Include(s => s.Volunteers).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (service is null)
        {
            return TypedResults.NotFound();
        }
        var input = Input(body);
        input.Id = null;
        var result = await ServiceEditor.SaveAsync(db, photos, service, input, null, Wib.Today(clock), cancellationToken);
        if (result.Outcome == ServiceEditor.Outcome.Saved)
        {
            return TypedResults.Ok(Item(result.Service!));
        }
        return result.Outcome == ServiceEditor.Outcome.Invalid ? Invalid(result) : Problem(result);
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Delete(
        Guid id, HttpRequest request, WahanaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var service = await db.Services.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (service is null)
        {
            return TypedResults.NotFound();
        }
        var reason = request.Query["reason"].FirstOrDefault();
        if (reason is null && request.HasJsonContentType())
        {
            try
            {
                reason = (await request.ReadFromJsonAsync<DeleteBody>(cancellationToken))?.Reason;
            }
            catch (JsonException)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Isi permintaan bukan JSON yang sah.");
            }
        }
        var result = await ServiceEditor.DeleteAsync(db, service, reason, clock.GetUtcNow(), cancellationToken);
        if (result.Outcome == ServiceEditor.Outcome.Saved)
        {
            return TypedResults.NoContent();
        }
        return result.Outcome == ServiceEditor.Outcome.Invalid ? Invalid(result) : Problem(result);
    }

    private static ServiceInput Input(ServiceBody body)
    {
        var input = new ServiceInput
        {
            Id = body.Id,
            BeneficiaryId = body.BeneficiaryId,
            InstitutionId = body.InstitutionId,
            Date = body.Date,
            Kind = body.Kind,
            Form = body.Form,
            FundingSource = body.FundingSource,
            PartnerId = body.PartnerId,
            VolunteerIds = body.VolunteerIds ?? [],
            Notes = body.Notes,
            ConfirmLargeValue = body.ConfirmLargeValue,
            Version = body.Version,
        };
        switch (body.Value)
        {
            case null:
            case { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }:
                break;
            case { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out var whole):
                input.ValueRupiah = whole;
                break;
            case { ValueKind: JsonValueKind.String } text:
                input.Value = text.GetString() ?? "";
                if (input.Value.Trim().Length == 0)
                {
                    // Blank text from the API is not a value: the value is required.
                    input.Value = null;
                }
                break;
            default:
                input.ValueUnreadable = true;
                break;
        }
        return input;
    }

    public static ServiceItem Item(Service s, IReadOnlyList<Guid>? volunteerIds = null) => new(
        s.Id, s.BeneficiaryId, s.InstitutionId, s.Date, Slug.Of(s.Kind), Slug.Of(s.Form), s.ValueRupiah, Slug.Of(s.FundingSource),
        s.PartnerId, volunteerIds ?? [.. s.Volunteers.Select(v => v.VolunteerId)], s.Notes, s.DistributionId, s.PhotoFile is not null,
        s.RecordedBy, s.CreatedAt, s.Version);

    private static ValidationProblem Invalid(ServiceEditor.Result result) =>
        TypedResults.ValidationProblem(FieldErrors(result.Errors), title: "Data tidak valid; tidak ada yang disimpan.");

    private static ProblemHttpResult Problem(ServiceEditor.Result result) => result.Outcome switch
    {
        ServiceEditor.Outcome.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Tidak diizinkan.", detail: result.Message),
        ServiceEditor.Outcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tidak ditemukan.", detail: result.Message),
        ServiceEditor.Outcome.Stale => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Data sudah diubah orang lain.",
            detail: "Layanan ini diubah setelah Anda membacanya. Ambil versi terbaru (GET), periksa, lalu kirim lagi dengan version yang baru."),
        ServiceEditor.Outcome.Locked => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Semester terkunci.", detail: result.Message),
        ServiceEditor.Outcome.Duplicate => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Layanan sudah tercatat.", detail: result.Message),
        _ => throw new InvalidOperationException($"Not a problem outcome: {result.Outcome}."),
    };

    /// <summary>Field errors keyed as the JSON fields are named ("VolunteerIds" → "volunteerIds"); errors of no field are left out.</summary>
    private static Dictionary<string, string[]> FieldErrors(IEnumerable<RuleViolation> errors) =>
        errors.Where(e => e.Field.Length > 0)
            .GroupBy(e => char.ToLowerInvariant(e.Field[0]) + e.Field[1..])
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray());
}
