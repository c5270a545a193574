using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Account;

/// <summary>POST /api/v1/auth/token and GET /api/v1/me.</summary>
public static class AccountApi
{
    public sealed record TokenRequest(string? Username, string? Password);

    public sealed record TokenResponse(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

    public sealed record ScopeDto(string Kind, string? RegencyCode, Guid? InstitutionId, Guid? PartnerId);

    public sealed record MeResponse(string Username, string FullName, string Role, ScopeDto Scope);

    public static void MapAccountApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueToken).AllowAnonymous().WithTags("Akun").WithSummary("Tukar nama pengguna dan kata sandi dengan token akses.");
        api.MapGet("/me", Me).RequireAuthorization(WahanaPolicies.Api).WithTags("Akun").WithSummary("Pengguna yang sedang masuk.");
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request, UserManager<WahanaUser> users, WahanaDbContext db, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var user = string.IsNullOrWhiteSpace(request.Username) ? null : await users.FindByNameAsync(request.Username.Trim());
        // Locked and disabled users get the same answer as a wrong password, and their failures still count.
        if (user is null || !ApiTokens.MaySignIn(user, now) || !await users.CheckPasswordAsync(user, request.Password ?? ""))
        {
            if (user is not null && !user.IsDisabled && ApiTokens.MaySignIn(user, now))
            {
                await users.AccessFailedAsync(user);
            }
            return TypedResults.Problem(
                title: "Nama pengguna atau kata sandi salah, atau akun tidak aktif.",
                statusCode: StatusCodes.Status401Unauthorized);
        }
        await users.ResetAccessFailedCountAsync(user);
        var token = ApiTokens.NewToken();
        db.ApiTokens.Add(new ApiToken { UserId = user.Id, TokenHash = ApiTokens.Hash(token), ExpiresAt = now + ApiTokens.Lifetime });
        await db.SaveChangesAsync();
        return TypedResults.Ok(new TokenResponse(token, (int)ApiTokens.Lifetime.TotalSeconds));
    }

    private static async Task<Results<Ok<MeResponse>, NotFound>> Me(CurrentUser current, UserManager<WahanaUser> users)
    {
        var user = current.Id is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null)
        {
            return TypedResults.NotFound();
        }
        var kind = user.Role switch
        {
            WahanaRole.AdminProvinsi or WahanaRole.Forum => "province",
            WahanaRole.PetugasKabupaten => "regency",
            WahanaRole.PengurusWksbm or WahanaRole.Relawan => "institution",
            _ => "partner",
        };
        return TypedResults.Ok(new MeResponse(user.UserName!, user.FullName, user.Role.ToString(),
            new ScopeDto(kind, user.ScopeRegencyCode, user.ScopeInstitutionId, user.ScopePartnerId)));
    }
}
