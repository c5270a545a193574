using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;

namespace Wahana.Tests.Features.Institutions;

/// <summary>POST and PUT /api/v1/institutions: the same rules as the pages, errors as ProblemDetails with field errors.</summary>
public abstract class InstitutionsWriteApiTests(WahanaFactory factory)
{
    private static object NewInstitution(string name, string village = "34.02.03.2001", string decreeDate = "2026-03-02") => new
    {
        name,
        villageCode = village,
        hamlet = "Cepit",
        decreeNumber = "7 Tahun 2026",
        decreeDate,
        status = "aktif",
        boardMembers = new[] { new { name = "Sri Rahayu", position = "ketua" }, new { name = "Budi Santoso", position = "sekretaris" } },
    };

    [ProviderFact]
    public async Task A_district_officer_creates_then_updates_a_WKSBM()
    {
        using var client = await factory.CreateApiClientAsync(TestUsers.DinsosBantul);
        var name = $"WKSBM API {Guid.NewGuid().ToString("N")[..6]}";
        using var created = await client.PostAsJsonAsync("/api/v1/institutions", NewInstitution(name));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal(("34.02", "aktif", 2), (body.GetProperty("regencyCode").GetString(), body.GetProperty("status").GetString(), body.GetProperty("boardMembers").GetArrayLength()));

        try
        {
            using var updated = await client.PutAsJsonAsync($"/api/v1/institutions/{id}", NewInstitution(name + " Baru"));
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
            Assert.Equal(name + " Baru", await factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == id).Select(i => i.Name).SingleAsync()));
        }
        finally
        {
            await factory.RemoveInstitutionAsync(id);
        }
    }

    [ProviderFact]
    public async Task Bad_input_is_a_ValidationProblem_with_field_errors()
    {
        using var client = await factory.CreateApiClientAsync(TestUsers.DinsosBantul);
        using var response = await client.PostAsJsonAsync("/api/v1/institutions", NewInstitution("   ", "34.02.99.9999", "2099-01-01"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors");
        Assert.Equal("Nama WKSBM wajib diisi.", errors.GetProperty("name")[0].GetString());
        Assert.Equal("Pilih kalurahan/kelurahan di DIY.", errors.GetProperty("villageCode")[0].GetString());
        Assert.Equal("Tanggal SK tidak boleh di masa depan.", errors.GetProperty("decreeDate")[0].GetString());
    }

    [ProviderFact]
    public async Task Another_regency_s_WKSBM_is_404_and_a_pengurus_changing_its_status_is_403()
    {
        var sleman = await factory.WithDbAsync(db => db.Institutions.Where(i => i.RegencyCode == "34.04").Select(i => i.Id).FirstAsync());
        using var bantul = await factory.CreateApiClientAsync(TestUsers.DinsosBantul);
        using (var response = await bantul.PutAsJsonAsync($"/api/v1/institutions/{sleman}", NewInstitution("Ambil alih")))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var userName = TestUsers.Pengurus(72);
        using var pengurus = await factory.CreateApiClientAsync(userName);
        var own = (await pengurus.GetJsonAsync("/api/v1/me")).GetProperty("scope").GetProperty("institutionId").GetGuid();
        var current = await pengurus.GetJsonAsync($"/api/v1/institutions/{own}");
        var change = new
        {
            name = current.GetProperty("name").GetString(),
            villageCode = current.GetProperty("villageCode").GetString(),
            hamlet = current.GetProperty("hamlet").GetString(),
            decreeNumber = current.GetProperty("decreeNumber").GetString(),
            decreeDate = current.GetProperty("decreeDate").GetString(),
            decreeIssuer = current.GetProperty("decreeIssuer").GetString(),
            establishedOn = current.GetProperty("establishedOn").GetString(),
            status = "tidak-aktif",
            deactivationReason = "bubar",
            boardMembers = current.GetProperty("boardMembers"),
        };
        using (var response = await pengurus.PutAsJsonAsync($"/api/v1/institutions/{own}", change))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        using var created = await pengurus.PostAsJsonAsync("/api/v1/institutions", NewInstitution("WKSBM Pengurus"));
        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
        Assert.Equal("aktif", (await pengurus.GetJsonAsync($"/api/v1/institutions/{own}")).GetProperty("status").GetString());
    }
}

[Collection(OnSqlite.Name)]
public sealed class InstitutionsWriteApiTestsOnSqlite(SqliteFixture app) : InstitutionsWriteApiTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class InstitutionsWriteApiTestsOnPostgres(PostgresFixture app) : InstitutionsWriteApiTests(app.Factory);
