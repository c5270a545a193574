using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Wahana.Web.Domain;

namespace Wahana.Web.Infrastructure.Auth;

/// <summary>
/// Checks the session cookie on every request against the user's current security stamp: disabling a user or
/// changing their role or scope (which renew the stamp) ends their sessions at once. Unlike Identity's own
/// validator at a zero interval, it does not re-issue the cookie on every response, which would cost every
/// page a Set-Cookie on a weak link and forbid the browser to cache anything a signed-in user loads.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<WahanaUser>>();
        if (await signIn.ValidateSecurityStampAsync(context.Principal) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
