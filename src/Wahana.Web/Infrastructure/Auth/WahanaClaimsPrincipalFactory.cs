using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Wahana.Web.Domain;

namespace Wahana.Web.Infrastructure.Auth;

/// <summary>Adds the user's role and scope to the claims Identity puts in the cookie.</summary>
public sealed class WahanaClaimsPrincipalFactory(UserManager<WahanaUser> userManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<WahanaUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WahanaUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(WahanaClaims.For(user));
        return identity;
    }
}
