using Microsoft.EntityFrameworkCore;
using Wahana.Web.Domain;

namespace Wahana.Web.Data.Seeding;

/// <summary>Puts the shipped reference data (DIY regions, the 26 PPKS categories) into the database when missing.</summary>
public static class ReferenceData
{
    public static async Task EnsureAsync(WahanaDbContext db, CancellationToken cancellationToken = default)
    {
        var regions = RegionCatalog.Instance;
        var knownRegions = await db.Regions.Select(r => r.Code).ToListAsync(cancellationToken);
        var known = knownRegions.ToHashSet(StringComparer.Ordinal);
        db.Regions.AddRange(regions.AllDiy
            .Where(r => !known.Contains(r.Code))
            .Select(r => new RegionRecord { Code = r.Code, Level = r.Level, Name = r.Name, ParentCode = r.ParentCode }));

        var knownCategories = (await db.Categories.Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        db.Categories.AddRange(PpksCategory.All
            .Where(c => !knownCategories.Contains(c.Id))
            .Select(c => new PpksCategory { Id = c.Id, Slug = c.Slug, Name = c.Name }));
        if (!await db.AssessmentIndicators.AnyAsync(cancellationToken))
        {
            db.AssessmentIndicators.AddRange(StrengthIndicators.Initial());
        }
        if (!await db.StrengthThresholds.AnyAsync(cancellationToken))
        {
            db.StrengthThresholds.Add(new StrengthThresholds());
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
