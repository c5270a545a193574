using Microsoft.AspNetCore.Authorization;
using Wahana.Web.Domain;

namespace Wahana.Web.Infrastructure.Auth;

/// <summary>The authorization policies; pages and endpoints name one of these, never a role list of their own.</summary>
public static class WahanaPolicies
{
    /// <summary>Province administrators: user management and province-wide settings.</summary>
    public const string Admin = "Admin";

    /// <summary>Roles that work with personal data of beneficiaries (not the forum, not partners).</summary>
    public const string PersonalData = "PersonalData";

    /// <summary>Any signed-in user, by cookie or by bearer token.</summary>
    public const string Api = "Api";

    public static void Configure(AuthorizationOptions options)
    {
        var anyScheme = new[] { IdentityConstantsApplication, ApiTokenAuthenticationHandler.SchemeName };
        options.AddPolicy(Admin, p => p.AddAuthenticationSchemes(anyScheme).RequireRole(nameof(WahanaRole.AdminProvinsi)));
        options.AddPolicy(PersonalData, p => p.AddAuthenticationSchemes(anyScheme).RequireRole(
            nameof(WahanaRole.AdminProvinsi), nameof(WahanaRole.PetugasKabupaten), nameof(WahanaRole.PengurusWksbm), nameof(WahanaRole.Relawan)));
        options.AddPolicy(Api, p => p.AddAuthenticationSchemes(anyScheme).RequireAuthenticatedUser());
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }

    private const string IdentityConstantsApplication = "Identity.Application";
}
