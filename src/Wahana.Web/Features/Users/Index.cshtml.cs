using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Users;

/// <summary>The list of users, for the province admin (the folder is under the Admin policy).</summary>
public sealed class IndexModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    public sealed record UserRow(Guid Id, string UserName, string FullName, WahanaRole Role, string Scope, string Status);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "peran")]
    public WahanaRole? RoleFilter { get; set; }

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        if (RoleFilter is { } role)
        {
            query = query.Where(u => u.Role == role);
        }
        // Users number in the hundreds, so the text search runs in memory, case-insensitive on every database.
        var users = (await query.OrderBy(u => u.UserName).ToListAsync(cancellationToken))
            .Where(u => string.IsNullOrWhiteSpace(Search)
                || u.UserName!.Contains(Search.Trim(), StringComparison.OrdinalIgnoreCase)
                || u.FullName.Contains(Search.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
        var institutionNames = await db.Institutions.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
        var partnerNames = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var now = clock.GetUtcNow();
        Rows = [.. users.Select(u => new UserRow(u.Id, u.UserName!, u.FullName, u.Role,
            u.ScopeRegencyCode is { } r ? RegionCatalog.Instance.RegencyName(r)
            : u.ScopeInstitutionId is { } i ? institutionNames.GetValueOrDefault(i, "?")
            : u.ScopePartnerId is { } p ? partnerNames.GetValueOrDefault(p, "?")
            : "Seluruh DIY",
            u.IsDisabled ? "Nonaktif" : u.LockoutEnd > now ? "Terkunci" : "Aktif"))];
    }
}
