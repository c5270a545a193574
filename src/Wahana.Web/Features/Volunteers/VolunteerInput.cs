using Wahana.Web.Domain;
using Wahana.Web.Features.Institutions;

namespace Wahana.Web.Features.Volunteers;

/// <summary>A volunteer as entered on the page or sent to the API.</summary>
public sealed class VolunteerInput
{
    public string? Name { get; set; }

    public Sex Sex { get; set; }

    public string? Phone { get; set; }

    public string? Skills { get; set; }

    public DateOnly? JoinedOn { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The Relawan account of this volunteer, if they sign in to Wahana.</summary>
    public Guid? UserId { get; set; }

    /// <summary>Only the province and district offices, and the WKSBM's own board, keep its volunteers.</summary>
    public static bool MayManage(WahanaRole? role) => role is WahanaRole.AdminProvinsi or WahanaRole.PetugasKabupaten or WahanaRole.PengurusWksbm;

    /// <param name="relawanAccounts">The ids of the Relawan accounts of this WKSBM, the only ones a volunteer may be linked to.</param>
    public (Volunteer Volunteer, IReadOnlyList<RuleViolation> Errors) ToVolunteer(Institution institution, DateOnly today, IReadOnlyCollection<Guid> relawanAccounts)
    {
        var volunteer = new Volunteer
        {
            InstitutionId = institution.Id,
            RegencyCode = institution.RegencyCode,
            Name = InstitutionEditor.Clean(Name) ?? "",
            Sex = Sex,
            Phone = InstitutionEditor.Clean(Phone),
            Skills = InstitutionEditor.Clean(Skills) ?? "",
            JoinedOn = JoinedOn ?? today,
            IsActive = IsActive,
            UserId = UserId,
        };
        var errors = volunteer.Validate(today).ToList();
        if (UserId is { } account && !relawanAccounts.Contains(account))
        {
            errors.Add(new(nameof(UserId), "Akun yang dipilih bukan akun relawan WKSBM ini."));
        }
        return (volunteer, errors);
    }
}
