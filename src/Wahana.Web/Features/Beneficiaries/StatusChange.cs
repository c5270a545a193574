using Wahana.Web.Domain;

namespace Wahana.Web.Features.Beneficiaries;

/// <summary>The status form of the profile: the new status, the day it took effect, and a note.</summary>
public sealed class StatusChangeInput
{
    /// <summary>The status slug: aktif, pindah, meninggal, tidak-membutuhkan.</summary>
    public string? Status { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    public string? Note { get; set; }

    /// <summary>The record's version when the form was shown, so a change made meanwhile by someone else is noticed.</summary>
    public Guid? Version { get; set; }
}

/// <summary>Changes a beneficiary's status and keeps the change as history (audited with the record, on save).</summary>
public static class StatusChange
{
    public const int MaxNoteLength = 500;

    /// <summary>The roles that change a status: the WKSBM's board and the offices (volunteers only see it).</summary>
    public static bool MayChange(WahanaRole? role) =>
        role is WahanaRole.PengurusWksbm or WahanaRole.PetugasKabupaten or WahanaRole.AdminProvinsi;

    /// <summary>Checks the input and, when it is valid, sets the status and adds the history entry.</summary>
    public static IReadOnlyList<RuleViolation> Apply(Beneficiary person, StatusChangeInput input, string userName, DateOnly today)
    {
        var errors = new List<RuleViolation>();
        if (!Slug.TryParse<BeneficiaryStatus>(input.Status, out var status))
        {
            errors.Add(new(nameof(input.Status), "Pilih status: aktif, pindah, meninggal, atau tidak membutuhkan lagi."));
        }
        else if (status == person.Status)
        {
            errors.Add(new(nameof(input.Status), $"Status orang ini sudah {BeneficiaryQuery.StatusName(status).ToLowerInvariant()}."));
        }
        if (input.EffectiveOn is not { } effectiveOn)
        {
            errors.Add(new(nameof(input.EffectiveOn), "Isi tanggal berlakunya perubahan status."));
        }
        else if (effectiveOn > today)
        {
            errors.Add(new(nameof(input.EffectiveOn), "Tanggal berlaku tidak boleh di masa depan."));
        }
        else if (effectiveOn < person.BirthDate)
        {
            errors.Add(new(nameof(input.EffectiveOn), $"Tanggal berlaku tidak boleh sebelum tanggal lahir ({person.BirthDate:dd-MM-yyyy})."));
        }
        var note = input.Note?.Trim() ?? "";
        if (note.Length > MaxNoteLength)
        {
            errors.Add(new(nameof(input.Note), $"Catatan paling banyak {MaxNoteLength} karakter; yang diisi {note.Length} karakter."));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        person.Status = status;
        person.StatusChanges.Add(new BeneficiaryStatusChange
        {
            BeneficiaryId = person.Id,
            Status = status,
            EffectiveOn = input.EffectiveOn!.Value,
            Note = note,
            ChangedBy = userName,
        });
        return errors;
    }
}
