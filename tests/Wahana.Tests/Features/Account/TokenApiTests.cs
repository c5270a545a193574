using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Account;

/// <summary>POST /api/v1/auth/token and GET /api/v1/me.</summary>
public abstract class TokenApiTests(WahanaFactory factory)
{
    [ProviderFact]
    public async Task A_user_s_name_and_password_give_a_one_hour_token_that_identifies_the_user()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.PetugasKabupaten, regencyCode: "34.03");
        using var response = await factory.RequestTokenAsync(userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = json.RootElement.GetProperty("access_token").GetString();
        Assert.True(token is { Length: >= 32 }, $"Token too short: {token}");
        Assert.Equal(3600, json.RootElement.GetProperty("expires_in").GetInt32());

        using var client = factory.CreateApiClient(token!);
        var me = await client.GetJsonAsync("/api/v1/me");
        Assert.Equal(userName, me.GetProperty("username").GetString());
        Assert.Equal("PetugasKabupaten", me.GetProperty("role").GetString());
        Assert.Equal("regency", me.GetProperty("scope").GetProperty("kind").GetString());
        Assert.Equal("34.03", me.GetProperty("scope").GetProperty("regencyCode").GetString());
    }

    [ProviderFact]
    public async Task Every_request_gets_a_new_token_and_both_work()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.Forum);
        var first = await factory.GetTokenAsync(userName, TestUsers.Password);
        var second = await factory.GetTokenAsync(userName, TestUsers.Password);
        Assert.NotEqual(first, second);
        foreach (var token in new[] { first, second })
        {
            using var client = factory.CreateApiClient(token);
            Assert.Equal(userName, (await client.GetJsonAsync("/api/v1/me")).GetProperty("username").GetString());
        }
    }

    [ProviderFact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_401_problem()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.Forum);
        using var wrong = await factory.RequestTokenAsync(userName, "bukan-kata-sandinya");
        using var unknown = await factory.RequestTokenAsync("tidak.ada.orangnya", TestUsers.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        var wrongBody = await wrong.Content.ReadAsStringAsync();
        Assert.DoesNotContain("access_token", wrongBody, StringComparison.Ordinal);
        // No hint whether the user exists.
        using var wrongJson = JsonDocument.Parse(wrongBody);
        using var unknownJson = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        Assert.Equal(wrongJson.RootElement.GetProperty("title").GetString(), unknownJson.RootElement.GetProperty("title").GetString());
    }

    [ProviderTheory]
    [InlineData("{}")]
    [InlineData("""{"username":"","password":""}""")]
    [InlineData("""{"username":"admin.diy"}""")]
    public async Task Missing_credentials_get_401(string body)
    {
        using var client = factory.CreateClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/v1/auth/token", content);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [ProviderFact]
    public async Task A_made_up_token_gets_401()
    {
        using var client = factory.CreateApiClient("bm90LWEtcmVhbC10b2tlbi1hdC1hbGwtMDEyMzQ1Njc4OQ");
        using var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [ProviderFact]
    public async Task The_demo_admin_is_a_province_user()
    {
        using var client = await factory.CreateApiClientAsync(TestUsers.Admin);
        var me = await client.GetJsonAsync("/api/v1/me");
        Assert.Equal(TestUsers.Admin, me.GetProperty("username").GetString());
        Assert.Equal("AdminProvinsi", me.GetProperty("role").GetString());
        Assert.Equal("province", me.GetProperty("scope").GetProperty("kind").GetString());
    }

    [ProviderTheory]
    [InlineData(TestUsers.DinsosKulonProgo, "34.01")]
    [InlineData(TestUsers.DinsosBantul, "34.02")]
    [InlineData(TestUsers.DinsosGunungkidul, "34.03")]
    [InlineData(TestUsers.DinsosSleman, "34.04")]
    [InlineData(TestUsers.DinsosYogyakarta, "34.71")]
    public async Task Each_demo_district_office_works_in_its_own_regency(string userName, string regencyCode)
    {
        using var client = await factory.CreateApiClientAsync(userName);
        var me = await client.GetJsonAsync("/api/v1/me");
        Assert.Equal("PetugasKabupaten", me.GetProperty("role").GetString());
        var scope = me.GetProperty("scope");
        Assert.Equal("regency", scope.GetProperty("kind").GetString());
        Assert.Equal(regencyCode, scope.GetProperty("regencyCode").GetString());
        Assert.Equal(JsonValueKind.Null, scope.GetProperty("institutionId").ValueKind);
    }

    [ProviderFact]
    public async Task The_demo_forum_pengurus_and_relawan_have_their_roles()
    {
        using var forum = await factory.CreateApiClientAsync(TestUsers.Forum);
        var forumMe = await forum.GetJsonAsync("/api/v1/me");
        Assert.Equal("Forum", forumMe.GetProperty("role").GetString());
        Assert.Equal("province", forumMe.GetProperty("scope").GetProperty("kind").GetString());

        using var pengurus = await factory.CreateApiClientAsync(TestUsers.Pengurus(1));
        var pengurusMe = await pengurus.GetJsonAsync("/api/v1/me");
        Assert.Equal("PengurusWksbm", pengurusMe.GetProperty("role").GetString());
        Assert.Equal("institution", pengurusMe.GetProperty("scope").GetProperty("kind").GetString());

        using var relawan = await factory.CreateApiClientAsync(TestUsers.Relawan01);
        var relawanMe = await relawan.GetJsonAsync("/api/v1/me");
        Assert.Equal("Relawan", relawanMe.GetProperty("role").GetString());
        Assert.Equal(pengurusMe.GetProperty("scope").GetProperty("institutionId").GetGuid(),
            relawanMe.GetProperty("scope").GetProperty("institutionId").GetGuid());
    }

    [ProviderFact]
    public async Task The_token_endpoint_takes_JSON_field_names_in_lower_case()
    {
        var userName = await factory.CreateUserAsync(WahanaRole.Forum);
        using var client = factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token",
            new Dictionary<string, string> { ["username"] = userName, ["password"] = TestUsers.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class TokenApiTestsOnSqlite(SqliteFixture app) : TokenApiTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class TokenApiTestsOnPostgres(PostgresFixture app) : TokenApiTests(app.Factory);
