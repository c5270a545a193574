using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Institutions;

/// <summary>
/// /wksbm/cakupan: which kalurahan have an active WKSBM, as tables (per kabupaten/kota and kapanewon, and the
/// kalurahan without one) and as a map drawn by wwwroot/js/coverage.js from /peta/kalurahan.geojson.
/// </summary>
[Authorize(Policy = WahanaPolicies.RegionWide)]
public sealed class CoverageModel(WahanaDbContext db) : PageModel
{
    public sealed record Area(Region Region, int Villages, int Covered)
    {
        public int Uncovered => Villages - Covered;

        public string Percent => Villages == 0 ? "–" : ((double)Covered / Villages).ToString("P1", WebServices.Indonesian);
    }

    public sealed record ActiveInstitution(Guid Id, string Name);

    /// <summary>The kabupaten/kota chosen for the list of kalurahan without an active WKSBM.</summary>
    [BindProperty(SupportsGet = true, Name = "kabupaten")]
    public string? RegencyFilter { get; set; }

    public IReadOnlyList<Area> Regencies { get; private set; } = [];

    public IReadOnlyList<Area> Districts { get; private set; } = [];

    public Area Total { get; private set; } = null!;

    public IReadOnlyList<Region> Uncovered { get; private set; } = [];

    /// <summary>For coverage.js: the kabupaten/kota the map shows (null: all DIY) and the active WKSBM per kalurahan.</summary>
    public string MapData { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var catalog = RegionCatalog.Instance;
        // The regions counted follow the user's reach (all DIY, or the district office's kabupaten/kota); the WKSBM
        // themselves come through the query filters as everywhere.
        var scope = db.CurrentUser.Scope;
        IReadOnlyList<Region> regencies = scope.AllInstitutions ? catalog.Regencies : [.. catalog.Regencies.Where(r => r.Code == scope.RegencyCode)];
        var active = await db.Institutions.AsNoTracking()
            .Where(i => i.Status == InstitutionStatus.Aktif)
            .OrderBy(i => i.Name)
            .Select(i => new { i.Id, i.Name, i.VillageCode })
            .ToListAsync(cancellationToken);
        var byVillage = active.GroupBy(i => i.VillageCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(i => new ActiveInstitution(i.Id, i.Name)).ToList(), StringComparer.Ordinal);

        Area AreaOf(Region region, IReadOnlyList<Region> villages) =>
            new(region, villages.Count, villages.Count(v => byVillage.ContainsKey(v.Code)));
        IReadOnlyList<Region> VillagesOf(Region regency) =>
            [.. catalog.ChildrenOf(regency.Code).SelectMany(d => catalog.ChildrenOf(d.Code))];

        Districts = [.. regencies.SelectMany(r => catalog.ChildrenOf(r.Code)).Select(d => AreaOf(d, catalog.ChildrenOf(d.Code)))];
        Regencies = [.. regencies.Select(r => AreaOf(r, VillagesOf(r)))];
        Total = new Area(catalog.Find(RegionCatalog.ProvinceCode)!, Regencies.Sum(r => r.Villages), Regencies.Sum(r => r.Covered));

        RegencyFilter = regencies.Any(r => r.Code == RegencyFilter) ? RegencyFilter : null;
        Uncovered = [.. regencies.Where(r => RegencyFilter is null || r.Code == RegencyFilter)
            .SelectMany(VillagesOf).Where(v => !byVillage.ContainsKey(v.Code))];

        MapData = JsonSerializer.Serialize(
            new { regency = regencies.Count == 1 ? regencies[0].Code : null, villages = byVillage },
            JsonSerializerOptions.Web);
    }
}
