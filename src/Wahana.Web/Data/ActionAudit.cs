using System.Text.Encodings.Web;
using System.Text.Json;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Data;

/// <summary>Audit entries of deliberate actions on personal data (reveal, export, erasure), with what they were about.</summary>
public static class ActionAudit
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static AuditEntry Entry(CurrentUser user, string action, string entityType, string entityId, IReadOnlyDictionary<string, object?> values)
    {
        var entry = AuditTrail.Action(user, action, entityType, Guid.Empty);
        return new AuditEntry
        {
            Id = entry.Id,
            At = entry.At,
            UserId = entry.UserId,
            UserName = entry.UserName,
            Action = entry.Action,
            EntityType = entry.EntityType,
            EntityId = entityId,
            NewValues = JsonSerializer.Serialize(values, Json),
        };
    }
}
