using Wahana.Web.Domain;

namespace Wahana.Web.Infrastructure.Auth;

/// <summary>
/// Who is acting: the signed-in user of the current request, nobody for an anonymous request, or the
/// application itself outside any request (start-up, seeding, commands).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor)
{
    private readonly HttpContext? _httpContext = httpContextAccessor.HttpContext;

    public AccessScope Scope => _httpContext is null ? AccessScope.System : WahanaClaims.ScopeOf(_httpContext.User);

    public Guid? Id => _httpContext is null ? null : WahanaClaims.UserIdOf(_httpContext.User);

    public string Name => _httpContext is null ? "sistem" : _httpContext.User.Identity?.Name ?? "anonim";

    public WahanaRole? Role => _httpContext is null ? null : WahanaClaims.RoleOf(_httpContext.User);
}
