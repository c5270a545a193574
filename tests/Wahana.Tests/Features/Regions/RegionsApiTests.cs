using System.Net;
using System.Text.Json;
using Wahana.Tests.Support;

namespace Wahana.Tests.Features.Regions;

/// <summary>GET /api/v1/regions?parent=CODE: DIY's regions one level down, with DIY's own level names.</summary>
public abstract class RegionsApiTests(WahanaFactory factory)
{
    private async Task<List<JsonElement>> RegionsAsync(string query = "")
    {
        using var client = factory.CreateApiClient(await factory.ObserverTokenAsync());
        var json = await client.GetJsonAsync("/api/v1/regions" + query);
        return [.. json.EnumerateArray()];
    }

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString() ?? "";

    [ProviderFact]
    public async Task Without_parent_it_lists_the_five_kabupaten_and_kota()
    {
        var regions = await RegionsAsync();
        Assert.Equal(["34.01", "34.02", "34.03", "34.04", "34.71"], regions.Select(r => Text(r, "code")));
        Assert.Equal(["Kabupaten Kulon Progo", "Kabupaten Bantul", "Kabupaten Gunungkidul", "Kabupaten Sleman", "Kota Yogyakarta"],
            regions.Select(r => Text(r, "name")));
        Assert.Equal(["Kabupaten", "Kabupaten", "Kabupaten", "Kabupaten", "Kota"], regions.Select(r => Text(r, "levelName")));
        Assert.All(regions, r => Assert.Equal("34", Text(r, "parentCode")));
    }

    [ProviderFact]
    public async Task The_city_has_14_kemantren()
    {
        var regions = await RegionsAsync("?parent=34.71");
        Assert.Equal(14, regions.Count);
        Assert.All(regions, r =>
        {
            Assert.Equal("Kemantren", Text(r, "levelName"));
            Assert.Equal("34.71", Text(r, "parentCode"));
            Assert.StartsWith("34.71.", Text(r, "code"), StringComparison.Ordinal);
        });
    }

    [ProviderFact]
    public async Task Bantul_has_17_kapanewon()
    {
        var regions = await RegionsAsync("?parent=34.02");
        Assert.Equal(17, regions.Count);
        Assert.All(regions, r => Assert.Equal("Kapanewon", Text(r, "levelName")));
        Assert.Contains(regions, r => Text(r, "code") == "34.02.15" && Text(r, "name") == "Sewon");
        Assert.Equal(regions.Select(r => Text(r, "code")).Order(StringComparer.Ordinal), regions.Select(r => Text(r, "code")));
    }

    [ProviderFact]
    public async Task A_kapanewon_lists_its_kalurahan_and_a_kemantren_its_kelurahan()
    {
        var sewon = await RegionsAsync("?parent=34.02.15");
        Assert.Equal(["Pendowoharjo", "Timbulharjo", "Bangunharjo", "Panggungharjo"], sewon.Select(r => Text(r, "name")));
        Assert.All(sewon, r => Assert.Equal("Kalurahan", Text(r, "levelName")));

        var cityDistrict = await RegionsAsync("?parent=34.71.01");
        Assert.NotEmpty(cityDistrict);
        Assert.All(cityDistrict, r => Assert.Equal("Kelurahan", Text(r, "levelName")));
    }

    [ProviderTheory]
    [InlineData("34.99")]
    [InlineData("31.71")]
    [InlineData("nonsense")]
    public async Task An_unknown_parent_is_a_404_problem(string parent)
    {
        using var client = factory.CreateApiClient(await factory.ObserverTokenAsync());
        using var response = await client.GetAsync($"/api/v1/regions?parent={Uri.EscapeDataString(parent)}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

[Collection(OnSqlite.Name)]
public sealed class RegionsApiTestsOnSqlite(SqliteFixture app) : RegionsApiTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class RegionsApiTestsOnPostgres(PostgresFixture app) : RegionsApiTests(app.Factory);
