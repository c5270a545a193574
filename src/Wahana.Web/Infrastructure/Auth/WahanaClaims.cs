using System.Globalization;
using System.Security.Claims;
using Wahana.Web.Domain;

namespace Wahana.Web.Infrastructure.Auth;

/// <summary>The claims that carry a user's role and scope, read back into an <see cref="AccessScope"/>.</summary>
public static class WahanaClaims
{
    public const string Regency = "wahana:regency";
    public const string Institution = "wahana:institution";
    public const string Partner = "wahana:partner";

    public static IEnumerable<Claim> For(WahanaUser user)
    {
        yield return new Claim(ClaimTypes.Role, user.Role.ToString());
        if (user.ScopeRegencyCode is not null)
        {
            yield return new Claim(Regency, user.ScopeRegencyCode);
        }
        if (user.ScopeInstitutionId is { } institution)
        {
            yield return new Claim(Institution, institution.ToString());
        }
        if (user.ScopePartnerId is { } partner)
        {
            yield return new Claim(Partner, partner.ToString());
        }
    }

    public static WahanaRole? RoleOf(ClaimsPrincipal principal) =>
        Enum.TryParse<WahanaRole>(principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static AccessScope ScopeOf(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || RoleOf(principal) is not { } role)
        {
            return AccessScope.Nobody;
        }
        return AccessScope.For(role, principal.FindFirstValue(Regency), GuidOf(principal, Institution), GuidOf(principal, Partner));
    }

    public static Guid? UserIdOf(ClaimsPrincipal principal) =>
        GuidOf(principal, ClaimTypes.NameIdentifier);

    private static Guid? GuidOf(ClaimsPrincipal principal, string type) =>
        Guid.TryParse(principal.FindFirstValue(type), CultureInfo.InvariantCulture, out var id) ? id : null;
}
