using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Institutions;

/// <summary>The audit trail of a WKSBM: changes to it, its board, volunteers and documents.</summary>
public static class InstitutionAudit
{
    public const int Shown = 50;

    public static async Task<IReadOnlyList<AuditEntry>> LatestAsync(WahanaDbContext db, Guid institutionId, CancellationToken cancellationToken)
    {
        var id = institutionId.ToString();
        string[] childTypes = [nameof(BoardMember), nameof(Volunteer), nameof(InstitutionDocument)];
        // Child rows name their WKSBM in their InstitutionId value.
        return await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(Institution) && a.EntityId == id)
                || (childTypes.Contains(a.EntityType) && (a.NewValues!.Contains(id) || a.OldValues!.Contains(id))))
            .OrderByDescending(a => a.At)
            .Take(Shown)
            .ToListAsync(cancellationToken);
    }
}
