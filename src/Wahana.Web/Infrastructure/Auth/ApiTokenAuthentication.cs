using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Infrastructure.Auth;

/// <summary>
/// Bearer tokens of the API: random opaque strings whose SHA-256 hash is stored. Every request looks the
/// token up and checks the user afresh, so a disabled or locked user's token stops working at once.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    WahanaDbContext db,
    IUserClaimsPrincipalFactory<WahanaUser> claimsFactory,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var hash = ApiTokens.Hash(header["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow();
        var user = await db.ApiTokens
            .Where(t => t.TokenHash == hash && t.ExpiresAt > now)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => u)
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (user is null || !ApiTokens.MaySignIn(user, now))
        {
            return AuthenticateResult.Fail("Token tidak valid atau sudah kedaluwarsa.");
        }
        var principal = await claimsFactory.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(principal.Identities.Select(i => new ClaimsIdentity(i.Claims, SchemeName))), SchemeName));
    }
}

public static class ApiTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() =>
        Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static bool MaySignIn(WahanaUser user, DateTimeOffset now) =>
        !user.IsDisabled && (user.LockoutEnd is null || user.LockoutEnd <= now);
}
