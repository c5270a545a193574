namespace Wahana.Web.Data;

/// <summary>
/// A bearer token of the API. Only its SHA-256 hash is stored; each request looks it up and checks the user,
/// so a disabled user's tokens stop working at once.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    public required string TokenHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public DateTimeOffset ExpiresAt { get; init; }
}
