using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Distributions;

/// <summary>
/// The one write path of a group distribution (kegiatan penyaluran), shared by the page (/kegiatan/baru) and
/// POST /api/v1/distributions: checks the whole request, then saves the Distribution and one Service per recipient
/// in one SaveChanges (one transaction), or nothing at all.
/// </summary>
public static class DistributionRecorder
{
    public const int MaxTitleLength = 200;

    public const int MaxNotesLength = 1000;

    public const int MaxReasonLength = 500;

    /// <summary>More people than this in one activity is a mistake, not a distribution.</summary>
    public const int MaxRecipients = 1000;

    public const string ForbiddenInstitutionMessage = "Anda hanya dapat mencatat kegiatan penyaluran WKSBM Anda sendiri.";

    public const string ForbiddenRoleMessage = "Peran Anda tidak mencatat layanan kepada penerima manfaat.";

    /// <summary>The roles that record distributions: the offices, the WKSBM's board and its volunteers.</summary>
    public static bool MayRecord(WahanaRole? role) =>
        role is WahanaRole.AdminProvinsi or WahanaRole.PetugasKabupaten or WahanaRole.PengurusWksbm or WahanaRole.Relawan;

    /// <summary>A volunteer records but never deletes.</summary>
    public static bool MayDelete(WahanaRole? role) =>
        role is WahanaRole.AdminProvinsi or WahanaRole.PetugasKabupaten or WahanaRole.PengurusWksbm;

    /// <summary>What is asked. Codes are the slugs of DOMAIN.md; values are whole rupiah.</summary>
    public sealed record Request(
        Guid? InstitutionId,
        string? Title,
        DateOnly? Date,
        string? Kind,
        string? Form,
        string? FundingSource,
        Guid? PartnerId,
        long? ValuePerPerson,
        long? TotalValue,
        IReadOnlyList<Guid> RecipientIds,
        IReadOnlyList<Guid> VolunteerIds,
        string? Notes,
        bool ConfirmLargeValue);

    public enum Outcome
    {
        Saved,
        Invalid,
        Forbidden,
    }

    /// <summary>Errors are keyed by the request's field names (Title, Date, ValuePerPerson, RecipientIds ...).</summary>
    public sealed record Result(Outcome Outcome, IReadOnlyList<RuleViolation> Errors, Distribution? Distribution, int Recipients);

    /// <summary>The service kinds a distribution may be (referrals have their own record).</summary>
    public static readonly IReadOnlyList<ServiceKind> Kinds =
        [ServiceKind.Santunan, ServiceKind.Pemberdayaan, ServiceKind.Perlindungan, ServiceKind.RehabilitasiSosial];

    public static async Task<Result> SaveAsync(WahanaDbContext db, Request request, DateOnly today, CancellationToken cancellationToken)
    {
        var user = db.CurrentUser;
        if (!MayRecord(user.Role) || !user.Scope.SeesPeople)
        {
            return new(Outcome.Forbidden, [new("", ForbiddenRoleMessage)], null, 0);
        }
        var errors = new List<RuleViolation>();

        // The WKSBM: a pengurus or relawan records for their own only; an officer for one in their scope.
        Institution? institution = null;
        if (user.Scope.InstitutionId is { } own)
        {
            if (request.InstitutionId is { } asked && asked != own)
            {
                return new(Outcome.Forbidden, [new(nameof(Request.InstitutionId), ForbiddenInstitutionMessage)], null, 0);
            }
            institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == own, cancellationToken);
        }
        else if (request.InstitutionId is { } chosen)
        {
            institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == chosen, cancellationToken);
            if (institution is null)
            {
                errors.Add(new(nameof(Request.InstitutionId), "WKSBM ini tidak ditemukan di wilayah kerja Anda."));
            }
        }
        else
        {
            errors.Add(new(nameof(Request.InstitutionId), "Pilih WKSBM yang menyalurkan bantuan."));
        }

        var title = Clean(request.Title);
        if (title is null)
        {
            errors.Add(new(nameof(Request.Title), "Nama kegiatan wajib diisi, misalnya \"Santunan sembako lansia Juli\"."));
        }
        else if (title.Length > MaxTitleLength)
        {
            errors.Add(new(nameof(Request.Title), $"Nama kegiatan paling banyak {MaxTitleLength} karakter; yang diisi {title.Length} karakter."));
        }
        if (request.Date is null)
        {
            errors.Add(new(nameof(Request.Date), "Tanggal kegiatan wajib diisi."));
        }
        var kind = ParseKind(request.Kind, errors);
        var form = Parse<ServiceForm>(request.Form, nameof(Request.Form), "Pilih bentuk bantuan", errors);
        var funding = Parse<FundingSource>(request.FundingSource, nameof(Request.FundingSource), "Pilih sumber dana", errors);
        var notes = Clean(request.Notes);
        if (notes is { Length: > MaxNotesLength })
        {
            errors.Add(new(nameof(Request.Notes), $"Catatan paling banyak {MaxNotesLength} karakter; yang diisi {notes.Length} karakter."));
        }
        if (request.PartnerId is { } partnerId && !await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            errors.Add(new(nameof(Request.PartnerId), "Mitra ini tidak dikenal; pilih dari daftar mitra."));
        }

        // The recipients: each once, every one an active beneficiary of this WKSBM (a single stranger refuses the whole).
        var ids = request.RecipientIds;
        var recipients = new List<Recipient>();
        if (ids.Count == 0)
        {
            errors.Add(new(nameof(Request.RecipientIds), "Pilih minimal satu penerima; belum ada yang dicentang."));
        }
        else if (ids.Count > MaxRecipients)
        {
            errors.Add(new(nameof(Request.RecipientIds), $"Satu kegiatan paling banyak {MaxRecipients} penerima; yang dipilih {ids.Count}."));
        }
        else if (institution is not null)
        {
            var distinct = ids.Distinct().ToList();
            var institutionId = institution.Id;
            recipients = await db.Beneficiaries.AsNoTracking()
                .Where(b => distinct.Contains(b.Id) && b.InstitutionId == institutionId && b.Status == BeneficiaryStatus.Aktif && b.ErasedAt == null)
                .Select(b => new Recipient(b.Id, b.Name, b.RegisteredOn))
                .ToListAsync(cancellationToken);
            var found = recipients.Select(r => r.Id).ToHashSet();
            var strangers = distinct.Where(id => !found.Contains(id)).ToList();
            if (strangers.Count > 0)
            {
                errors.Add(new(nameof(Request.RecipientIds),
                    $"Penerima berikut bukan penerima manfaat aktif WKSBM ini: {string.Join(", ", strangers)}. "
                    + "Seluruh kegiatan ditolak; tidak ada yang disimpan."));
            }
            var twice = ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (twice.Count > 0)
            {
                var names = twice.Select(id => recipients.FirstOrDefault(r => r.Id == id)?.Name ?? id.ToString());
                errors.Add(new(nameof(Request.RecipientIds),
                    $"Penerima dipilih lebih dari sekali: {string.Join(", ", names)}. Setiap orang hanya sekali dalam satu kegiatan."));
            }
        }

        // The value: per person, or a total that must divide evenly among the recipients (refused otherwise, so that
        // the receipt list adds up to the money the treasurer handed out).
        long? perPerson = request.ValuePerPerson;
        if (request.ValuePerPerson is < 0 || request.TotalValue is < 0)
        {
            errors.Add(new(request.ValuePerPerson is < 0 ? nameof(Request.ValuePerPerson) : nameof(Request.TotalValue), "Nilai tidak boleh negatif."));
            perPerson = null;
        }
        else if (request.TotalValue is { } total)
        {
            var count = ids.Count;
            if (count > 0)
            {
                var share = total / count;
                if (total % count != 0)
                {
                    errors.Add(new(nameof(Request.TotalValue), UnevenMessage(total, count)));
                }
                else if (request.ValuePerPerson is { } given && given != share)
                {
                    errors.Add(new(nameof(Request.TotalValue),
                        $"Nilai total {Rupiah.Format(total)} dibagi {count} orang adalah {Rupiah.Format(share)} per orang, tidak sama dengan nilai per orang {Rupiah.Format(given)}. Isi salah satu saja."));
                }
                perPerson = share;
            }
        }
        else if (perPerson is null)
        {
            errors.Add(new(nameof(Request.ValuePerPerson), "Isi nilai per orang, atau nilai total yang dibagi rata (tulis 0 untuk bantuan tanpa nilai rupiah)."));
        }

        // The volunteers involved: active volunteers of this WKSBM.
        var volunteerIds = request.VolunteerIds.Distinct().ToList();
        if (volunteerIds.Count > 0 && institution is not null)
        {
            var institutionId = institution.Id;
            var known = await db.Volunteers.AsNoTracking()
                .Where(v => volunteerIds.Contains(v.Id) && v.InstitutionId == institutionId && v.IsActive)
                .Select(v => v.Id).ToListAsync(cancellationToken);
            if (known.Count != volunteerIds.Count)
            {
                errors.Add(new(nameof(Request.VolunteerIds), "Pilih relawan aktif WKSBM ini saja."));
            }
        }

        if (institution is not null && request.Date is { } lockedDate && await db.IsLockedAsync(institution.Id, lockedDate, cancellationToken))
        {
            errors.Add(new(nameof(Request.Date), SemesterLocks.Message(Semester.Of(lockedDate))));
        }

        // Each service's own rules, with the person named where the rule is about them.
        if (institution is not null && request.Date is { } date && kind is { } k && form is { } f && funding is { } s && perPerson is { } value)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var recipient in recipients.Count > 0 ? recipients : [new Recipient(Guid.Empty, "", null)])
            {
                var probe = new Service
                {
                    BeneficiaryId = recipient.Id == Guid.Empty ? Guid.NewGuid() : recipient.Id,
                    InstitutionId = institution.Id,
                    Date = date,
                    Kind = k,
                    Form = f,
                    FundingSource = s,
                    PartnerId = request.PartnerId,
                    ValueRupiah = value,
                };
                foreach (var error in probe.Validate(today, recipient.RegisteredOn, request.ConfirmLargeValue))
                {
                    var (field, message) = error.Field switch
                    {
                        nameof(Service.ValueRupiah) => (request.TotalValue is not null && request.ValuePerPerson is null ? nameof(Request.TotalValue) : nameof(Request.ValuePerPerson), error.Message),
                        nameof(Service.Date) when recipient.RegisteredOn is { } registered && date < registered =>
                            (nameof(Request.RecipientIds),
                             $"{recipient.Name} baru terdaftar pada {registered:dd-MM-yyyy}, setelah tanggal kegiatan {date:dd-MM-yyyy}. Hapus centang orang ini atau periksa tanggalnya."),
                        _ => (error.Field, error.Message),
                    };
                    if (seen.Add(field + "|" + message))
                    {
                        errors.Add(new(field, message));
                    }
                }
            }
        }

        if (errors.Count > 0)
        {
            return new(Outcome.Invalid, errors, null, ids.Count);
        }

        var distribution = new Distribution
        {
            InstitutionId = institution!.Id,
            RegencyCode = institution.RegencyCode,
            Name = title!,
            Date = request.Date!.Value,
            Kind = kind!.Value,
            Form = form!.Value,
            FundingSource = funding!.Value,
            PartnerId = request.PartnerId,
            ValuePerPerson = perPerson!.Value,
            Notes = notes,
            RecordedBy = user.Name,
        };
        db.Distributions.Add(distribution);
        foreach (var recipient in recipients)
        {
            db.Services.Add(new Service
            {
                BeneficiaryId = recipient.Id,
                InstitutionId = distribution.InstitutionId,
                RegencyCode = distribution.RegencyCode,
                DistributionId = distribution.Id,
                Date = distribution.Date,
                Kind = distribution.Kind,
                Form = distribution.Form,
                ValueRupiah = distribution.ValuePerPerson,
                FundingSource = distribution.FundingSource,
                PartnerId = distribution.PartnerId,
                Notes = notes is null ? distribution.Name : Truncate($"{distribution.Name}. {notes}", MaxNotesLength),
                RecordedBy = user.Name,
                Volunteers = [.. volunteerIds.Select(v => new ServiceVolunteer { VolunteerId = v })],
            });
        }
        // One SaveChanges: the activity, every service and the audit entries commit together or not at all.
        await db.SaveChangesAsync(cancellationToken);
        return new(Outcome.Saved, [], distribution, recipients.Count);
    }

    /// <summary>Deletes an activity and its services (soft: kept, hidden, with the reason), or says why not.</summary>
    public static async Task<string?> DeleteAsync(WahanaDbContext db, Distribution distribution, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cleaned = Clean(reason);
        if (cleaned is null)
        {
            return "Tuliskan alasan kegiatan ini dihapus.";
        }
        if (cleaned.Length > MaxReasonLength)
        {
            return $"Alasan paling banyak {MaxReasonLength} karakter; yang diisi {cleaned.Length} karakter.";
        }
        if (await db.IsLockedAsync(distribution.InstitutionId, distribution.Date, cancellationToken))
        {
            return SemesterLocks.Message(Semester.Of(distribution.Date));
        }
        var by = db.CurrentUser.Name;
        distribution.DeletedAt = now;
        distribution.DeletedBy = by;
        distribution.DeletionReason = cleaned;
        var services = await db.Services.Where(s => s.DistributionId == distribution.Id).ToListAsync(cancellationToken);
        foreach (var service in services)
        {
            service.DeletedAt = now;
            service.DeletedBy = by;
            service.DeletionReason = cleaned;
        }
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public static string UnevenMessage(long total, int count)
    {
        var share = total / count;
        var remainder = total - (share * count);
        return $"Nilai total {Rupiah.Format(total)} tidak habis dibagi {count} orang ({Rupiah.Format(share)} per orang, sisa {Rupiah.Format(remainder)}). "
            + $"Isi nilai per orang {Rupiah.Format(share)}, atau ubah nilai total menjadi {Rupiah.Format(share * count)} atau {Rupiah.Format((share + 1) * count)}.";
    }

    private sealed record Recipient(Guid Id, string Name, DateOnly? RegisteredOn);

    private static ServiceKind? ParseKind(string? text, List<RuleViolation> errors)
    {
        var kind = Parse<ServiceKind>(text, nameof(Request.Kind), "Pilih jenis layanan", errors);
        if (kind == ServiceKind.Rujukan)
        {
            errors.Add(new(nameof(Request.Kind), "Rujukan dicatat di menu Rujukan, bukan sebagai kegiatan penyaluran."));
            return null;
        }
        return kind;
    }

    private static T? Parse<T>(string? text, string field, string missing, List<RuleViolation> errors) where T : struct, Enum
    {
        var code = text?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(new(field, missing + "."));
            return null;
        }
        if (Slug.TryParse<T>(code, out var value))
        {
            return value;
        }
        errors.Add(new(field, $"{missing}: \"{code}\" tidak dikenal (pakai {string.Join(", ", Enum.GetValues<T>().Select(v => Slug.Of(v)))})."));
        return null;
    }

    public static string? Clean(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
