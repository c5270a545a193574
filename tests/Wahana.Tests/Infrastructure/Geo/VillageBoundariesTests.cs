using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure.Geo;

namespace Wahana.Tests.Infrastructure.Geo;

/// <summary>The embedded kalurahan boundaries agree with the region catalog.</summary>
public sealed class VillageBoundariesTests
{
    [Fact]
    public void Every_kalurahan_of_the_catalog_has_a_boundary_and_no_boundary_is_unknown()
    {
        var villages = RegionCatalog.Instance.AllDiy.Where(r => r.Level == RegionLevel.Desa).Select(r => r.Code).ToHashSet();
        var boundaries = VillageBoundaries.Instance.Codes.ToHashSet();
        Assert.Equal(438, villages.Count);
        Assert.Empty(villages.Except(boundaries));
        Assert.Empty(boundaries.Except(villages));
    }

    [Fact]
    public void A_feature_carries_its_code_and_catalog_name()
    {
        using var feature = JsonDocument.Parse(VillageBoundaries.Instance.Feature("34.02.15.2001")!);
        var properties = feature.RootElement.GetProperty("properties");
        Assert.Equal("34.02.15.2001", properties.GetProperty("code").GetString());
        Assert.Equal(RegionCatalog.Instance.Find("34.02.15.2001")!.Name, properties.GetProperty("name").GetString());
        Assert.Null(VillageBoundaries.Instance.Feature("34.02.15"));
    }
}

/// <summary>GET /peta/kalurahan.geojson and /peta/kalurahan/{code}.geojson for signed-in users.</summary>
public abstract class BoundaryEndpointTests(WahanaFactory factory)
{
    [ProviderFact]
    public async Task All_kalurahan_come_as_one_FeatureCollection_gzipped_when_asked()
    {
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Forum);
        using var plain = await client.GetAsync("/peta/kalurahan.geojson");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal("application/geo+json", plain.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await plain.Content.ReadAsByteArrayAsync());
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        Assert.InRange(json.RootElement.GetProperty("features").GetArrayLength(), 430, 438);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/peta/kalurahan.geojson");
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");
        using var zipped = await client.SendAsync(request);
        Assert.Equal(["gzip"], zipped.Content.Headers.ContentEncoding);
        await using var unzipped = new GZipStream(await zipped.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var again = await JsonDocument.ParseAsync(unzipped);
        Assert.Equal(json.RootElement.GetProperty("features").GetArrayLength(), again.RootElement.GetProperty("features").GetArrayLength());
        Assert.True(zipped.Content.Headers.ContentLength < plain.Content.Headers.ContentLength / 3);
    }

    [ProviderFact]
    public async Task One_kalurahan_by_its_code_and_404_for_an_unknown_code()
    {
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosBantul);
        using var response = await client.GetAsync("/peta/kalurahan/34.71.01.1001.geojson");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var feature = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Feature", feature.RootElement.GetProperty("type").GetString());
        Assert.Equal("34.71.01.1001", feature.RootElement.GetProperty("properties").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Array, feature.RootElement.GetProperty("geometry").GetProperty("coordinates").ValueKind);

        foreach (var unknown in new[] { "34.71.01.9999", "34.71.01", "abc" })
        {
            using var missing = await client.GetAsync($"/peta/kalurahan/{unknown}.geojson");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
    }

    [ProviderTheory]
    [InlineData("/peta/kalurahan.geojson")]
    [InlineData("/peta/kalurahan/34.02.15.2001.geojson")]
    public async Task Anonymous_visitors_are_sent_to_log_in(string url)
    {
        using var client = factory.CreateBrowserLikeClient();
        using var response = await client.GetAsync(url);
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.Unauthorized });
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith(HttpHelpers.LoginPath, response.RedirectTarget(), StringComparison.Ordinal);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class BoundaryEndpointTestsOnSqlite(SqliteFixture app) : BoundaryEndpointTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class BoundaryEndpointTestsOnPostgres(PostgresFixture app) : BoundaryEndpointTests(app.Factory);
