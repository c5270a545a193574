using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Volunteers;

/// <summary>The Relawan user accounts of one WKSBM, which its volunteers may be linked to.</summary>
public static class VolunteerAccounts
{
    public static async Task<IReadOnlyList<(Guid Id, string UserName)>> OfAsync(WahanaDbContext db, Guid institutionId, CancellationToken cancellationToken)
    {
        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.Role == WahanaRole.Relawan && u.ScopeInstitutionId == institutionId && !u.IsDisabled)
            .OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName })
            .ToListAsync(cancellationToken);
        return [.. accounts.Select(a => (a.Id, a.UserName ?? ""))];
    }
}
