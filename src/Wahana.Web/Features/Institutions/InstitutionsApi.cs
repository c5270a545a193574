using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Institutions;

/// <summary>GET /api/v1/institutions and /api/v1/institutions/{id}, within the caller's scope.</summary>
public static class InstitutionsApi
{
    public const int MaxPageSize = 200;

    public sealed record InstitutionItem(Guid Id, string Name, string VillageCode, string VillageName, string RegencyCode, string Hamlet, string Status);

    public sealed record BoardMemberDto(string Name, string Position, string? Phone, DateOnly? TermStart, DateOnly? TermEnd);

    public sealed record InstitutionDetail(
        Guid Id, string Name, string VillageCode, string VillageName, string RegencyCode, string Hamlet, string Address,
        string Status, string? DeactivationReason, string? Phone, string? Email, DateOnly? EstablishedOn, string? DecreeNumber,
        DateOnly? DecreeDate, string? DecreeIssuer, IReadOnlyList<BoardMemberDto> BoardMembers, Guid Version);

    public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

    public static void MapInstitutionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/institutions", List).WithTags("WKSBM").WithSummary("Daftar WKSBM dalam cakupan pengguna.");
        api.MapGet("/institutions/{id:guid}", Get).WithTags("WKSBM").WithSummary("Satu WKSBM; 404 bila di luar cakupan.");
    }

    private static async Task<Results<Ok<ListPage<InstitutionItem>>, ValidationProblem>> List(
        WahanaDbContext db, string? regency, int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = ["Halaman dimulai dari 1."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"Ukuran halaman 1 sampai {MaxPageSize}."];
        }
        if (regency is not null && !RegionCatalog.Instance.IsDiyRegency(regency))
        {
            errors["regency"] = ["Kode kabupaten/kota tidak dikenal (contoh: 34.02)."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Parameter tidak valid.");
        }
        var query = db.Institutions.AsNoTracking();
        if (regency is not null)
        {
            query = query.Where(i => i.RegencyCode == regency);
        }
        var total = await query.CountAsync();
        var rows = await query.OrderBy(i => i.VillageCode).ThenBy(i => i.Name)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(i => new { i.Id, i.Name, i.VillageCode, i.RegencyCode, i.Hamlet, i.Status })
            .ToListAsync();
        var regions = RegionCatalog.Instance;
        var items = rows.Select(i => new InstitutionItem(i.Id, i.Name, i.VillageCode, regions.Find(i.VillageCode)?.Name ?? "",
            i.RegencyCode, i.Hamlet, Slug.Of(i.Status))).ToList();
        return TypedResults.Ok(new ListPage<InstitutionItem>(items, total, page, pageSize));
    }

    private static async Task<Results<Ok<InstitutionDetail>, NotFound>> Get(Guid id, WahanaDbContext db)
    {
        var institution = await db.Institutions.AsNoTracking().Include(i => i.BoardMembers).SingleOrDefaultAsync(i => i.Id == id);
        if (institution is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(Detail(institution));
    }

    public static InstitutionDetail Detail(Institution institution) => new(
        institution.Id, institution.Name, institution.VillageCode, RegionCatalog.Instance.Find(institution.VillageCode)?.Name ?? "",
        institution.RegencyCode, institution.Hamlet, institution.Address, Slug.Of(institution.Status), institution.DeactivationReason,
        institution.Phone, institution.Email, institution.EstablishedOn, institution.DecreeNumber, institution.DecreeDate, institution.DecreeIssuer,
        [.. institution.BoardMembers.OrderBy(m => m.Position).Select(m => new BoardMemberDto(m.Name, Slug.Of(m.Position), m.Phone, m.TermStart, m.TermEnd))],
        institution.Version);
}
