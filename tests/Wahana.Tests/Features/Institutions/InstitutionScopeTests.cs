using System.Net;
using System.Text.Json;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Institutions;

/// <summary>
/// GET /api/v1/institutions and /api/v1/institutions/{id} through each role's bearer token: every user sees
/// exactly their scope, and a record outside it answers 404.
/// </summary>
public abstract class InstitutionScopeTests(WahanaFactory factory)
{
    private const string AllInstitutions = "/api/v1/institutions?pageSize=200";

    private sealed record Listing(int Total, List<JsonElement> Items)
    {
        public IEnumerable<Guid> Ids => Items.Select(i => i.GetProperty("id").GetGuid());

        public IEnumerable<string> RegencyCodes => Items.Select(i => i.GetProperty("regencyCode").GetString()!);
    }

    private static async Task<Listing> ListAsync(HttpClient client, string url)
    {
        var json = await client.GetJsonAsync(url);
        return new(json.GetProperty("total").GetInt32(), [.. json.GetProperty("items").EnumerateArray()]);
    }

    private async Task<Listing> ListAsAsync(string userName, string url = AllInstitutions)
    {
        using var client = await factory.CreateApiClientAsync(userName);
        return await ListAsync(client, url);
    }

    private async Task<HttpStatusCode> DetailStatusAsync(string userName, Guid id)
    {
        using var client = await factory.CreateApiClientAsync(userName);
        using var response = await client.GetAsync($"/api/v1/institutions/{id}");
        return response.StatusCode;
    }

    [ProviderFact]
    public async Task The_province_admin_sees_all_81_WKSBM_of_the_five_regencies()
    {
        var listing = await ListAsAsync(TestUsers.Admin);
        Assert.Equal(81, listing.Total);
        Assert.Equal(81, listing.Items.Count);
        Assert.Equal(81, listing.Ids.Distinct().Count());
        Assert.Equal(["34.01", "34.02", "34.03", "34.04", "34.71"], listing.RegencyCodes.Distinct().Order(StringComparer.Ordinal));
    }

    [ProviderFact]
    public async Task The_forum_sees_all_81_WKSBM()
    {
        Assert.Equal(81, (await ListAsAsync(TestUsers.Forum)).Total);
    }

    [ProviderFact]
    public async Task The_list_is_paged_without_overlap()
    {
        using var client = await factory.CreateApiClientAsync(TestUsers.Admin);
        var first = await ListAsync(client, "/api/v1/institutions?page=1&pageSize=50");
        var second = await ListAsync(client, "/api/v1/institutions?page=2&pageSize=50");
        var beyond = await ListAsync(client, "/api/v1/institutions?page=3&pageSize=50");
        Assert.Equal((81, 50), (first.Total, first.Items.Count));
        Assert.Equal((81, 31), (second.Total, second.Items.Count));
        Assert.Empty(beyond.Items);
        Assert.Empty(first.Ids.Intersect(second.Ids));
        // Ordered by village code.
        var codes = first.Items.Concat(second.Items).Select(i => i.GetProperty("villageCode").GetString()!).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [ProviderTheory]
    [InlineData(TestUsers.DinsosKulonProgo, "34.01")]
    [InlineData(TestUsers.DinsosBantul, "34.02")]
    [InlineData(TestUsers.DinsosGunungkidul, "34.03")]
    [InlineData(TestUsers.DinsosSleman, "34.04")]
    [InlineData(TestUsers.DinsosYogyakarta, "34.71")]
    public async Task A_district_office_sees_exactly_the_WKSBM_of_its_regency(string userName, string regencyCode)
    {
        var expected = await ListAsAsync(TestUsers.Admin, $"{AllInstitutions}&regency={regencyCode}");
        Assert.InRange(expected.Total, 10, 81 - 40);

        var listing = await ListAsAsync(userName);
        Assert.Equal(expected.Total, listing.Total);
        Assert.All(listing.RegencyCodes, code => Assert.Equal(regencyCode, code));
        Assert.Equal(expected.Ids.Order(), listing.Ids.Order());
    }

    [ProviderFact]
    public async Task Bantul_gets_404_for_a_Sleman_WKSBM_and_200_for_its_own()
    {
        var sleman = (await ListAsAsync(TestUsers.Admin, $"{AllInstitutions}&regency=34.04")).Ids.First();
        var bantul = (await ListAsAsync(TestUsers.Admin, $"{AllInstitutions}&regency=34.02")).Ids.First();

        Assert.Equal(HttpStatusCode.NotFound, await DetailStatusAsync(TestUsers.DinsosBantul, sleman));
        Assert.Equal(HttpStatusCode.OK, await DetailStatusAsync(TestUsers.DinsosBantul, bantul));
        Assert.Equal(HttpStatusCode.OK, await DetailStatusAsync(TestUsers.DinsosSleman, sleman));
    }

    [ProviderFact]
    public async Task Filtering_by_another_regency_does_not_widen_a_district_office_s_scope()
    {
        var listing = await ListAsAsync(TestUsers.DinsosBantul, $"{AllInstitutions}&regency=34.04");
        Assert.Equal(0, listing.Total);
        Assert.Empty(listing.Items);
    }

    [ProviderFact]
    public async Task A_pengurus_sees_exactly_their_own_WKSBM_and_404_for_another()
    {
        using var client = await factory.CreateApiClientAsync(TestUsers.Pengurus(1));
        var own = (await client.GetJsonAsync("/api/v1/me")).GetProperty("scope").GetProperty("institutionId").GetGuid();

        var listing = await ListAsync(client, AllInstitutions);
        Assert.Equal(1, listing.Total);
        Assert.Equal([own], listing.Ids);

        var detail = await client.GetJsonAsync($"/api/v1/institutions/{own}");
        Assert.Equal(own, detail.GetProperty("id").GetGuid());

        var all = await ListAsAsync(TestUsers.Admin);
        // pengurus.01 belongs to the first WKSBM by village code.
        Assert.Equal(own, all.Ids.First());
        var another = all.Ids.First(id => id != own);
        using var response = await client.GetAsync($"/api/v1/institutions/{another}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [ProviderFact]
    public async Task A_relawan_sees_the_same_single_WKSBM_as_its_pengurus()
    {
        var pengurus = await ListAsAsync(TestUsers.Pengurus(1));
        var relawan = await ListAsAsync(TestUsers.Relawan01);
        Assert.Equal(1, relawan.Total);
        Assert.Equal(pengurus.Ids, relawan.Ids);
    }

    [ProviderFact]
    public async Task The_detail_agrees_with_the_list_and_names_the_village()
    {
        using var client = await factory.CreateApiClientAsync(TestUsers.Admin);
        var item = (await ListAsync(client, "/api/v1/institutions?regency=34.71&pageSize=1")).Items.Single();
        var id = item.GetProperty("id").GetGuid();
        var detail = await client.GetJsonAsync($"/api/v1/institutions/{id}");
        foreach (var property in new[] { "name", "villageCode", "villageName", "regencyCode", "hamlet", "status" })
        {
            Assert.Equal(item.GetProperty(property).GetString(), detail.GetProperty(property).GetString());
        }
        var villageCode = detail.GetProperty("villageCode").GetString();
        Assert.Equal(RegionCatalog.Instance.Find(villageCode)?.Name, detail.GetProperty("villageName").GetString());
        Assert.Equal("34.71", detail.GetProperty("regencyCode").GetString());
        Assert.Equal(JsonValueKind.Array, detail.GetProperty("boardMembers").ValueKind);
    }

    [ProviderFact]
    public async Task An_unknown_id_is_404_even_for_the_admin()
    {
        Assert.Equal(HttpStatusCode.NotFound, await DetailStatusAsync(TestUsers.Admin, Guid.CreateVersion7()));
    }

    [ProviderTheory]
    [InlineData("?regency=99.99", "regency")]
    [InlineData("?regency=34.02.15", "regency")]
    [InlineData("?regency=34", "regency")]
    [InlineData("?page=0", "page")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=201", "pageSize")]
    public async Task Bad_parameters_are_a_400_validation_problem_naming_the_field(string query, string field)
    {
        using var client = factory.CreateApiClient(await factory.ObserverTokenAsync());
        using var response = await client.GetAsync("/api/v1/institutions" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([field], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [ProviderTheory]
    [InlineData("/api/v1/institutions")]
    [InlineData("/api/v1/institutions/0196f3a0-0000-7000-8000-000000000001")]
    [InlineData("/api/v1/regions")]
    [InlineData("/api/v1/me")]
    public async Task Without_a_token_the_API_answers_401(string url)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class InstitutionScopeTestsOnSqlite(SqliteFixture app) : InstitutionScopeTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class InstitutionScopeTestsOnPostgres(PostgresFixture app) : InstitutionScopeTests(app.Factory);
