using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Services;

/// <summary>
/// The one place that records, changes and deletes a single service, for the form and the API alike: who may
/// write, which WKSBM the service belongs to, the rules of <see cref="Service.Validate"/>, the volunteers and the
/// partner, the semester lock and the row version. Nothing is saved unless everything holds.
/// </summary>
public static class ServiceEditor
{
    public enum Outcome
    {
        Saved,
        Invalid,
        Forbidden,
        /// <summary>The person (or the service) is not in the user's scope.</summary>
        NotFound,
        /// <summary>The service changed since the user read it.</summary>
        Stale,
        /// <summary>The semester's report is approved.</summary>
        Locked,
        /// <summary>A new service with an id that is taken.</summary>
        Duplicate,
    }

    public sealed record Result(Outcome Outcome, Service? Service, IReadOnlyList<RuleViolation> Errors)
    {
        public string? Message => Errors.Count > 0 ? Errors[0].Message : null;
    }

    /// <summary>A photo sent with the form: processed already, or the reason it was refused; or a request to remove it.</summary>
    public sealed record PhotoChange(byte[]? Jpeg, string? Error, bool Remove);

    public const int MaxNotesLength = 1000;

    public const int MaxReasonLength = 500;

    public const string StaleMessage = "Layanan ini baru saja diubah oleh pengguna lain.";

    public const string NotYourRoleMessage = "Peran Anda tidak mencatat layanan.";

    public const string OtherInstitutionMessage = "Anda hanya dapat mencatat layanan atas nama WKSBM Anda sendiri.";

    public const string RelawanDeleteMessage = "Relawan tidak dapat menghapus layanan; mintalah pengurus WKSBM.";

    public static bool MayWrite(WahanaRole? role) =>
        role is WahanaRole.AdminProvinsi or WahanaRole.PetugasKabupaten or WahanaRole.PengurusWksbm or WahanaRole.Relawan;

    public static bool MayDelete(WahanaRole? role) =>
        role is WahanaRole.AdminProvinsi or WahanaRole.PetugasKabupaten or WahanaRole.PengurusWksbm;

    /// <summary>
    /// Records a new service (<paramref name="existing"/> null) or changes a tracked one (loaded with its volunteers).
    /// </summary>
    public static async Task<Result> SaveAsync(
        WahanaDbContext db, ServicePhotos photos, Service? existing, ServiceInput input, PhotoChange? photo, DateOnly today,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(photos);
        ArgumentNullException.ThrowIfNull(input);
        var user = db.CurrentUser;
        if (!MayWrite(user.Role) || !user.Scope.SeesPeople)
        {
            return Fail(Outcome.Forbidden, "", NotYourRoleMessage);
        }
        var errors = new List<RuleViolation>();

        if (existing is not null)
        {
            if (input.Version is null)
            {
                return Fail(Outcome.Invalid, nameof(input.Version), "Sertakan version dari data terakhir yang Anda baca, agar perubahan orang lain tidak tertimpa.");
            }
            if (input.Version != existing.Version)
            {
                return Fail(Outcome.Stale, "", StaleMessage);
            }
        }

        // The person: in the user's scope, or 404. A service once recorded stays with its person.
        var personId = existing?.BeneficiaryId ?? input.BeneficiaryId;
        if (personId is null || personId == Guid.Empty)
        {
            return Fail(Outcome.Invalid, nameof(input.BeneficiaryId), "Pilih penerima manfaat.");
        }
        var isEdit = existing is not null;
        var person = await db.Beneficiaries.AsNoTracking().IgnoreQueryFilters([WahanaDbContext.MergedFilter])
            .Where(b => b.Id == personId && (b.MergedIntoId == null || isEdit))
            .Select(b => new { b.Id, b.InstitutionId, b.RegisteredOn, b.ErasedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return Fail(Outcome.NotFound, nameof(input.BeneficiaryId), "Penerima manfaat tidak ditemukan dalam cakupan Anda.");
        }
        if (existing is null && person.ErasedAt is not null)
        {
            errors.Add(new(nameof(input.BeneficiaryId), "Data pribadi orang ini telah dihapus; layanan baru tidak dapat dicatat."));
        }

        // The WKSBM: a WKSBM's own users record for their own WKSBM; the offices for the person's WKSBM.
        var institutionId = existing?.InstitutionId ?? user.Scope.InstitutionId ?? person.InstitutionId;
        if (input.InstitutionId is { } asked && asked != Guid.Empty && asked != institutionId)
        {
            if (user.Scope.InstitutionId is not null)
            {
                return Fail(Outcome.Forbidden, nameof(input.InstitutionId), OtherInstitutionMessage);
            }
            errors.Add(new(nameof(input.InstitutionId), existing is null
                ? "Layanan dicatat atas nama WKSBM yang mendampingi penerima manfaat ini."
                : "WKSBM pemberi layanan tidak dapat diubah."));
        }
        var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId)
            .Select(i => new { i.Id, i.RegencyCode }).SingleOrDefaultAsync(cancellationToken);
        if (institution is null)
        {
            return Fail(Outcome.NotFound, nameof(input.InstitutionId), "WKSBM ini tidak ditemukan dalam cakupan Anda.");
        }

        if (existing is null && input.Id is { } chosenId && chosenId != Guid.Empty
            && await db.Services.IgnoreQueryFilters().AnyAsync(s => s.Id == chosenId, cancellationToken))
        {
            return Fail(Outcome.Duplicate, nameof(input.Id), "Layanan dengan id ini sudah tercatat.");
        }

        var kind = ReadCode<ServiceKind>(input.Kind, nameof(input.Kind), "Pilih jenis layanan.", "Jenis layanan tidak dikenal.", errors);
        if (kind == ServiceKind.Rujukan)
        {
            errors.Add(new(nameof(input.Kind), "Rujukan dicatat lewat menu Rujukan, bukan sebagai layanan."));
        }
        var form = ReadCode<ServiceForm>(input.Form, nameof(input.Form), "Pilih bentuk layanan.", "Bentuk layanan tidak dikenal.", errors);
        var funding = ReadCode<FundingSource>(input.FundingSource, nameof(input.FundingSource), "Pilih sumber dana.", "Sumber dana tidak dikenal.", errors);
        var value = ReadValue(input, errors);
        if (input.Date is null)
        {
            errors.Add(new(nameof(input.Date), "Tanggal layanan wajib diisi."));
        }
        if (input.PartnerId is { } partnerId && partnerId != Guid.Empty
            && !await db.Partners.AsNoTracking().AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            errors.Add(new(nameof(input.PartnerId), "Mitra ini tidak dikenal."));
        }
        var notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        if (notes is { Length: > MaxNotesLength })
        {
            errors.Add(new(nameof(input.Notes), $"Catatan paling panjang {MaxNotesLength} karakter."));
        }

        // Volunteers: the active volunteers of this WKSBM (one already named on the service may stay, active or not).
        var volunteerIds = (input.VolunteerIds ?? []).Where(id => id != Guid.Empty).Distinct().ToList();
        if (volunteerIds.Count > 0)
        {
            var kept = existing?.Volunteers.Select(v => v.VolunteerId).ToList() ?? [];
            var valid = await db.Volunteers.AsNoTracking()
                .Where(v => volunteerIds.Contains(v.Id) && v.InstitutionId == institution.Id && (v.IsActive || kept.Contains(v.Id)))
                .Select(v => v.Id).ToListAsync(cancellationToken);
            if (valid.Count != volunteerIds.Count)
            {
                errors.Add(new(nameof(input.VolunteerIds), "Relawan yang dipilih harus relawan aktif WKSBM pemberi layanan ini."));
            }
        }
        if (photo?.Error is { } photoError)
        {
            errors.Add(new("Photo", photoError));
        }

        var service = existing ?? new Service { Id = input.Id is { } id && id != Guid.Empty ? id : Guid.CreateVersion7() };
        var oldDate = existing?.Date;
        service.BeneficiaryId = person.Id;
        service.InstitutionId = institution.Id;
        service.RegencyCode = institution.RegencyCode;
        service.Date = input.Date ?? today;
        service.Kind = kind ?? ServiceKind.Santunan;
        service.Form = form ?? ServiceForm.Lainnya;
        service.ValueRupiah = value ?? 0;
        service.FundingSource = funding ?? FundingSource.Lainnya;
        service.PartnerId = input.PartnerId is { } p && p != Guid.Empty ? p : null;
        service.Notes = notes;
        foreach (var violation in service.Validate(today, person.RegisteredOn, input.ConfirmLargeValue))
        {
            var field = violation.Field switch
            {
                nameof(Service.ValueRupiah) => nameof(input.Value),
                _ => violation.Field,
            };
            // A value that could not be read is one message, not two.
            if (field == nameof(input.Value) && errors.Any(e => e.Field == nameof(input.Value))
                || field == nameof(input.Date) && input.Date is null
                || field == nameof(input.PartnerId) && funding is null)
            {
                continue;
            }
            errors.Add(violation with { Field = field });
        }
        if (errors.Count > 0)
        {
            Undo(db, existing);
            return new(Outcome.Invalid, null, errors);
        }

        // A semester whose report is approved is closed: for the new date, and for the date the service had.
        foreach (var date in new[] { oldDate, (DateOnly?)service.Date }.OfType<DateOnly>().Distinct())
        {
            if (await db.IsLockedAsync(institution.Id, date, cancellationToken))
            {
                Undo(db, existing);
                return Fail(Outcome.Locked, nameof(input.Date), SemesterLocks.Message(Semester.Of(date)));
            }
        }

        if (existing is null)
        {
            service.RecordedBy = user.Name;
            db.Services.Add(service);
        }
        var wanted = volunteerIds.ToHashSet();
        service.Volunteers.RemoveAll(v => !wanted.Contains(v.VolunteerId));
        foreach (var volunteerId in wanted.Where(v => service.Volunteers.All(x => x.VolunteerId != v)))
        {
            service.Volunteers.Add(new ServiceVolunteer { ServiceId = service.Id, VolunteerId = volunteerId });
        }

        var oldPhoto = service.PhotoFile;
        string? newPhoto = null;
        if (photo?.Jpeg is { } jpeg)
        {
            newPhoto = await photos.SaveAsync(jpeg, cancellationToken);
            service.PhotoFile = newPhoto;
        }
        else if (photo?.Remove == true)
        {
            service.PhotoFile = null;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            photos.Delete(newPhoto);
            Undo(db, existing);
            return Fail(Outcome.Stale, "", StaleMessage);
        }
        catch
        {
            photos.Delete(newPhoto);
            throw;
        }
        if (oldPhoto is not null && oldPhoto != service.PhotoFile)
        {
            photos.Delete(oldPhoto);
        }
        return new(Outcome.Saved, service, []);
    }

    /// <summary>Deletes a service (soft: it is kept, hidden, with the reason, who and when; the audit trail records it).</summary>
    public static async Task<Result> DeleteAsync(WahanaDbContext db, Service service, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(service);
        if (!MayDelete(db.CurrentUser.Role))
        {
            return Fail(Outcome.Forbidden, "", db.CurrentUser.Role == WahanaRole.Relawan ? RelawanDeleteMessage : NotYourRoleMessage);
        }
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why is null)
        {
            return Fail(Outcome.Invalid, "Reason", "Tuliskan alasan layanan ini dihapus.");
        }
        if (why.Length > MaxReasonLength)
        {
            return Fail(Outcome.Invalid, "Reason", $"Alasan paling panjang {MaxReasonLength} karakter.");
        }
        if (await db.IsLockedAsync(service.InstitutionId, service.Date, cancellationToken))
        {
            return Fail(Outcome.Locked, "", SemesterLocks.Message(service.Semester));
        }
        service.DeletedAt = now;
        service.DeletedBy = db.CurrentUser.Name;
        service.DeletionReason = why;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Fail(Outcome.Stale, "", StaleMessage);
        }
        return new(Outcome.Saved, service, []);
    }

    /// <summary>
    /// Reads the value: text as typed ("150.000", "Rp 150.000"; blank is 0; a leading minus is read, so the rule
    /// can say that a value may not be negative), or the API's whole number. Null when it cannot be read.
    /// </summary>
    public static long? ReadValue(ServiceInput input, List<RuleViolation> errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        if (input.ValueUnreadable)
        {
            errors.Add(new(nameof(input.Value), Rupiah.ParseMessage));
            return null;
        }
        if (input.Value is null)
        {
            if (input.ValueRupiah is null)
            {
                errors.Add(new(nameof(input.Value), "Nilai layanan wajib diisi (0 bila tanpa nilai rupiah)."));
            }
            return input.ValueRupiah;
        }
        var text = input.Value.Trim();
        if (text.Length == 0)
        {
            return 0;
        }
        var negative = text.StartsWith('-');
        if (Rupiah.TryParse(negative ? text[1..] : text, out var amount))
        {
            return negative ? -amount : amount;
        }
        errors.Add(new(nameof(input.Value), Rupiah.ParseMessage));
        return null;
    }

    /// <summary>The value as the form shows it again: "150.000".</summary>
    public static string ValueText(long value) => value.ToString("N0", CultureInfo.GetCultureInfo("id-ID"));

    private static T? ReadCode<T>(string? code, string field, string missing, string unknown, List<RuleViolation> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(new(field, missing));
            return null;
        }
        if (Slug.TryParse<T>(code.Trim(), out var value))
        {
            return value;
        }
        errors.Add(new(field, unknown));
        return null;
    }

    /// <summary>Puts a tracked service back as it was read, so a refused change is not saved by a later SaveChanges.</summary>
    private static void Undo(WahanaDbContext db, Service? existing)
    {
        if (existing is not null)
        {
            db.ChangeTracker.Clear();
        }
    }

    private static Result Fail(Outcome outcome, string field, string message) => new(outcome, null, [new(field, message)]);
}
