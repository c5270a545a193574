using Microsoft.AspNetCore.Identity;

namespace Wahana.Web.Domain;

/// <summary>A person who signs in to Wahana, with one role and the scope that role works in.</summary>
public sealed class WahanaUser : IdentityUser<Guid>
{
    public WahanaUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string FullName { get; set; } = "";

    public WahanaRole Role { get; set; }

    /// <summary>The kabupaten/kota of a PetugasKabupaten (e.g. 34.02).</summary>
    public string? ScopeRegencyCode { get; set; }

    /// <summary>The WKSBM of a PengurusWksbm or Relawan.</summary>
    public Guid? ScopeInstitutionId { get; set; }

    /// <summary>The partner of a Mitra.</summary>
    public Guid? ScopePartnerId { get; set; }

    /// <summary>A disabled user cannot sign in, and their sessions and tokens stop working at once.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public AccessScope Scope => AccessScope.For(Role, ScopeRegencyCode, ScopeInstitutionId, ScopePartnerId);

    /// <summary>Checks that the role has the kind of scope it needs, and only that.</summary>
    public IReadOnlyList<RuleViolation> ValidateScope(RegionCatalog regions)
    {
        var errors = new List<RuleViolation>();
        var needsRegency = Role == WahanaRole.PetugasKabupaten;
        var needsInstitution = Role is WahanaRole.PengurusWksbm or WahanaRole.Relawan;
        var needsPartner = Role == WahanaRole.Mitra;
        if (needsRegency && !regions.IsDiyRegency(ScopeRegencyCode))
        {
            errors.Add(new(nameof(ScopeRegencyCode), "Petugas kabupaten/kota harus memilih satu kabupaten/kota."));
        }
        if (needsInstitution && ScopeInstitutionId is null)
        {
            errors.Add(new(nameof(ScopeInstitutionId), "Pengurus dan relawan harus memilih satu WKSBM."));
        }
        if (needsPartner && ScopePartnerId is null)
        {
            errors.Add(new(nameof(ScopePartnerId), "Mitra harus memilih satu lembaga mitra."));
        }
        if (!needsRegency)
        {
            ScopeRegencyCode = null;
        }
        if (!needsInstitution)
        {
            ScopeInstitutionId = null;
        }
        if (!needsPartner)
        {
            ScopePartnerId = null;
        }
        return errors;
    }

    public static string RoleName(WahanaRole role) => role switch
    {
        WahanaRole.AdminProvinsi => "Admin Dinas Sosial DIY",
        WahanaRole.PetugasKabupaten => "Petugas Dinas Sosial kabupaten/kota",
        WahanaRole.PengurusWksbm => "Pengurus WKSBM",
        WahanaRole.Relawan => "Relawan sosial",
        WahanaRole.Forum => "Forum Koordinasi WKSBM",
        _ => "Mitra",
    };
}
