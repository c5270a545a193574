using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Volunteers;

/// <summary>All volunteers in the user's scope (the province's, a kabupaten's or one WKSBM's).</summary>
public sealed class IndexModel(WahanaDbContext db) : PageModel
{
    public sealed record Row(Guid InstitutionId, string InstitutionName, string RegencyCode, string Name, Sex Sex, string Skills, DateOnly JoinedOn, bool IsActive);

    [BindProperty(SupportsGet = true, Name = "kabupaten")]
    public string? Regency { get; set; }

    /// <summary>"aktif" (the default) or "semua".</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    public bool ActiveOnly => Status != "semua";

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The kabupaten/kota a user may filter on: their own, or all five.</summary>
    public IEnumerable<Region> Regencies => RegionCatalog.Instance.Regencies
        .Where(r => db.CurrentUser.Scope.RegencyCode is not { } own || r.Code == own);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Volunteers.AsNoTracking();
        if (RegionCatalog.Instance.IsDiyRegency(Regency))
        {
            query = query.Where(v => v.RegencyCode == Regency);
        }
        if (ActiveOnly)
        {
            query = query.Where(v => v.IsActive);
        }
        var rows = await query
            .Join(db.Institutions, v => v.InstitutionId, i => i.Id, (v, i) => new { Institution = i, Volunteer = v })
            .OrderBy(r => r.Volunteer.RegencyCode).ThenBy(r => r.Institution.Name).ThenBy(r => r.Volunteer.Name)
            .Select(r => new { r.Institution.Id, r.Institution.Name, r.Volunteer.RegencyCode, VolunteerName = r.Volunteer.Name, r.Volunteer.Sex, r.Volunteer.Skills, r.Volunteer.JoinedOn, r.Volunteer.IsActive })
            .ToListAsync(cancellationToken);
        Rows = [.. rows.Select(r => new Row(r.Id, r.Name, r.RegencyCode, r.VolunteerName, r.Sex, r.Skills, r.JoinedOn, r.IsActive))];
    }
}
