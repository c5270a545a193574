using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Users;

/// <summary>
/// Create a user, change their role and scope, reset their password, disable or enable them, lift a lockout.
/// Changing role or scope and disabling renew the security stamp and revoke API tokens, so they act at once.
/// </summary>
public sealed class EditModel(WahanaDbContext db, UserManager<WahanaUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public UserInput Input { get; set; } = new();

    public WahanaUser? Existing { get; private set; }

    public IReadOnlyList<Region> Regencies => RegionCatalog.Instance.Regencies;

    public IReadOnlyList<(Guid Id, string Name, string RegencyCode)> Institutions { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Partners { get; private set; } = [];

    public bool IsNew => Id is null;

    public sealed class UserInput
    {
        [Display(Name = "Nama pengguna")]
        public string? UserName { get; set; }

        [Required(ErrorMessage = "Nama lengkap wajib diisi.")]
        [StringLength(200, ErrorMessage = "Nama lengkap paling panjang 200 karakter.")]
        [Display(Name = "Nama lengkap")]
        public string FullName { get; set; } = "";

        [Display(Name = "Peran")]
        public WahanaRole Role { get; set; } = WahanaRole.PengurusWksbm;

        public string? ScopeRegencyCode { get; set; }

        public Guid? ScopeInstitutionId { get; set; }

        public Guid? ScopePartnerId { get; set; }

        [DataType(DataType.Password)]
        [Display(Name = "Kata sandi")]
        public string? Password { get; set; }

        public string? ConcurrencyStamp { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!IsNew)
        {
            Existing = await users.FindByIdAsync(Id!.Value.ToString());
            if (Existing is null)
            {
                return NotFound();
            }
            Input = new UserInput
            {
                UserName = Existing.UserName,
                FullName = Existing.FullName,
                Role = Existing.Role,
                ScopeRegencyCode = Existing.ScopeRegencyCode,
                ScopeInstitutionId = Existing.ScopeInstitutionId,
                ScopePartnerId = Existing.ScopePartnerId,
                ConcurrencyStamp = Existing.ConcurrencyStamp,
            };
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var user = IsNew ? new WahanaUser() : await users.FindByIdAsync(Id!.Value.ToString());
        if (user is null)
        {
            return NotFound();
        }
        Existing = IsNew ? null : user;
        var scopeBefore = (user.Role, user.ScopeRegencyCode, user.ScopeInstitutionId, user.ScopePartnerId);
        user.FullName = Input.FullName?.Trim() ?? "";
        user.Role = Input.Role;
        user.ScopeRegencyCode = Input.ScopeRegencyCode;
        user.ScopeInstitutionId = Input.ScopeInstitutionId;
        user.ScopePartnerId = Input.ScopePartnerId;
        AddErrors(user.ValidateScope(RegionCatalog.Instance));
        await CheckScopeExistsAsync(user, cancellationToken);
        if (IsNew)
        {
            user.UserName = Input.UserName?.Trim().ToLowerInvariant();
            if (string.IsNullOrWhiteSpace(user.UserName))
            {
                ModelState.AddModelError("Input.UserName", "Nama pengguna wajib diisi.");
            }
            if (string.IsNullOrEmpty(Input.Password))
            {
                ModelState.AddModelError("Input.Password", "Kata sandi wajib diisi untuk pengguna baru.");
            }
        }
        else if (Input.ConcurrencyStamp is not null)
        {
            user.ConcurrencyStamp = Input.ConcurrencyStamp;
        }
        if (!string.IsNullOrEmpty(Input.Password))
        {
            await SetPasswordAsync(user, Input.Password);
        }
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        var result = IsNew ? await users.CreateAsync(user) : await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("UserName", StringComparison.Ordinal) ? "Input.UserName" : "", error.Description);
            }
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }
        var scopeAfter = (user.Role, user.ScopeRegencyCode, user.ScopeInstitutionId, user.ScopePartnerId);
        if (!IsNew && (scopeBefore != scopeAfter || !string.IsNullOrEmpty(Input.Password)))
        {
            await EndSessionsAsync(user, cancellationToken);
        }
        TempData["Message"] = IsNew ? $"Pengguna {user.UserName} dibuat." : $"Perubahan pada {user.UserName} disimpan.";
        return RedirectToPage("Index");
    }

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) =>
        ChangeStatusAsync(disable: true, cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) =>
        ChangeStatusAsync(disable: false, cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync()
    {
        var user = Id is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null)
        {
            return NotFound();
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Message"] = $"Kunci akun {user.UserName} dibuka.";
        return RedirectToPage("Index");
    }

    private async Task<IActionResult> ChangeStatusAsync(bool disable, CancellationToken cancellationToken)
    {
        var user = Id is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null)
        {
            return NotFound();
        }
        if (disable && user.Id == db.CurrentUser.Id)
        {
            TempData["Message"] = "Anda tidak dapat menonaktifkan akun Anda sendiri.";
            return LocalRedirect($"/pengguna/{user.Id}");
        }
        user.IsDisabled = disable;
        await users.UpdateAsync(user);
        await EndSessionsAsync(user, cancellationToken);
        TempData["Message"] = disable ? $"Pengguna {user.UserName} dinonaktifkan." : $"Pengguna {user.UserName} diaktifkan kembali.";
        return RedirectToPage("Index");
    }

    /// <summary>A new security stamp ends cookie sessions at their next request; deleting tokens ends API access.</summary>
    private async Task EndSessionsAsync(WahanaUser user, CancellationToken cancellationToken)
    {
        await users.UpdateSecurityStampAsync(user);
        await db.ApiTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task SetPasswordAsync(WahanaUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password);
            foreach (var error in check.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }
        }
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
    }

    private async Task CheckScopeExistsAsync(WahanaUser user, CancellationToken cancellationToken)
    {
        if (user.ScopeInstitutionId is { } institutionId && !await db.Institutions.AnyAsync(i => i.Id == institutionId, cancellationToken))
        {
            ModelState.AddModelError("Input.ScopeInstitutionId", "WKSBM yang dipilih tidak ada.");
        }
        if (user.ScopePartnerId is { } partnerId && !await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            ModelState.AddModelError("Input.ScopePartnerId", "Mitra yang dipilih tidak ada.");
        }
    }

    private void AddErrors(IEnumerable<RuleViolation> violations)
    {
        foreach (var violation in violations)
        {
            ModelState.AddModelError($"Input.{violation.Field}", violation.Message);
        }
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var institutions = await db.Institutions.AsNoTracking()
            .OrderBy(i => i.RegencyCode).ThenBy(i => i.Name)
            .Select(i => new { i.Id, i.Name, i.RegencyCode }).ToListAsync(cancellationToken);
        Institutions = [.. institutions.Select(i => (i.Id, i.Name, i.RegencyCode))];
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        Partners = [.. partners.Select(p => (p.Id, p.Name))];
    }
}
