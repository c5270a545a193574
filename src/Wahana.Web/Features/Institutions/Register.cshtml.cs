using Wahana.Web.Features.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Institutions;

/// <summary>The register of WKSBM (/wksbm), for every signed-in role, within the user's scope.</summary>
public sealed class RegisterModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    public RegisterQuery Query { get; private set; } = null!;

    public RegisterQuery.Result Result { get; private set; } = null!;

    /// <summary>Province and district officers register new WKSBM.</summary>
    public bool CanAdd => WahanaClaims.RoleOf(User) is WahanaRole.AdminProvinsi or WahanaRole.PetugasKabupaten;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = RegisterQuery.Parse(Request.Query);
        Result = await Query.LoadAsync(db, Wib.Today(clock), allRows: false, cancellationToken);
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
