namespace Wahana.Web.Domain;

/// <summary>An append-only record of a write to personal or financial data, or of a deliberate reveal.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

    public Guid? UserId { get; init; }

    public string UserName { get; init; } = "";

    /// <summary>Added, Modified, Deleted, or an action such as RevealNik.</summary>
    public required string Action { get; init; }

    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    /// <summary>The changed properties' old values as JSON (null for an insert).</summary>
    public string? OldValues { get; init; }

    /// <summary>The changed properties' new values as JSON (null for a delete).</summary>
    public string? NewValues { get; init; }
}
