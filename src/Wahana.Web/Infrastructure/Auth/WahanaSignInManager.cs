using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Wahana.Web.Domain;

namespace Wahana.Web.Infrastructure.Auth;

/// <summary>Identity's sign-in manager, refusing disabled users.</summary>
public sealed class WahanaSignInManager(
    UserManager<WahanaUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<WahanaUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<WahanaUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<WahanaUser> confirmation)
    : SignInManager<WahanaUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(WahanaUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<WahanaUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}
