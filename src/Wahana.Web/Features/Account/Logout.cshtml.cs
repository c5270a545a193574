using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Account;

/// <summary>Log-out is a POST (with antiforgery), so a link elsewhere cannot sign a user out.</summary>
public sealed class LogoutModel(SignInManager<WahanaUser> signInManager) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signInManager.SignOutAsync();
        return LocalRedirect("/masuk");
    }
}
