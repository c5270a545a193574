namespace Wahana.Web.Domain;

/// <summary>
/// What a signed-in user may see. Institutions: all (province, forum, partners), one kabupaten/kota, or one
/// WKSBM. People and services: all (province), one kabupaten/kota, one WKSBM, or none (forum, partners,
/// who see aggregates only). The DbContext turns this into its global query filters.
/// </summary>
public sealed record AccessScope(
    bool AllInstitutions,
    bool AllPeople,
    string? RegencyCode,
    Guid? InstitutionId,
    Guid? PartnerId)
{
    /// <summary>No user (an anonymous request): sees nothing.</summary>
    public static readonly AccessScope Nobody = new(false, false, null, null, null);

    /// <summary>The application itself (start-up, seeding, commands): sees everything.</summary>
    public static readonly AccessScope System = new(true, true, null, null, null);

    public bool SeesPeople => AllPeople || RegencyCode is not null || InstitutionId is not null;

    public static AccessScope For(WahanaRole role, string? regencyCode, Guid? institutionId, Guid? partnerId) => role switch
    {
        WahanaRole.AdminProvinsi => new(true, true, null, null, null),
        WahanaRole.PetugasKabupaten => new(false, false, regencyCode, null, null),
        WahanaRole.PengurusWksbm or WahanaRole.Relawan => new(false, false, null, institutionId, null),
        WahanaRole.Forum => new(true, false, null, null, null),
        WahanaRole.Mitra => new(true, false, null, null, partnerId),
        _ => Nobody,
    };
}
