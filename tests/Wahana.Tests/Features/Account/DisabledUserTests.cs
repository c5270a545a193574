using System.Net;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Account;

/// <summary>
/// Disabling a user (the flag plus a new security stamp, as user management does) ends their access at once:
/// their bearer tokens and their cookie sessions are refused from the next request on.
/// </summary>
public abstract class DisabledUserTests(WahanaFactory factory)
{
    [ProviderFact]
    public async Task A_disabled_user_s_existing_token_gets_401_at_once()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.PetugasKabupaten, regencyCode: "34.02", prefix: "nonaktif");
        using var client = factory.CreateApiClient(await factory.GetTokenAsync(userName, TestUsers.Password));
        using (var before = await client.GetAsync("/api/v1/me"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await factory.DisableUserAsync(userName);

        using var me = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        using var institutions = await client.GetAsync("/api/v1/institutions");
        Assert.Equal(HttpStatusCode.Unauthorized, institutions.StatusCode);
    }

    [ProviderFact]
    public async Task A_disabled_user_gets_no_new_token_even_with_the_right_password()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.Forum, prefix: "nonaktif");
        await factory.DisableUserAsync(userName);
        using var response = await factory.RequestTokenAsync(userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [ProviderFact]
    public async Task A_disabled_user_s_cookie_session_is_sent_back_to_the_login_page()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.PetugasKabupaten, regencyCode: "34.04", prefix: "nonaktif");
        using var client = await factory.CreateLoggedInClientAsync(userName, TestUsers.Password);
        using (var before = await client.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await factory.DisableUserAsync(userName);

        using var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith(HttpHelpers.LoginPath, after.RedirectTarget(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task A_disabled_user_cannot_log_in_on_the_page()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.Forum, prefix: "nonaktif");
        await factory.DisableUserAsync(userName);
        using var client = factory.CreateBrowserLikeClient();
        using var response = await client.PostLoginAsync(userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("alert-danger", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class DisabledUserTestsOnSqlite(SqliteFixture app) : DisabledUserTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class DisabledUserTestsOnPostgres(PostgresFixture app) : DisabledUserTests(app.Factory);
