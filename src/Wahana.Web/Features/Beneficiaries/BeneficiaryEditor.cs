using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Domain.Matching;

namespace Wahana.Web.Features.Beneficiaries;

/// <summary>
/// The one place that registers or changes a beneficiary, for the entry form and the API alike: who may write
/// where, the domain rules, and the registry-wide duplicate checks (a NIK already held; likely duplicates, which
/// the user must declare to be other people before the save goes ahead).
/// </summary>
/// <remarks>
/// Where a person may live: a WKSBM's own users (pengurus, relawan) register people in the kapanewon of their
/// WKSBM: a WKSBM serves its padukuhan/RW, and the kapanewon leaves room for the neighbour across a kalurahan
/// border without letting a WKSBM register people anywhere in the kabupaten (whom another WKSBM should look
/// after). District officers place people anywhere in their kabupaten/kota, the province anywhere in DIY; in
/// every case the kalurahan lies in the kabupaten/kota of the person's WKSBM, so the person and the WKSBM fall
/// under the same district office.
/// </remarks>
public static class BeneficiaryEditor
{
    public enum Outcome
    {
        /// <summary>Saved (or, in a dry run, valid and without duplicates).</summary>
        Saved,
        Invalid,
        Forbidden,
        /// <summary>The record changed since the user loaded it.</summary>
        Stale,
        DuplicateNik,
        LikelyDuplicates,
    }

    /// <summary>Who holds a NIK already: always the WKSBM and its kabupaten/kota; the person only when in the user's scope.</summary>
    public sealed record NikHolder(Guid InstitutionId, string InstitutionName, string RegencyName, Guid? BeneficiaryId, string? FullName);

    /// <summary>A likely duplicate as the user may see it: personal fields only when the record is in the user's scope.</summary>
    public sealed record Candidate(
        Guid Id, double Score, string Reasons, Guid InstitutionId, string InstitutionName, string RegencyName, bool InScope,
        string? FullName, string? MaskedNik, DateOnly? BirthDate, string? VillageCode, string? VillageName);

    public sealed record Result(
        Outcome Outcome, Beneficiary? Beneficiary, IReadOnlyList<RuleViolation> Errors, NikHolder? Holder, IReadOnlyList<Candidate> Candidates)
    {
        public bool IsValid => Errors.Count == 0;
    }

    public const string ForbiddenInstitutionMessage = "Anda hanya dapat mendaftarkan dan mengubah penerima manfaat di WKSBM Anda sendiri.";

    public const string StaleMessage = "Data orang ini baru saja diubah oleh pengguna lain.";

    public static bool MayWrite(WahanaRole? role) =>
        role is WahanaRole.AdminProvinsi or WahanaRole.PetugasKabupaten or WahanaRole.PengurusWksbm or WahanaRole.Relawan;

    /// <summary>
    /// Applies <paramref name="input"/> to a new beneficiary (<paramref name="existing"/> null) or to an existing,
    /// tracked one, checks it, looks for duplicates and, unless <paramref name="dryRun"/>, saves. In a dry run the
    /// duplicate checks run even when some fields are invalid, as far as the fields they need allow.
    /// </summary>
    public static async Task<Result> SaveAsync(
        WahanaDbContext db, Beneficiary? existing, BeneficiaryInput input, DateTimeOffset now, DateOnly today, bool dryRun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        var user = db.CurrentUser;
        if (!MayWrite(user.Role) || !user.Scope.SeesPeople)
        {
            return Fail(Outcome.Forbidden, [new("", "Peran Anda tidak mengolah data pribadi penerima manfaat.")]);
        }
        var errors = new List<RuleViolation>();

        // The WKSBM: a WKSBM's own users write only into their own WKSBM (403 otherwise, the same answer whether or
        // not the other WKSBM exists); an officer picks one inside their scope.
        Institution? institution = null;
        if (user.Scope.InstitutionId is { } own)
        {
            if (input.InstitutionId is { } asked && asked != own)
            {
                return Fail(Outcome.Forbidden, [new(nameof(input.InstitutionId), ForbiddenInstitutionMessage)]);
            }
            institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == own, cancellationToken);
        }
        else if (input.InstitutionId is { } chosen)
        {
            institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == chosen, cancellationToken);
            if (institution is null)
            {
                errors.Add(new(nameof(input.InstitutionId), "WKSBM ini tidak ditemukan di wilayah kerja Anda."));
            }
        }
        else
        {
            errors.Add(new(nameof(input.InstitutionId), "Pilih WKSBM yang mendampingi orang ini."));
        }
        if (existing is null && institution is { Status: InstitutionStatus.TidakAktif })
        {
            errors.Add(new(nameof(input.InstitutionId), "WKSBM ini tidak aktif; orang baru tidak dapat didaftarkan di sana."));
        }

        if (existing is not null)
        {
            if (input.Version is null)
            {
                errors.Add(new(nameof(input.Version), "Sertakan version dari data terakhir yang Anda baca, agar perubahan orang lain tidak tertimpa."));
            }
            else if (input.Version != existing.Version)
            {
                return Fail(Outcome.Stale, [new("", StaleMessage)]);
            }
        }

        var person = existing ?? new Beneficiary { Name = "", VillageCode = "" };
        var identityBefore = existing is null ? null : Identity(existing);
        Map(input, person, institution, today, errors);
        var birthDateMissing = input.BirthDate is null;
        errors.AddRange(CheckScope(person.VillageCode, institution, user.Scope));
        var ruleErrors = person.Validate(RegionCatalog.Instance, today).ToList();
        if (birthDateMissing)
        {
            // Map set a date after today so that no rule compares against it; the only message is "required".
            ruleErrors.RemoveAll(e => e.Field == nameof(Beneficiary.BirthDate));
            ruleErrors.Add(new(nameof(Beneficiary.BirthDate), "Tanggal lahir wajib diisi."));
        }
        errors.AddRange(ruleErrors.Select(e => e.Field == nameof(Beneficiary.Name) ? e with { Field = nameof(input.FullName) } : e));
        errors = [.. errors.DistinctBy(e => (e.Field, e.Message))];
        if (errors.Count > 0 && !dryRun)
        {
            return Fail(Outcome.Invalid, errors);
        }

        // One person, one record: a NIK already in the registry (any WKSBM, merged records included) stops the save.
        if (person.Nik is not null && !errors.Any(e => e.Field == nameof(Beneficiary.Nik)) && person.Nik != existing?.Nik
            && await NikHolderAsync(db, person.Nik, person.Id, cancellationToken) is { } holder)
        {
            return new(Outcome.DuplicateNik, null, errors, holder, []);
        }

        List<Candidate> candidates = [];
        List<LikelyDuplicate> confirmed = [];
        var identityChanged = identityBefore is null || identityBefore != Identity(person);
        if (identityChanged && !birthDateMissing && ParsedSex(input) is not null && person.Name.Length > 0
            && RegionCatalog.Instance.IsDiyVillage(person.VillageCode))
        {
            person.DeriveRegion();
            var found = await LikelyDuplicates.FindAsync(db, PersonToMatch.Of(person), cancellationToken);
            confirmed = [.. found.Where(f => (input.ConfirmDifferentFrom ?? []).Contains(f.Id))];
            if (found.Count > confirmed.Count)
            {
                return new(Outcome.LikelyDuplicates, null, errors, null, await DescribeAsync(db, found, cancellationToken));
            }
            candidates = await DescribeAsync(db, found, cancellationToken);
        }
        if (errors.Count > 0)
        {
            return new(Outcome.Invalid, null, errors, null, candidates);
        }
        if (dryRun)
        {
            return new(Outcome.Saved, null, [], null, candidates);
        }

        if (existing is null)
        {
            person.Status = BeneficiaryStatus.Aktif;
            db.Beneficiaries.Add(person);
        }
        await RecordDifferentPeopleAsync(db, person.Id, confirmed, user.Name, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Fail(Outcome.Stale, [new("", StaleMessage)]);
        }
        catch (DbUpdateException) when (person.Nik is not null)
        {
            // Someone registered the same NIK a moment ago (the unique index caught it).
            db.ChangeTracker.Clear();
            if (await NikHolderAsync(db, person.Nik, person.Id, cancellationToken) is { } raced)
            {
                return new(Outcome.DuplicateNik, null, [], raced, []);
            }
            throw;
        }
        return new(Outcome.Saved, person, [], null, candidates);
    }

    /// <summary>Who holds this NIK in the registry (other than <paramref name="selfId"/>), as the user may see it.</summary>
    public static async Task<NikHolder?> NikHolderAsync(WahanaDbContext db, string nik, Guid selfId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Registry-wide, merged records included (the unique index covers them); a merged record stands for the one it went into.
        var registry = db.Beneficiaries.IgnoreQueryFilters().AsNoTracking();
        var record = await registry.Where(b => b.Nik == nik && b.Id != selfId)
            .Select(b => new RegistryRecord(b.Id, b.MergedIntoId, b.InstitutionId)).FirstOrDefaultAsync(cancellationToken);
        for (var hops = 0; record?.MergedIntoId is { } into && hops < 5; hops++)
        {
            record = await registry.Where(b => b.Id == into)
                .Select(b => new RegistryRecord(b.Id, b.MergedIntoId, b.InstitutionId)).FirstOrDefaultAsync(cancellationToken);
        }
        if (record is null)
        {
            return null;
        }
        var (holderId, institutionId) = (record.Id, record.InstitutionId);
        var institution = await InstitutionNamesAsync(db, [institutionId], cancellationToken);
        var (name, regency) = institution.GetValueOrDefault(institutionId, ("", ""));
        var visible = await db.Beneficiaries.AsNoTracking().Where(b => b.Id == holderId)
            .Select(b => new { b.Id, b.Name }).FirstOrDefaultAsync(cancellationToken);
        return new NikHolder(institutionId, name, regency, visible?.Id, visible?.Name);
    }

    private sealed record RegistryRecord(Guid Id, Guid? MergedIntoId, Guid InstitutionId);

    /// <summary>The candidates with what the user may see of each: personal fields only for records in scope.</summary>
    private static async Task<List<Candidate>> DescribeAsync(WahanaDbContext db, IReadOnlyList<LikelyDuplicate> found, CancellationToken cancellationToken)
    {
        var ids = found.Select(f => f.Id).ToList();
        var homes = await db.Beneficiaries.IgnoreQueryFilters([WahanaDbContext.ScopeFilter]).AsNoTracking()
            .Where(b => ids.Contains(b.Id)).Select(b => new { b.Id, b.InstitutionId }).ToDictionaryAsync(b => b.Id, b => b.InstitutionId, cancellationToken);
        var visible = await db.Beneficiaries.AsNoTracking().Where(b => ids.Contains(b.Id))
            .Select(b => new { b.Id, b.Name, b.Nik, b.BirthDate, b.VillageCode }).ToDictionaryAsync(b => b.Id, cancellationToken);
        var names = await InstitutionNamesAsync(db, [.. homes.Values.Distinct()], cancellationToken);
        var regions = RegionCatalog.Instance;
        return [.. found.Select(f =>
        {
            var institutionId = homes.GetValueOrDefault(f.Id);
            var (institutionName, regencyName) = names.GetValueOrDefault(institutionId, ("", ""));
            return visible.TryGetValue(f.Id, out var b)
                ? new Candidate(f.Id, f.Score, f.Reasons, institutionId, institutionName, regencyName, true,
                    b.Name, b.Nik is null ? null : Nik.Mask(b.Nik), b.BirthDate, b.VillageCode, regions.Find(b.VillageCode)?.DisplayName)
                : new Candidate(f.Id, f.Score, f.Reasons, institutionId, institutionName, regencyName, false, null, null, null, null, null);
        })];
    }

    /// <summary>WKSBM names and their kabupaten/kota, whatever the user's scope: these are not personal data.</summary>
    private static async Task<Dictionary<Guid, (string Name, string Regency)>> InstitutionNamesAsync(
        WahanaDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Institutions.IgnoreQueryFilters().AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Name, i.RegencyCode }).ToListAsync(cancellationToken);
        return rows.ToDictionary(i => i.Id, i => (i.Name, RegionCatalog.Instance.RegencyName(i.RegencyCode)));
    }

    /// <summary>Each confirmed candidate becomes (or its waiting pair is decided as) "beda orang", by this user, now.</summary>
    private static async Task RecordDifferentPeopleAsync(
        WahanaDbContext db, Guid personId, List<LikelyDuplicate> confirmed, string userName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (confirmed.Count == 0)
        {
            return;
        }
        var others = confirmed.Select(c => c.Id).ToList();
        var pairs = await db.DuplicatePairs.IgnoreQueryFilters()
            .Where(p => (p.FirstId == personId && others.Contains(p.SecondId)) || (p.SecondId == personId && others.Contains(p.FirstId)))
            .ToListAsync(cancellationToken);
        foreach (var candidate in confirmed)
        {
            var (first, second) = DuplicatePair.Order(personId, candidate.Id);
            var pair = pairs.FirstOrDefault(p => p.FirstId == first && p.SecondId == second);
            if (pair is null)
            {
                pair = new DuplicatePair { FirstId = first, SecondId = second };
                db.DuplicatePairs.Add(pair);
            }
            pair.Score = candidate.Score;
            pair.Reasons = Truncate(candidate.Reasons, 500);
            pair.Decision = DuplicateDecision.BedaOrang;
            pair.DecidedBy = userName;
            pair.DecidedAt = now;
            pair.Note = "Dinyatakan orang yang berbeda saat data dimasukkan.";
        }
    }

    private static void Map(BeneficiaryInput input, Beneficiary person, Institution? institution, DateOnly today, List<RuleViolation> errors)
    {
        person.Name = Clean(input.FullName) ?? "";
        person.Nik = input.NoNik ? null : Clean(input.Nik);
        person.NoNikReason = person.Nik is null ? Clean(input.NoNikReason) : null;
        person.Kk = Clean(input.Kk);
        if (ParsedSex(input) is { } sex)
        {
            person.Sex = sex;
        }
        else
        {
            errors.Add(new(nameof(input.Sex), "Pilih jenis kelamin: L (laki-laki) atau P (perempuan)."));
        }
        // A missing birth date is put after today, where no rule looks at it; SaveAsync reports it as required.
        person.BirthDate = input.BirthDate ?? today.AddDays(1);
        person.BirthPlace = Clean(input.BirthPlace) ?? "";
        person.VillageCode = Clean(input.VillageCode) ?? "";
        person.Hamlet = Clean(input.Hamlet) ?? "";
        person.Rt = NeighbourhoodNumber(input.Rt);
        person.Rw = NeighbourhoodNumber(input.Rw);
        person.Address = Clean(input.Address) ?? "";
        person.Phone = Clean(input.Phone)?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        person.Desil = input.Desil;
        if (institution is not null)
        {
            person.InstitutionId = institution.Id;
        }
        person.ConsentByGuardian = input.ConsentByGuardian;
        person.ConsentGivenOn = input.ConsentGivenOn;
        // Consent by the person themself is recorded under their own name.
        person.ConsentGivenBy = Clean(input.ConsentGivenBy) ?? (input.ConsentByGuardian ? null : Clean(input.FullName));
        if (input.ConsentByGuardian && person.ConsentGivenBy is null)
        {
            errors.Add(new(nameof(input.ConsentGivenBy), "Tulis nama orang tua atau wali yang memberi persetujuan."));
        }
        person.RegisteredOn = input.RegisteredOn ?? (person.RegisteredOn == default ? today : person.RegisteredOn);
        ReplaceCategories(person, input.Categories ?? [], errors);

        CheckLength(errors, nameof(input.BirthPlace), "Tempat lahir", person.BirthPlace, 100);
        CheckLength(errors, nameof(input.Hamlet), "Padukuhan/RW", person.Hamlet, 100);
        CheckLength(errors, nameof(input.Address), "Alamat", person.Address, 500);
        CheckLength(errors, nameof(input.ConsentGivenBy), "Nama pemberi persetujuan", person.ConsentGivenBy, 200);
        CheckLength(errors, nameof(input.NoNikReason), "Alasan belum punya NIK", person.NoNikReason, 300);
    }

    /// <summary>The kalurahan must lie where the user works and in the kabupaten/kota of the person's WKSBM.</summary>
    private static IEnumerable<RuleViolation> CheckScope(string villageCode, Institution? institution, AccessScope scope)
    {
        var regions = RegionCatalog.Instance;
        if (!regions.IsDiyVillage(villageCode))
        {
            yield break;
        }
        var field = nameof(BeneficiaryInput.VillageCode);
        if (scope.InstitutionId is not null && institution is not null)
        {
            var kapanewon = regions.Find(institution.VillageCode)?.ParentCode;
            if (regions.Find(villageCode)?.ParentCode != kapanewon)
            {
                yield return new(field, $"Pilih kalurahan di wilayah kerja WKSBM Anda ({regions.Find(kapanewon)?.DisplayName ?? kapanewon}).");
            }
            yield break;
        }
        if (scope.RegencyCode is { } regency && Region.RegencyCodeOf(villageCode) != regency)
        {
            yield return new(field, "Kalurahan ini di luar kabupaten/kota Anda.");
        }
        else if (institution is not null && Region.RegencyCodeOf(villageCode) != institution.RegencyCode)
        {
            yield return new(field, $"Kalurahan harus di {regions.RegencyName(institution.RegencyCode)}, kabupaten/kota WKSBM {institution.Name}.");
        }
    }

    private static void ReplaceCategories(Beneficiary person, List<string> slugs, List<RuleViolation> errors)
    {
        var wanted = new HashSet<int>();
        foreach (var slug in slugs.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal))
        {
            if (PpksCategory.FindBySlug(slug) is { } category)
            {
                wanted.Add(category.Id);
            }
            else
            {
                errors.Add(new(nameof(BeneficiaryInput.Categories), $"Kategori PPKS tidak dikenal: {slug}."));
            }
        }
        person.Categories.RemoveAll(c => !wanted.Contains(c.CategoryId));
        foreach (var id in wanted.Where(id => person.Categories.All(c => c.CategoryId != id)).Order())
        {
            person.Categories.Add(new BeneficiaryCategory { BeneficiaryId = person.Id, CategoryId = id });
        }
    }

    /// <summary>The fields duplicate detection looks at; a change of any of them runs the check again.</summary>
    private static string Identity(Beneficiary b) => string.Join('|',
        PersonName.Key(b.Name), b.Nik, b.Sex, b.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), b.VillageCode);

    private static Sex? ParsedSex(BeneficiaryInput input) => BeneficiaryInput.ParseSex(input.Sex);

    private static void CheckLength(List<RuleViolation> errors, string field, string label, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new(field, $"{label} paling banyak {max} karakter; yang diisi {value.Length} karakter."));
        }
    }

    /// <summary>RT/RW as the registry writes them: "4" becomes "004"; anything else is left for the rules to report.</summary>
    private static string? NeighbourhoodNumber(string? value)
    {
        var clean = Clean(value);
        return clean is { Length: >= 1 and <= 3 } && clean.All(char.IsAsciiDigit) ? clean.PadLeft(3, '0') : clean;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    private static Result Fail(Outcome outcome, List<RuleViolation> errors) => new(outcome, null, errors, null, []);

    /// <summary>Trims text; an empty or all-space value is no value.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
