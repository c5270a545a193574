using Microsoft.AspNetCore.Authorization;
using Wahana.Web.Domain;

namespace Wahana.Web.Infrastructure.Auth;

/// <summary>The authorization policies; pages and endpoints name one of these, never a role list of their own.</summary>
public static class WahanaPolicies
{
    /// <summary>Province administrators: user management and province-wide settings (pages, by cookie).</summary>
    public const string Admin = "Admin";

    /// <summary>Roles that work with personal data of beneficiaries (not the forum, not partners).</summary>
    public const string PersonalData = "PersonalData";

    /// <summary>
    /// Roles that may reveal a full NIK/KK, export personal data and answer a data subject's request: the
    /// WKSBM's board and the offices, never volunteers, the forum or partners.
    /// </summary>
    public const string IdentityReveal = "IdentityReveal";

    /// <summary>The offices that review the registry (duplicate queue, erasure): province and district officers.</summary>
    public const string RegistryReview = "RegistryReview";

    /// <summary>Roles that oversee whole regions (province, a kabupaten/kota, the forum): e.g. the coverage map.</summary>
    public const string RegionWide = "RegionWide";

    /// <summary>
    /// Semester reports (pages and API): the WKSBM's board writes them, the offices review them. Volunteers write no
    /// reports (DOMAIN.md); the forum and partners see the reports' figures only through the evaluation and dashboards.
    /// </summary>
    public const string Reports = "Reports";

    /// <summary>
    /// The joint evaluation of WKSBM (/evaluasi): the province, district officers, WKSBM boards (their own WKSBM against
    /// their kabupaten/kota) and the forum; not volunteers, not partners.
    /// </summary>
    public const string Evaluation = "Evaluation";

    /// <summary>The JSON API: any signed-in user, by bearer token.</summary>
    public const string Api = "Api";

    public static readonly string[] PersonalDataRoles =
        [nameof(WahanaRole.AdminProvinsi), nameof(WahanaRole.PetugasKabupaten), nameof(WahanaRole.PengurusWksbm), nameof(WahanaRole.Relawan)];

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Admin, p => p.RequireRole(nameof(WahanaRole.AdminProvinsi)));
        options.AddPolicy(PersonalData, p => p.RequireRole(PersonalDataRoles));
        options.AddPolicy(IdentityReveal, p => p.RequireRole(
            nameof(WahanaRole.AdminProvinsi), nameof(WahanaRole.PetugasKabupaten), nameof(WahanaRole.PengurusWksbm)));
        options.AddPolicy(RegistryReview, p => p.RequireRole(nameof(WahanaRole.AdminProvinsi), nameof(WahanaRole.PetugasKabupaten)));
        options.AddPolicy(RegionWide, p => p.RequireRole(
            nameof(WahanaRole.AdminProvinsi), nameof(WahanaRole.PetugasKabupaten), nameof(WahanaRole.Forum)));
        options.AddPolicy(Reports, p => p.RequireRole(
            nameof(WahanaRole.AdminProvinsi), nameof(WahanaRole.PetugasKabupaten), nameof(WahanaRole.PengurusWksbm)));
        options.AddPolicy(Evaluation, p => p.RequireRole(
            nameof(WahanaRole.AdminProvinsi), nameof(WahanaRole.PetugasKabupaten), nameof(WahanaRole.PengurusWksbm), nameof(WahanaRole.Forum)));
        options.AddPolicy(Api, p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        // Every page needs a signed-in user unless it says otherwise.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
