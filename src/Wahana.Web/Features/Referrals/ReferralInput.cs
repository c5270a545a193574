using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Referrals;

/// <summary>A new referral as the API receives it (and the page builds it from its form). Codes are the slugs of the enums.</summary>
public sealed class ReferralInput
{
    public Guid? BeneficiaryId { get; set; }

    /// <summary>The referring WKSBM: the person's own WKSBM (taken from the person when left out).</summary>
    public Guid? InstitutionId { get; set; }

    /// <summary>dinas-kabupaten, balai-provinsi, puskesmas, wksbm or lainnya.</summary>
    public string? Destination { get; set; }

    /// <summary>The named place: a centre's code (BRSPA) or name, a puskesmas, another body; set by the system for the others.</summary>
    public string? DestinationName { get; set; }

    /// <summary>The receiving WKSBM when <see cref="Destination"/> is wksbm.</summary>
    public Guid? DestinationInstitutionId { get; set; }

    public string? Reason { get; set; }

    /// <summary>biasa, segera or darurat.</summary>
    public string? Urgency { get; set; }

    /// <summary>The day of the referral; today when left out.</summary>
    public DateOnly? SentOn { get; set; }
}

/// <summary>Checks a <see cref="ReferralInput"/> and adds the referral: the one way a referral is made, by the page and the API.</summary>
public static class ReferralCreation
{
    public enum Outcome
    {
        Saved,
        Invalid,
        NotFound,
        Forbidden,
    }

    public sealed record Result(Outcome Outcome, Referral? Referral, IReadOnlyList<RuleViolation> Errors);

    public static async Task<Result> CreateAsync(
        WahanaDbContext db, ReferralInput input, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        if (!ReferralRules.MayRefer(db.CurrentUser.Role))
        {
            return new(Outcome.Forbidden, null, []);
        }
        var errors = new List<RuleViolation>();
        if (input.BeneficiaryId is not { } beneficiaryId || beneficiaryId == Guid.Empty)
        {
            errors.Add(new(nameof(ReferralInput.BeneficiaryId), "Pilih penerima manfaat yang dirujuk."));
            return new(Outcome.Invalid, null, errors);
        }
        // Only a person in the user's scope is referred; any other answers 404.
        var person = await db.Beneficiaries.AsNoTracking().Where(b => b.Id == beneficiaryId)
            .Select(b => new { b.Id, b.InstitutionId, b.RegisteredOn, b.ErasedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return new(Outcome.NotFound, null, []);
        }
        if (person.ErasedAt is not null)
        {
            errors.Add(new(nameof(ReferralInput.BeneficiaryId), "Data pribadi orang ini telah dihapus; ia tidak dapat dirujuk."));
        }
        if (input.InstitutionId is { } institutionId && institutionId != person.InstitutionId)
        {
            errors.Add(new(nameof(ReferralInput.InstitutionId), "WKSBM perujuk harus WKSBM tempat orang ini terdaftar."));
        }
        // The referring WKSBM's kabupaten/kota (institution names and regions are not personal data).
        var regencyCode = await db.Institutions.IgnoreQueryFilters().AsNoTracking().Where(i => i.Id == person.InstitutionId)
            .Select(i => i.RegencyCode).SingleAsync(cancellationToken);

        var referral = new Referral
        {
            BeneficiaryId = person.Id,
            InstitutionId = person.InstitutionId,
            RegencyCode = regencyCode,
            Reason = input.Reason?.Trim() ?? "",
            SentOn = input.SentOn ?? today,
            SentBy = db.CurrentUser.Name,
            CreatedAt = now,
            StatusChangedAt = now,
        };
        if (!Slug.TryParse<ReferralUrgency>(input.Urgency?.Trim(), out var urgency))
        {
            errors.Add(new(nameof(ReferralInput.Urgency), "Pilih tingkat kedaruratan: biasa, segera, atau darurat."));
        }
        referral.Urgency = urgency;
        if (!Slug.TryParse<ReferralDestination>(input.Destination?.Trim(), out var destination))
        {
            errors.Add(new(nameof(ReferralInput.Destination), "Pilih tujuan rujukan: Dinas Sosial kabupaten/kota, balai Dinas Sosial DIY, puskesmas, WKSBM lain, atau lainnya."));
            errors.AddRange(referral.Validate(today).Where(e => e.Field is nameof(Referral.Reason) or nameof(Referral.SentOn)));
            return new(Outcome.Invalid, null, errors);
        }
        referral.Destination = destination;
        var name = input.DestinationName?.Trim() ?? "";
        switch (destination)
        {
            case ReferralDestination.DinasKabupaten:
                referral.DestinationName = "Dinas Sosial " + RegionCatalog.Instance.RegencyName(regencyCode);
                referral.DestinationRegencyCode = regencyCode;
                break;
            case ReferralDestination.BalaiProvinsi:
                referral.DestinationName = ReferralText.FindCentre(name)?.DestinationName ?? name;
                break;
            case ReferralDestination.Wksbm:
                referral.DestinationInstitutionId = input.DestinationInstitutionId;
                if (input.DestinationInstitutionId is { } target)
                {
                    // Any WKSBM of DIY may receive a referral: only its name and kabupaten/kota are read.
                    var receiver = await db.Institutions.IgnoreQueryFilters().AsNoTracking().Where(i => i.Id == target)
                        .Select(i => new { i.Name, i.RegencyCode }).SingleOrDefaultAsync(cancellationToken);
                    if (receiver is null)
                    {
                        errors.Add(new(nameof(ReferralInput.DestinationInstitutionId), "WKSBM tujuan tidak ditemukan."));
                    }
                    else
                    {
                        referral.DestinationName = receiver.Name;
                        referral.DestinationRegencyCode = receiver.RegencyCode;
                    }
                }
                break;
            default:
                referral.DestinationName = name;
                break;
        }
        errors.AddRange(referral.Validate(today));
        if (input.SentOn is { } sentOn && sentOn < person.RegisteredOn && sentOn <= today)
        {
            errors.Add(new(nameof(ReferralInput.SentOn),
                $"Tanggal rujukan tidak boleh sebelum orang ini terdaftar ({person.RegisteredOn:dd-MM-yyyy})."));
        }
        if (errors.Count > 0)
        {
            return new(Outcome.Invalid, null, errors);
        }
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(cancellationToken);
        return new(Outcome.Saved, referral, []);
    }
}
