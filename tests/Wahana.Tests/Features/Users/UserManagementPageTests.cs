using System.Net;
using Wahana.Tests.Support;

namespace Wahana.Tests.Features.Users;

/// <summary>/pengguna is for the province admin only.</summary>
public abstract class UserManagementPageTests(WahanaFactory factory)
{
    [ProviderFact]
    public async Task The_admin_sees_the_list_of_users()
    {
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        using var response = await client.GetAsync("/pengguna");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(TestUsers.DinsosBantul, html, StringComparison.Ordinal);
        Assert.Contains(TestUsers.Pengurus(1), html, StringComparison.Ordinal);
    }

    [ProviderTheory]
    [InlineData(TestUsers.DinsosBantul)]
    [InlineData(TestUsers.Forum)]
    [InlineData("pengurus.02")]
    public async Task Other_roles_are_refused_and_see_no_user(string userName)
    {
        using var client = await factory.CreateLoggedInClientAsync(userName);
        using var response = await client.GetAsync("/pengguna");
        var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.Redirect && response.RedirectTarget().StartsWith("/akses-ditolak", StringComparison.Ordinal));
        Assert.True(refused, $"{userName} got {(int)response.StatusCode} for /pengguna");
        Assert.DoesNotContain(TestUsers.Admin, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task An_anonymous_visitor_is_sent_to_log_in_or_gets_401()
    {
        using var client = factory.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/pengguna");
        var toLogin = response.StatusCode == HttpStatusCode.Redirect
            && response.RedirectTarget().StartsWith(HttpHelpers.LoginPath, StringComparison.Ordinal);
        Assert.True(toLogin || response.StatusCode == HttpStatusCode.Unauthorized,
            $"An anonymous visitor got {(int)response.StatusCode} for /pengguna");
        Assert.DoesNotContain(TestUsers.Admin, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

[Collection(OnSqlite.Name)]
public sealed class UserManagementPageTestsOnSqlite(SqliteFixture app) : UserManagementPageTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class UserManagementPageTestsOnPostgres(PostgresFixture app) : UserManagementPageTests(app.Factory);
