using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Account;

/// <summary>Log-in with username and password; repeated failures lock the account for a while.</summary>
public sealed class LoginModel(SignInManager<WahanaUser> signInManager) : PageModel
{
    public const string WrongCredentials = "Nama pengguna atau kata sandi salah, atau akun tidak aktif.";

    [BindProperty]
    [Required(ErrorMessage = "Nama pengguna wajib diisi.")]
    [Display(Name = "Nama pengguna")]
    public string Username { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Kata sandi wajib diisi.")]
    [DataType(DataType.Password)]
    [Display(Name = "Kata sandi")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signInManager.PasswordSignInAsync(Username.Trim().ToLowerInvariant(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl);
        }
        ErrorMessage = result.IsLockedOut
            ? $"Akun ini terkunci sementara karena {AuthServices.MaxFailedSignIns} kali gagal masuk. Coba lagi dalam {AuthServices.LockoutDuration.TotalMinutes:0} menit, atau hubungi admin."
            : WrongCredentials;
        return Page();
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
