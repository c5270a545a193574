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
        Rows = await query
            .Join(db.Institutions, v => v.InstitutionId, i => i.Id, (v, i) => new Row(i.Id, i.Name, v.RegencyCode, v.Name, v.Sex, v.Skills, v.JoinedOn, v.IsActive))
            .OrderBy(r => r.RegencyCode).ThenBy(r => r.InstitutionName).ThenBy(r => r.Name)
            .ToListAsync(cancellationToken);
    }
}
