using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.Regions;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Beneficiaries;

/// <summary>The beneficiary registry (/penerima): search, filters, sort and pages, within the user's scope.</summary>
[Authorize(Policy = WahanaPolicies.PersonalData)]
public sealed class IndexModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    public BeneficiaryQuery Query { get; private set; } = null!;

    public BeneficiaryQuery.Result Result { get; private set; } = null!;

    /// <summary>The WKSBM the user may filter on (none for a user of one WKSBM).</summary>
    public IReadOnlyList<(Guid Id, string Name)> Institutions { get; private set; } = [];

    public WahanaRole? Role => db.CurrentUser.Role;

    /// <summary>A user of one WKSBM has no WKSBM or region to choose.</summary>
    public bool OneInstitution => db.CurrentUser.Scope.InstitutionId is not null;

    /// <summary>The kabupaten/kota of a district officer, the only one to choose.</summary>
    public string? OwnRegency => db.CurrentUser.Scope.RegencyCode;

    public bool MayExport => Role is WahanaRole.AdminProvinsi or WahanaRole.PetugasKabupaten or WahanaRole.PengurusWksbm;

    public Semester Semester { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        Semester = Semester.Of(today);
        Query = BeneficiaryQuery.ParsePage(Request.Query);
        Result = await Query.LoadAsync(db, today, cancellationToken);
        if (!OneInstitution)
        {
            var institutions = db.Institutions.AsNoTracking();
            if (Query.VillageCode is { } village)
            {
                institutions = institutions.Where(i => i.VillageCode == village);
            }
            else if (Query.RegencyCode is { } regency)
            {
                institutions = institutions.Where(i => i.RegencyCode == regency);
            }
            var list = await institutions.OrderBy(i => i.Name).Select(i => new { i.Id, i.Name }).ToListAsync(cancellationToken);
            Institutions = [.. list.Select(i => (i.Id, i.Name))];
        }
    }

    /// <summary>The kapanewon options of a kabupaten/kota, and an emptied kalurahan select (htmx, on change).</summary>
    public PartialViewResult OnGetKapanewon(string? kabupaten) =>
        Partial("_RegionOptions", RegionOptions.Districts(RegionCatalog.Instance.IsDiyRegency(kabupaten) ? kabupaten : null, null)
            with { ResetVillages = true });

    /// <summary>The kalurahan options of a kapanewon (htmx, on change).</summary>
    public PartialViewResult OnGetKalurahan(string? kapanewon) =>
        Partial("_RegionOptions", RegionOptions.Villages(
            RegionCatalog.Instance.Find(kapanewon)?.Level == RegionLevel.Kecamatan ? kapanewon : null, null));
}
