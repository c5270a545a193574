using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Infrastructure.Auth;

public static class AuthServices
{
    /// <summary>PBKDF2 (HMAC-SHA512) work factor: at least 210,000 iterations (OWASP ASVS 5.0).</summary>
    public const int PasswordIterations = 210_000;

    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static IServiceCollection AddWahanaAuth(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.Configure<PasswordHasherOptions>(o =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = PasswordIterations;
        });
        services.AddIdentityCore<WahanaUser>(o =>
            {
                // ASVS 5.0: length, no composition rules.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789._-";
            })
            .AddEntityFrameworkStores<WahanaDbContext>()
            .AddSignInManager<WahanaSignInManager>()
            .AddClaimsPrincipalFactory<WahanaClaimsPrincipalFactory>()
            .AddErrorDescriber<IndonesianIdentityErrors>();


        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/masuk";
            o.LogoutPath = "/keluar";
            o.AccessDeniedPath = "/akses-ditolak";
            o.Cookie.Name = "wahana";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
        });
        services.AddAuthorization(WahanaPolicies.Configure);
        return services;
    }
}
