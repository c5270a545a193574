using System.Net;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Users;

/// <summary>/pengguna is for the province admin only.</summary>
public abstract class UserManagementPageTests(WahanaFactory factory)
{
    private static Dictionary<string, string> NewUserForm(string userName, string role, string? regency, string password) => new()
    {
        ["Input.UserName"] = userName,
        ["Input.FullName"] = "Sri Lestari",
        ["Input.Role"] = role,
        ["Input.ScopeRegencyCode"] = regency ?? "",
        ["Input.Password"] = password,
    };

    [ProviderFact]
    public async Task The_admin_creates_a_district_officer_who_then_sees_only_that_regency()
    {
        var userName = $"petugas.{Guid.NewGuid().ToString("N")[..8]}";
        using var admin = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        using var response = await admin.SubmitFormAsync("/pengguna/baru", "/pengguna/baru?handler=Save",
            NewUserForm(userName, nameof(WahanaRole.PetugasKabupaten), "34.03", "kata sandi panjang"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/pengguna", response.RedirectTarget());

        using var officer = await factory.CreateApiClientAsync(userName, "kata sandi panjang");
        var me = await officer.GetJsonAsync("/api/v1/me");
        Assert.Equal("PetugasKabupaten", me.GetProperty("role").GetString());
        Assert.Equal("34.03", me.GetProperty("scope").GetProperty("regencyCode").GetString());
        var listing = await officer.GetJsonAsync("/api/v1/institutions?pageSize=200");
        Assert.All(listing.GetProperty("items").EnumerateArray(), i => Assert.Equal("34.03", i.GetProperty("regencyCode").GetString()));

        // The write is audited with who did it, and without the password hash.
        var audit = await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(WahanaUser) && a.Action == "Added" && a.NewValues!.Contains(userName))
            .ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(TestUsers.Admin, entry.UserName);
        Assert.Contains("34.03", entry.NewValues, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", entry.NewValues, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task Bad_input_is_refused_with_Indonesian_messages_and_nothing_is_saved()
    {
        var userName = $"petugas.{Guid.NewGuid().ToString("N")[..8]}";
        using var admin = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        using var response = await admin.SubmitFormAsync("/pengguna/baru", "/pengguna/baru?handler=Save",
            NewUserForm(userName, nameof(WahanaRole.PetugasKabupaten), regency: null, password: "pendek"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Kata sandi minimal 8 karakter.", html, StringComparison.Ordinal);
        Assert.Contains("Petugas kabupaten/kota harus memilih satu kabupaten/kota.", html, StringComparison.Ordinal);
        Assert.Null(await factory.WithUsersAsync(users => users.FindByNameAsync(userName)));
    }

    [ProviderFact]
    public async Task Disabling_a_user_on_the_page_ends_their_session_and_token_at_once()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.PetugasKabupaten, "34.01", prefix: "nonaktif");
        using var victimPages = await factory.CreateLoggedInClientAsync(userName, TestUsers.Password);
        using var victimApi = await factory.CreateApiClientAsync(userName, TestUsers.Password);
        using (var before = await victimPages.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var id = await factory.WithUsersAsync(async users => (await users.FindByNameAsync(userName))!.Id);
        using var admin = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        using var disable = await admin.SubmitFormAsync($"/pengguna/{id}", $"/pengguna/{id}?handler=Disable", []);
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);

        using var page = await victimPages.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith(HttpHelpers.LoginPath, page.RedirectTarget(), StringComparison.Ordinal);
        using var api = await victimApi.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.True(await factory.WithUsersAsync(async users => (await users.FindByNameAsync(userName))!.IsDisabled));
    }

    [ProviderFact]
    public async Task An_unknown_user_id_is_a_404()
    {
        using var admin = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        using var response = await admin.GetAsync($"/pengguna/{Guid.CreateVersion7()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

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
