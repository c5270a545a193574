using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Data;

/// <summary>Turns the pending changes to personal and financial data into audit entries (who, when, what, old and new).</summary>
public static class AuditTrail
{
    private static readonly HashSet<Type> AuditedTypes =
    [
        typeof(Institution), typeof(BoardMember), typeof(Beneficiary), typeof(BeneficiaryCategory),
        typeof(Service), typeof(Distribution), typeof(Partner), typeof(WahanaUser),
        typeof(Volunteer), typeof(InstitutionDocument), typeof(Assessment), typeof(AssessmentScore),
        typeof(AssessmentIndicator), typeof(StrengthThresholds),
        typeof(BeneficiaryStatusChange), typeof(DuplicatePair), typeof(ServiceShareRequest),
        typeof(ServiceVolunteer), typeof(Referral), typeof(ReferralStatusChange), typeof(SemesterReport), typeof(SemesterReportStep),
    ];

    // Secrets never go into the audit trail.
    private static readonly HashSet<string> HiddenProperties =
    [
        nameof(WahanaUser.PasswordHash), nameof(WahanaUser.SecurityStamp), nameof(WahanaUser.ConcurrencyStamp),
    ];

    public static List<AuditEntry> EntriesFor(ChangeTracker tracker, CurrentUser user) =>
        [.. tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && AuditedTypes.Contains(e.Entity.GetType()))
            .Select(e => EntryFor(e, user))
            .Where(e => e is not null)
            .Select(e => e!)];

    public static AuditEntry Action(CurrentUser user, string action, string entityType, Guid entityId) => new()
    {
        UserId = user.Id,
        UserName = user.Name,
        Action = action,
        EntityType = entityType,
        EntityId = entityId.ToString(),
    };

    private static AuditEntry? EntryFor(EntityEntry entry, CurrentUser user)
    {
        var properties = entry.Properties
            .Where(p => !HiddenProperties.Contains(p.Metadata.Name))
            .Where(p => entry.State != EntityState.Modified || p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
            .ToList();
        if (entry.State == EntityState.Modified && properties.Count == 0)
        {
            return null;
        }
        var key = string.Join("/", entry.Properties.Where(p => p.Metadata.IsPrimaryKey()).Select(p => p.CurrentValue));
        return new AuditEntry
        {
            UserId = user.Id,
            UserName = user.Name,
            Action = entry.State.ToString(),
            EntityType = entry.Entity.GetType().Name,
            EntityId = key,
            OldValues = entry.State == EntityState.Added ? null : Json(properties.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)),
            NewValues = entry.State == EntityState.Deleted ? null : Json(properties.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue)),
        };
    }

    // Enums by name, text unescaped: the trail is read by people (and always HTML-encoded when shown).
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string Json(Dictionary<string, object?> values) => JsonSerializer.Serialize(values, JsonOptions);
}
