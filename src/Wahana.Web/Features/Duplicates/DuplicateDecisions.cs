using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Domain.Matching;

namespace Wahana.Web.Features.Duplicates;

/// <summary>
/// The decisions on a likely duplicate pair, for the page and the API: "not the same person" (recorded, with the
/// reason), or "merge" (one record kept, the other merged into it: every service, status change, category and
/// shared-service request moves to the kept record, which takes the merged one's missing data; the merged record
/// stays, hidden, as history). Each decision is one transaction and is audited. A pair already decided is not
/// decided again.
/// </summary>
public static class DuplicateDecisions
{
    public const int MaxNote = 500;

    public enum Outcome
    {
        Done,
        NotFound,
        Invalid,
        AlreadyDecided,
    }

    public sealed record Result(Outcome Outcome, IReadOnlyList<RuleViolation> Errors, string? Message = null)
    {
        public static readonly Result Done = new(Outcome.Done, []);

        public static readonly Result NotFound = new(Outcome.NotFound, []);
    }

    /// <summary>What the reviewer asks for: the decision, the record to keep (merge) and a note (required for "not the same").</summary>
    public sealed record Request(DuplicateDecision? Decision, Guid? KeepId, string? Note);

    public static async Task<Result> DecideAsync(WahanaDbContext db, Guid pairId, Request request, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        // In scope: both people visible to the user (the pair filter); decided pairs with a merged side too.
        var pair = await ReviewQuery.Pairs(db).AsNoTracking().SingleOrDefaultAsync(p => p.Id == pairId, cancellationToken);
        if (pair is null)
        {
            return Result.NotFound;
        }
        if (pair.Decision is not null)
        {
            return AlreadyDecided(pair);
        }
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var errors = new List<RuleViolation>();
        if (request.Decision is null)
        {
            errors.Add(new("Decision", "Pilih keputusan: bukan orang yang sama, atau gabungkan."));
        }
        if (request.Decision == DuplicateDecision.BedaOrang && note is null)
        {
            errors.Add(new("Note", "Tuliskan mengapa keduanya orang yang berbeda (misalnya: kembar, orang tua dan anak, NIK di KK berbeda)."));
        }
        if (request.Decision == DuplicateDecision.Digabung && (request.KeepId is not { } keep || (keep != pair.FirstId && keep != pair.SecondId)))
        {
            errors.Add(new("KeepId", "Pilih catatan yang dipertahankan: salah satu dari kedua catatan ini."));
        }
        if (note is { Length: > MaxNote })
        {
            errors.Add(new("Note", $"Catatan paling banyak {MaxNote} karakter; yang diisi {note.Length} karakter."));
        }
        if (errors.Count > 0)
        {
            return new(Outcome.Invalid, errors);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Claim the pair: only one decision wins, the second writer finds it decided (the update waits for, then
        // re-reads, a concurrent one on PostgreSQL; SQLite has one writer at a time).
        var claimed = await db.DuplicatePairs.IgnoreQueryFilters()
            .Where(p => p.Id == pairId && p.Decision == null && p.DecidedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DecidedAt, now), cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var decided = await db.DuplicatePairs.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == pairId, cancellationToken);
            return AlreadyDecided(decided);
        }
        try
        {
            var tracked = await db.DuplicatePairs.IgnoreQueryFilters().SingleAsync(p => p.Id == pairId, cancellationToken);
            tracked.Decision = request.Decision;
            tracked.DecidedBy = db.CurrentUser.Name;
            tracked.DecidedAt = now;
            tracked.Note = note;
            if (request.Decision == DuplicateDecision.Digabung)
            {
                var keepId = request.KeepId!.Value;
                var mergeId = keepId == pair.FirstId ? pair.SecondId : pair.FirstId;
                if (await MergeAsync(db, keepId, mergeId, pairId, cancellationToken) is { } refused)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    return new(Outcome.Invalid, [new("KeepId", refused)]);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            // Written in a transaction (some of it outside the change tracker): the kept semester figures go after the commit.
            db.FiguresCache.ForgetAll();
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new(Outcome.AlreadyDecided, [], "Salah satu catatan baru saja diubah orang lain; muat ulang lalu putuskan lagi.");
        }
        return Result.Done;
    }

    private static Result AlreadyDecided(DuplicatePair pair) => new(Outcome.AlreadyDecided, [],
        $"Pasangan ini sudah diputuskan ({ReviewQuery.DecisionName(pair.Decision ?? DuplicateDecision.BedaOrang).ToLowerInvariant()})"
        + (pair.DecidedBy is null ? "" : $" oleh {pair.DecidedBy}")
        + (pair.DecidedAt is { } at ? $" pada {Infrastructure.Wib.Format(at)}" : "")
        + ". Muat ulang antrean untuk melihat keputusan terbaru.");

    /// <summary>
    /// Merges one record into the other, inside the caller's transaction; returns an Indonesian message when the
    /// merge cannot be done (and nothing is to be saved), or null.
    /// </summary>
    private static async Task<string?> MergeAsync(WahanaDbContext db, Guid keepId, Guid mergeId, Guid pairId, CancellationToken cancellationToken)
    {
        var people = await db.Beneficiaries.Include(b => b.Categories).Where(b => b.Id == keepId || b.Id == mergeId).ToListAsync(cancellationToken);
        var keep = people.SingleOrDefault(b => b.Id == keepId);
        var merge = people.SingleOrDefault(b => b.Id == mergeId);
        if (keep is null || merge is null)
        {
            return "Salah satu catatan sudah digabung ke catatan lain; muat ulang antrean.";
        }
        if (keep.ErasedAt is not null || merge.ErasedAt is not null)
        {
            return "Salah satu catatan sudah dihapus atas permintaan orangnya (dianonimkan) dan tidak bisa digabung.";
        }

        // Everything that belongs to the person moves, whoever's scope it is in: the pair was checked to be in scope.
        var services = await db.Services.IgnoreQueryFilters().Where(s => s.BeneficiaryId == mergeId).ToListAsync(cancellationToken);
        services.ForEach(s => s.BeneficiaryId = keepId);
        var changes = await db.BeneficiaryStatusChanges.IgnoreQueryFilters().Where(c => c.BeneficiaryId == mergeId).ToListAsync(cancellationToken);
        changes.ForEach(c => c.BeneficiaryId = keepId);
        var requests = await db.ServiceShareRequests.IgnoreQueryFilters().Where(r => r.BeneficiaryId == mergeId).ToListAsync(cancellationToken);
        requests.ForEach(r => r.BeneficiaryId = keepId);
        foreach (var category in merge.Categories.ToList())
        {
            if (!keep.Categories.Any(c => c.CategoryId == category.CategoryId))
            {
                keep.Categories.Add(new BeneficiaryCategory { BeneficiaryId = keepId, CategoryId = category.CategoryId });
            }
            merge.Categories.Remove(category);
        }
        // Records merged into this one earlier now point at the kept record.
        var earlier = await db.Beneficiaries.IgnoreQueryFilters().Where(b => b.MergedIntoId == mergeId).ToListAsync(cancellationToken);
        earlier.ForEach(b => b.MergedIntoId = keepId);

        var filled = new List<string>();
        var (nik, kk) = (merge.Nik, merge.Kk);
        merge.MergedIntoId = keepId;
        // The NIK and KK are unique to one record: free them on the merged record before the kept one takes them.
        if (keep.Nik is null && nik is not null)
        {
            merge.Nik = null;
            merge.NoNikReason ??= "Digabung ke catatan lain";
        }
        if (keep.Kk is null && kk is not null)
        {
            merge.Kk = null;
        }
        await db.SaveChangesAsync(cancellationToken);

        if (keep.Nik is null && nik is not null)
        {
            keep.Nik = nik;
            keep.NoNikReason = null;
            // The NIK holds the birth date and sex: where the kept record disagrees, the record with the NIK is right.
            if (keep.BirthDate != merge.BirthDate || keep.Sex != merge.Sex)
            {
                (keep.BirthDate, keep.Sex) = (merge.BirthDate, merge.Sex);
                filled.Add("tanggal lahir dan jenis kelamin (sesuai NIK)");
            }
            filled.Add("NIK");
        }
        Fill(keep.Kk, kk, v => keep.Kk = v, "KK", filled);
        Fill(keep.Phone, merge.Phone, v => keep.Phone = v, "telepon", filled);
        Fill(keep.Rt, merge.Rt, v => keep.Rt = v, "RT", filled);
        Fill(keep.Rw, merge.Rw, v => keep.Rw = v, "RW", filled);
        Fill(NullIfEmpty(keep.BirthPlace), NullIfEmpty(merge.BirthPlace), v => keep.BirthPlace = v!, "tempat lahir", filled);
        Fill(NullIfEmpty(keep.Address), NullIfEmpty(merge.Address), v => keep.Address = v!, "alamat", filled);
        if (keep.Desil is null && merge.Desil is not null)
        {
            keep.Desil = merge.Desil;
            filled.Add("desil");
        }

        // Other pairs of the merged record are now pairs of the kept one; one already recorded for the kept record wins.
        await RepointPairsAsync(db, keep, mergeId, pairId, cancellationToken);

        db.AuditEntries.Add(new AuditEntry
        {
            UserId = db.CurrentUser.Id,
            UserName = db.CurrentUser.Name,
            Action = "MergeBeneficiary",
            EntityType = nameof(Beneficiary),
            EntityId = keepId.ToString(),
            NewValues = JsonSerializer.Serialize(new
            {
                KeptId = keepId,
                MergedId = mergeId,
                PairId = pairId,
                Services = services.Count,
                StatusChanges = changes.Count,
                ShareRequests = requests.Count,
                Filled = filled,
            }),
        });
        return null;
    }

    private static async Task RepointPairsAsync(WahanaDbContext db, Beneficiary keep, Guid mergeId, Guid pairId, CancellationToken cancellationToken)
    {
        var keepId = keep.Id;
        var pairs = await db.DuplicatePairs.IgnoreQueryFilters()
            .Where(p => p.Id != pairId && (p.FirstId == mergeId || p.SecondId == mergeId)
                && (p.Decision == null || p.Decision == DuplicateDecision.BedaOrang))
            .ToListAsync(cancellationToken);
        if (pairs.Count == 0)
        {
            return;
        }
        var others = pairs.Select(p => p.FirstId == mergeId ? p.SecondId : p.FirstId).ToList();
        var existing = await db.DuplicatePairs.IgnoreQueryFilters()
            .Where(p => (p.FirstId == keepId && others.Contains(p.SecondId)) || (p.SecondId == keepId && others.Contains(p.FirstId)))
            .Select(p => p.FirstId == keepId ? p.SecondId : p.FirstId)
            .ToListAsync(cancellationToken);
        var otherPeople = await db.Beneficiaries.IgnoreQueryFilters().AsNoTracking().Where(b => others.Contains(b.Id))
            .Select(b => new PersonToMatch(b.Id, b.NameKey, b.BirthDate, b.Sex, b.VillageCode, b.Nik))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var kept = PersonToMatch.Of(keep);
        foreach (var pair in pairs)
        {
            var other = pair.FirstId == mergeId ? pair.SecondId : pair.FirstId;
            if (other == keepId || existing.Contains(other))
            {
                db.DuplicatePairs.Remove(pair);
                continue;
            }
            (pair.FirstId, pair.SecondId) = DuplicatePair.Order(keepId, other);
            if (pair.Decision is null && otherPeople.TryGetValue(other, out var person))
            {
                var match = BeneficiaryMatcher.Compare(kept, person);
                (pair.Score, pair.Reasons) = (match.Score, match.Reasons.Length <= 500 ? match.Reasons : match.Reasons[..500]);
            }
            existing.Add(other);
        }
    }

    private static void Fill(string? kept, string? merged, Action<string?> set, string what, List<string> filled)
    {
        if (kept is null && merged is not null)
        {
            set(merged);
            filled.Add(what);
        }
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
