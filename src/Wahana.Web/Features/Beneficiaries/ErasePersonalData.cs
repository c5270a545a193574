using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;

namespace Wahana.Web.Features.Beneficiaries;

/// <summary>
/// Erasure on the data subject's request (UU PDP): the person becomes "Anonim" with a short code, and every
/// value that identifies them is cleared, in the record, in records merged into it, in free-text notes, and in
/// earlier audit entries about them (docs/decisions/0007-erasure.md). Sex, birth date, kalurahan, categories,
/// WKSBM and all services stay, so the figures of past semesters do not change. One transaction; the erasure
/// itself is audited with its reason and the names of the cleared fields, never their values.
/// </summary>
public static class ErasePersonalData
{
    public const string Action = "ErasePersonalData";

    public const int MaxReasonLength = 500;

    /// <summary>The fields cleared (and, in audit entries, the keys whose values are replaced).</summary>
    public static readonly string[] ErasedFields =
    [
        nameof(Beneficiary.Name), nameof(Beneficiary.NameKey), nameof(Beneficiary.Nik), nameof(Beneficiary.Kk),
        nameof(Beneficiary.NoNikReason), nameof(Beneficiary.BirthPlace), nameof(Beneficiary.Address), nameof(Beneficiary.Rt),
        nameof(Beneficiary.Rw), nameof(Beneficiary.Phone), nameof(Beneficiary.Hamlet), nameof(Beneficiary.ConsentGivenBy),
        nameof(BeneficiaryStatusChange.Note), nameof(Service.Notes), nameof(ServiceShareRequest.DecisionNote),
    ];

    /// <summary>"Anonim 3f9a1c": the last six hex digits of the id (its random part).</summary>
    public static string AnonymousName(Guid id) => "Anonim " + id.ToString("N")[^6..];

    public static async Task EraseAsync(WahanaDbContext db, Guid id, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The person (in the caller's scope, checked before) and the records merged into them, wherever those were kept.
        var records = await db.Beneficiaries.IgnoreQueryFilters()
            .Where(b => b.Id == id || b.MergedIntoId == id).Select(b => b.Id).ToListAsync(cancellationToken);
        foreach (var record in records)
        {
            var name = AnonymousName(record);
            var key = PersonName.Key(name);
            // Set-based updates: no tracked changes, so the automatic audit does not copy the erased values.
            await db.Beneficiaries.IgnoreQueryFilters().Where(b => b.Id == record).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Name, name)
                .SetProperty(b => b.NameKey, key)
                .SetProperty(b => b.Nik, (string?)null)
                .SetProperty(b => b.Kk, (string?)null)
                .SetProperty(b => b.NoNikReason, (string?)null)
                .SetProperty(b => b.BirthPlace, "")
                .SetProperty(b => b.Address, "")
                .SetProperty(b => b.Rt, (string?)null)
                .SetProperty(b => b.Rw, (string?)null)
                .SetProperty(b => b.Phone, (string?)null)
                .SetProperty(b => b.Hamlet, "")
                .SetProperty(b => b.ConsentGivenBy, (string?)null)
                .SetProperty(b => b.ErasedAt, now)
                .SetProperty(b => b.Version, Guid.NewGuid()), cancellationToken);
        }
        var changes = await db.BeneficiaryStatusChanges.IgnoreQueryFilters().Where(c => records.Contains(c.BeneficiaryId))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        await db.BeneficiaryStatusChanges.IgnoreQueryFilters().Where(c => records.Contains(c.BeneficiaryId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Note, ""), cancellationToken);
        var services = await db.Services.IgnoreQueryFilters().Where(s => records.Contains(s.BeneficiaryId))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        await db.Services.IgnoreQueryFilters().Where(s => records.Contains(s.BeneficiaryId) && s.Notes != null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Notes, (string?)null), cancellationToken);
        var requests = await db.ServiceShareRequests.IgnoreQueryFilters().Where(r => records.Contains(r.BeneficiaryId))
            .Select(r => r.Id).ToListAsync(cancellationToken);
        await db.ServiceShareRequests.IgnoreQueryFilters().Where(r => records.Contains(r.BeneficiaryId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Note, "").SetProperty(r => r.DecisionNote, (string?)null), cancellationToken);

        await ScrubAuditAsync(db, records, [.. changes, .. services, .. requests], now, cancellationToken);

        db.AuditEntries.Add(ActionAudit.Entry(db.CurrentUser, Action, nameof(Beneficiary), id.ToString(), new Dictionary<string, object?>
        {
            ["reason"] = reason,
            ["records"] = records.Count,
            ["clearedFields"] = ErasedFields,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Written in a transaction (some of it outside the change tracker): the kept semester figures go after the commit.
        db.FiguresCache.ForgetAll();
    }

    /// <summary>
    /// The one exception to the append-only audit trail: entries about the person lose the values that identify
    /// them. Entries of the person's own record (its writes, reveals, exports) are replaced by a note; entries of
    /// their status changes, services and share requests keep every value but the free-text notes.
    /// </summary>
    private static async Task ScrubAuditAsync(
        WahanaDbContext db, List<Guid> records, List<Guid> related, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var note = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["dihapus"] = $"Isi dihapus atas permintaan subjek data pada {Wib.Format(now)} (UU PDP).",
        });
        var ownIds = records.Select(r => r.ToString()).ToList();
        var prefixes = records.Select(r => r + "/").ToList();
        foreach (var prefix in prefixes)
        {
            await db.AuditEntries.Where(a => a.EntityId.StartsWith(prefix))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.OldValues, a => a.OldValues == null ? null : note)
                    .SetProperty(a => a.NewValues, a => a.NewValues == null ? null : note), cancellationToken);
        }
        await db.AuditEntries.Where(a => ownIds.Contains(a.EntityId))
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.OldValues, a => a.OldValues == null ? null : note)
                .SetProperty(a => a.NewValues, a => a.NewValues == null ? null : note), cancellationToken);

        var relatedIds = related.Select(r => r.ToString()).ToList();
        var entries = await db.AuditEntries.Where(a => relatedIds.Contains(a.EntityId))
            .Select(a => new { a.Id, a.OldValues, a.NewValues }).ToListAsync(cancellationToken);
        var erased = $"[dihapus {now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}]";
        foreach (var entry in entries)
        {
            var (oldValues, newValues) = (Redact(entry.OldValues, erased), Redact(entry.NewValues, erased));
            if (oldValues != entry.OldValues || newValues != entry.NewValues)
            {
                await db.AuditEntries.Where(a => a.Id == entry.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.OldValues, oldValues)
                    .SetProperty(a => a.NewValues, newValues), cancellationToken);
            }
        }
    }

    /// <summary>The JSON of an audit entry with the values of the erased fields replaced (when they held any).</summary>
    private static string? Redact(string? json, string replacement)
    {
        if (json is null || JsonNode.Parse(json) is not JsonObject values)
        {
            return json;
        }
        var changed = false;
        foreach (var field in ErasedFields)
        {
            if (values[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length > 0)
            {
                values[field] = replacement;
                changed = true;
            }
        }
        return changed ? values.ToJsonString() : json;
    }
}
