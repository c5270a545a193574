using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Infrastructure.Auth;

/// <summary>Describes a scope in words for the screen: "Seluruh DIY", "Kabupaten Bantul", "WKSBM ...".</summary>
public static class ScopeText
{
    public static async Task<string> DescribeAsync(AccessScope scope, WahanaDbContext db, CancellationToken cancellationToken = default)
    {
        if (scope.RegencyCode is { } regency)
        {
            return RegionCatalog.Instance.RegencyName(regency);
        }
        if (scope.InstitutionId is { } institutionId)
        {
            return await db.Institutions.Where(i => i.Id == institutionId).Select(i => i.Name).SingleOrDefaultAsync(cancellationToken) ?? "WKSBM";
        }
        if (scope.PartnerId is { } partnerId)
        {
            var partner = await db.Partners.Where(p => p.Id == partnerId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
            return $"Seluruh DIY (mitra: {partner})";
        }
        return "Seluruh DIY";
    }
}
