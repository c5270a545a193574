using Wahana.Web.Domain;

namespace Wahana.Web.Features.Institutions;

/// <summary>
/// The one place that applies a create or an edit of a WKSBM, for the pages and the API alike: who may change
/// what, and the domain rules. A PengurusWksbm changes contact details and the board of their own WKSBM only.
/// </summary>
public static class InstitutionEditor
{
    public enum Outcome
    {
        Applied,
        Invalid,
        Forbidden,
    }

    public static bool MayCreate(WahanaRole? role) => role is WahanaRole.AdminProvinsi or WahanaRole.PetugasKabupaten;

    public static bool MayEdit(WahanaRole? role) => role is WahanaRole.AdminProvinsi or WahanaRole.PetugasKabupaten or WahanaRole.PengurusWksbm;

    /// <summary>Only the province and district offices change legality, location and status.</summary>
    public static bool MayEditLegality(WahanaRole? role) => MayCreate(role);

    public static (Outcome Outcome, IReadOnlyList<RuleViolation> Errors) Apply(
        Institution institution, InstitutionInput input, AccessScope scope, WahanaRole? role, DateOnly today, bool isNew)
    {
        if (isNew ? !MayCreate(role) : !MayEdit(role))
        {
            return (Outcome.Forbidden, []);
        }
        if (!MayEditLegality(role) && ChangesLegality(institution, input))
        {
            return (Outcome.Forbidden, [new(nameof(input.Status), "Pengurus tidak dapat mengubah legalitas, lokasi, atau status WKSBM; hubungi Dinas Sosial kabupaten/kota.")]);
        }

        var errors = new List<RuleViolation>();
        if (MayEditLegality(role))
        {
            institution.Name = Clean(input.Name) ?? "";
            institution.VillageCode = Clean(input.VillageCode) ?? "";
            institution.Hamlet = Clean(input.Hamlet) ?? "";
            institution.EstablishedOn = input.EstablishedOn;
            institution.DecreeNumber = Clean(input.DecreeNumber);
            institution.DecreeDate = input.DecreeDate;
            institution.DecreeIssuer = Clean(input.DecreeIssuer);
            institution.Status = input.Status;
            institution.DeactivationReason = input.Status == InstitutionStatus.TidakAktif ? Clean(input.DeactivationReason) : null;
            if (scope.RegencyCode is { } regency && Region.RegencyCodeOf(institution.VillageCode) != regency && RegionCatalog.Instance.IsDiyVillage(institution.VillageCode))
            {
                errors.Add(new(nameof(input.VillageCode), "Kalurahan ini di luar kabupaten/kota Anda."));
            }
        }
        institution.Address = Clean(input.Address) ?? "";
        institution.Phone = Clean(input.Phone);
        institution.Email = Clean(input.Email);
        ReplaceBoard(institution, input.BoardMembers);
        institution.DeriveRegion();
        errors.AddRange(institution.Validate(RegionCatalog.Instance, today));
        foreach (var member in institution.BoardMembers)
        {
            if (member.Phone is not null && !ContactRules.IsPhoneNumber(member.Phone))
            {
                errors.Add(new(nameof(input.BoardMembers), $"Telepon {member.Name}: {ContactRules.PhoneMessage}"));
            }
            if (member.TermStart > member.TermEnd)
            {
                errors.Add(new(nameof(input.BoardMembers), $"Masa bakti {member.Name}: tanggal mulai harus sebelum tanggal selesai."));
            }
        }
        return (errors.Count == 0 ? Outcome.Applied : Outcome.Invalid, errors);
    }

    private static bool ChangesLegality(Institution institution, InstitutionInput input) =>
        (input.Name is not null && Clean(input.Name) != institution.Name)
        || (input.VillageCode is not null && input.VillageCode != institution.VillageCode)
        || (input.Hamlet is not null && Clean(input.Hamlet) != institution.Hamlet)
        || input.Status != institution.Status
        || input.DecreeDate != institution.DecreeDate
        || (input.DecreeNumber is not null && Clean(input.DecreeNumber) != institution.DecreeNumber)
        || (input.DecreeIssuer is not null && Clean(input.DecreeIssuer) != institution.DecreeIssuer)
        || input.EstablishedOn != institution.EstablishedOn;

    /// <summary>
    /// The board becomes the rows the user kept (empty rows are ignored). Rows are matched to the members in the
    /// order the form shows them, so an unchanged member stays the same row and leaves no audit entry.
    /// </summary>
    private static void ReplaceBoard(Institution institution, List<BoardMemberInput> rows)
    {
        var kept = rows.Where(r => !r.IsEmpty).ToList();
        var existing = institution.BoardMembers.OrderBy(m => m.Position).ThenBy(m => m.Id).ToList();
        for (var i = 0; i < kept.Count; i++)
        {
            var member = i < existing.Count ? existing[i] : new BoardMember { InstitutionId = institution.Id, Name = "" };
            member.Name = Clean(kept[i].Name) ?? "";
            member.Position = kept[i].Position;
            member.Phone = Clean(kept[i].Phone);
            member.TermStart = kept[i].TermStart;
            member.TermEnd = kept[i].TermEnd;
            if (i >= existing.Count)
            {
                institution.BoardMembers.Add(member);
            }
        }
        foreach (var removed in existing.Skip(kept.Count))
        {
            institution.BoardMembers.Remove(removed);
        }
    }

    /// <summary>Trims text; an empty or all-space value is no value.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
