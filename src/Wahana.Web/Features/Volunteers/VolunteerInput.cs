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

    /// <summary>Only the province and district offices, and the WKSBM's own board, keep its volunteers.</summary>
    public static bool MayManage(WahanaRole? role) => role is WahanaRole.AdminProvinsi or WahanaRole.PetugasKabupaten or WahanaRole.PengurusWksbm;

    public (Volunteer Volunteer, IReadOnlyList<RuleViolation> Errors) ToVolunteer(Institution institution, DateOnly today)
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
        };
        return (volunteer, volunteer.Validate(today));
    }
}
