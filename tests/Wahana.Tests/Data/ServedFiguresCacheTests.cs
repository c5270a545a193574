using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using static Wahana.Tests.Features.Services.ServiceTestData;

namespace Wahana.Tests.Data;

/// <summary>
/// The semester figures are kept between requests (ServedFiguresCache): a service recorded, changed or deleted over
/// HTTP shows at once on the dashboards already read, of the WKSBM and of the province, and never lingers.
/// </summary>
public abstract class ServedFiguresCacheTests(WahanaFactory factory)
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<(int People, int Services, long Rupiah)> TotalsAsync(HttpClient client, Semester semester)
    {
        using var response = await client.GetAsync($"/api/v1/dashboard?period={semester}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var totals = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totals");
        return (totals.GetProperty("peopleServed").GetInt32(), totals.GetProperty("services").GetInt32(), totals.GetProperty("rupiah").GetInt64());
    }

    [ProviderFact]
    public async Task A_service_recorded_changed_and_deleted_shows_at_once_on_dashboards_read_before()
    {
        var home = await HomeOfAsync(factory, 23);
        var person = await AddPersonAsync(factory, home);
        var semester = Semester.Of(factory.Today);
        try
        {
            using var pengurus = await factory.CreateApiClientAsync(TestUsers.Pengurus(23));
            using var admin = await factory.CreateApiClientAsync(TestUsers.Admin);
            // Read (and so keep) both areas' figures first.
            var own = await TotalsAsync(pengurus, semester);
            var province = await TotalsAsync(admin, semester);
            Assert.Equal(own, await TotalsAsync(pengurus, semester));

            var id = Guid.CreateVersion7();
            using (var created = await pengurus.PostAsJsonAsync("/api/v1/services", new
            {
                id, beneficiaryId = person.Id, date = Iso(factory.Today), kind = "santunan", form = "barang",
                value = 175_000, fundingSource = "swadaya",
            }))
            {
                Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            }
            Assert.Equal((own.People + 1, own.Services + 1, own.Rupiah + 175_000), await TotalsAsync(pengurus, semester));
            Assert.Equal((province.People + 1, province.Services + 1, province.Rupiah + 175_000), await TotalsAsync(admin, semester));

            using (var get = await pengurus.GetAsync($"/api/v1/services/{id}"))
            {
                var item = await JsonOf(get);
                using var changed = await pengurus.PutAsJsonAsync($"/api/v1/services/{id}", new
                {
                    beneficiaryId = person.Id, date = Iso(factory.Today), kind = "santunan", form = "barang",
                    value = 200_000, fundingSource = "swadaya", version = item.GetProperty("version").GetGuid(),
                });
                Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
            }
            Assert.Equal(province.Rupiah + 200_000, (await TotalsAsync(admin, semester)).Rupiah);

            using (var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/services/{id}") { Content = JsonContent.Create(new { reason = "Salah catat" }) })
            using (var deleted = await pengurus.SendAsync(request))
            {
                Assert.True(deleted.IsSuccessStatusCode, await deleted.Content.ReadAsStringAsync());
            }
            Assert.Equal(own, await TotalsAsync(pengurus, semester));
            Assert.Equal(province, await TotalsAsync(admin, semester));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class ServedFiguresCacheTestsOnSqlite(SqliteFixture app) : ServedFiguresCacheTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class ServedFiguresCacheTestsOnPostgres(PostgresFixture app) : ServedFiguresCacheTests(app.Factory);
