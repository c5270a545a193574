using Wahana.Web.Domain;

namespace Wahana.Web.Features.Referrals;

/// <summary>The status form (and API body): the new status's slug, the note that goes with it, and the version read.</summary>
public sealed class ReferralStatusInput
{
    /// <summary>diterima, ditangani, selesai or ditolak.</summary>
    public string? Status { get; set; }

    public string? Note { get; set; }

    /// <summary>The referral's version when it was read, so a change made meanwhile by someone else is noticed.</summary>
    public Guid? Version { get; set; }
}

/// <summary>Moves a referral to its next status with a note (Dikirim → Diterima → Ditangani → Selesai, or Ditolak).</summary>
public static class ReferralStatusUpdate
{
    public const int MaxNoteLength = 1000;

    public const string StaleMessage =
        "Rujukan ini baru saja diubah pengguna lain. Periksa status terbarunya, lalu ulangi bila masih perlu.";

    public enum Outcome
    {
        Changed,
        Invalid,

        /// <summary>The step is not one <see cref="Referral.AllowedNext"/> allows (a jump, or anything after the end).</summary>
        NotAllowed,
        Stale,
    }

    public sealed record Result(Outcome Outcome, IReadOnlyList<RuleViolation> Errors)
    {
        public string Message => Errors.Count > 0 ? Errors[0].Message : "";
    }

    /// <summary>Checks the input and, when the step is allowed, changes the status and adds the history entry (saved by the caller).</summary>
    public static Result Apply(Referral referral, ReferralStatusInput input, string userName, DateTimeOffset now)
    {
        if (input.Version is { } version && version != referral.Version)
        {
            return new(Outcome.Stale, [new("", StaleMessage)]);
        }
        var errors = new List<RuleViolation>();
        var note = input.Note?.Trim() ?? "";
        if (note.Length == 0)
        {
            errors.Add(new(nameof(input.Note), "Tuliskan catatan untuk perubahan status ini."));
        }
        else if (note.Length > MaxNoteLength)
        {
            errors.Add(new(nameof(input.Note), $"Catatan paling banyak {MaxNoteLength} karakter; yang diisi {note.Length} karakter."));
        }
        if (!Slug.TryParse<ReferralStatus>(input.Status?.Trim(), out var status))
        {
            errors.Add(new(nameof(input.Status), "Pilih status baru: diterima, ditangani, selesai, atau ditolak."));
            return new(Outcome.Invalid, errors);
        }
        var allowed = Referral.AllowedNext(referral.Status);
        if (!allowed.Contains(status))
        {
            var message = allowed.Count == 0
                ? $"Rujukan ini sudah {ReferralText.StatusName(referral.Status).ToLowerInvariant()}; statusnya tidak dapat diubah lagi."
                : $"Status rujukan tidak dapat diubah dari {ReferralText.StatusName(referral.Status)} ke {ReferralText.StatusName(status)}. "
                    + $"Dari {ReferralText.StatusName(referral.Status)} hanya boleh ke {ReferralText.Choices(allowed)}.";
            return new(Outcome.NotAllowed, [new(nameof(input.Status), message)]);
        }
        if (errors.Count > 0)
        {
            return new(Outcome.Invalid, errors);
        }
        referral.Changes.Add(new ReferralStatusChange
        {
            ReferralId = referral.Id,
            From = referral.Status,
            To = status,
            Note = note,
            ChangedBy = userName,
            ChangedAt = now,
        });
        referral.Status = status;
        referral.StatusChangedAt = now;
        return new(Outcome.Changed, []);
    }
}
