using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Beneficiaries;

/// <summary>
/// Test people for the list, profile, privacy and erasure tests. They are created only in the WKSBM of
/// pengurus.40 to pengurus.44 (other slices' tests use other WKSBM) and removed by the test that made them.
/// </summary>
internal static class BeneficiaryReadTestData
{
    public const string Mitra = "mitra.baznas";

    private static int _serial = Random.Shared.Next(0, 2000);

    public sealed record Home(Guid Id, string Name, string VillageCode, string RegencyCode);

    /// <summary>The WKSBM of pengurus.NN (40 to 44).</summary>
    public static async Task<Home> HomeOfAsync(WahanaFactory factory, int pengurus)
    {
        Assert.InRange(pengurus, 40, 44);
        var institutionId = await factory.WithUsersAsync(async users =>
            (await users.FindByNameAsync(TestUsers.Pengurus(pengurus)))!.ScopeInstitutionId!.Value);
        return await factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == institutionId)
            .Select(i => new Home(i.Id, i.Name, i.VillageCode, i.RegencyCode)).SingleAsync());
    }

    /// <summary>A word of letters that no demo name contains, to find a test person by.</summary>
    public static string Token()
    {
        const string letters = "bcdfghjklmnpqrstvwxz";
        return "Q" + new string([.. Enumerable.Range(0, 7).Select(_ => letters[Random.Shared.Next(letters.Length)])]);
    }

    /// <summary>A valid NIK for the person, registered in the kapanewon of their kalurahan, with a serial no demo NIK uses.</summary>
    public static string NikFor(string villageCode, DateOnly birthDate, Sex sex) =>
        Nik.Compose(RegionCatalog.Instance.Find(villageCode)!.ParentCode!, birthDate, sex, 9000 + (Interlocked.Increment(ref _serial) % 999));

    public static string KkFor(string villageCode) =>
        RegionCatalog.Instance.Find(villageCode)!.ParentCode!.Replace(".", "", StringComparison.Ordinal)
        + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture) + "9" + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Beneficiary Person(Home home, string name, Sex sex, DateOnly birthDate, bool withNik = true, string? kk = null, params int[] categories)
    {
        var person = new Beneficiary
        {
            Name = name,
            Sex = sex,
            BirthDate = birthDate,
            BirthPlace = "Bantul",
            Nik = withNik ? NikFor(home.VillageCode, birthDate, sex) : null,
            NoNikReason = withNik ? null : "Belum pernah direkam Dukcapil",
            Kk = kk,
            VillageCode = home.VillageCode,
            Hamlet = "Padukuhan Uji",
            Address = "Jalan Uji No. 7",
            Rt = "001",
            Rw = "002",
            Phone = "081234567890",
            InstitutionId = home.Id,
            RegisteredOn = new DateOnly(2025, 2, 3),
            ConsentGivenOn = new DateOnly(2025, 2, 3),
            ConsentGivenBy = name,
            ConsentByGuardian = false,
        };
        foreach (var category in categories.Length == 0 ? [24] : categories)
        {
            person.Categories.Add(new BeneficiaryCategory { BeneficiaryId = person.Id, CategoryId = category });
        }
        return person;
    }

    public static Task AddAsync(WahanaFactory factory, params Beneficiary[] people) => factory.WithDbAsync(async db =>
    {
        db.Beneficiaries.AddRange(people);
        return await db.SaveChangesAsync();
    });

    public static Service ServiceFor(Beneficiary person, DateOnly date, long rupiah, ServiceKind kind = ServiceKind.Santunan) => new()
    {
        BeneficiaryId = person.Id,
        InstitutionId = person.InstitutionId,
        RegencyCode = Region.RegencyCodeOf(person.VillageCode)!,
        Date = date,
        Kind = kind,
        Form = ServiceForm.Tunai,
        ValueRupiah = rupiah,
        FundingSource = FundingSource.Swadaya,
        Notes = "Diantar ke rumah " + person.Name,
    };

    public static Task AddServicesAsync(WahanaFactory factory, params Service[] services) => factory.WithDbAsync(async db =>
    {
        db.Services.AddRange(services);
        return await db.SaveChangesAsync();
    });

    /// <summary>GET /api/v1/beneficiaries with the query; the items and the answer's total.</summary>
    public static async Task<(List<JsonElement> Items, int Total, bool Capped)> ApiListAsync(HttpClient client, string query)
    {
        var json = await client.GetJsonAsync("/api/v1/beneficiaries" + query);
        return ([.. json.GetProperty("items").EnumerateArray()], json.GetProperty("total").GetInt32(), json.GetProperty("totalCapped").GetBoolean());
    }

    /// <summary>Every id the API lists for the query, page after page.</summary>
    public static async Task<List<Guid>> ApiAllIdsAsync(HttpClient client, string filters)
    {
        var ids = new List<Guid>();
        for (var page = 1; page < 100; page++)
        {
            var (items, _, _) = await ApiListAsync(client, $"?pageSize=200&page={page}{filters}");
            ids.AddRange(items.Select(i => i.GetProperty("id").GetGuid()));
            if (items.Count < 200)
            {
                return ids;
            }
        }
        throw new InvalidOperationException("Too many pages.");
    }

    /// <summary>The rows of the list page: id, name, masked NIK.</summary>
    public static async Task<(List<(Guid Id, string Name, string Nik)> Rows, string Html)> ListPageAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/penerima" + query);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /penerima{query}: {(int)response.StatusCode} {HttpHelpers.Excerpt(html)}");
        var rows = System.Text.RegularExpressions.Regex.Matches(html,
                """data-testid="beneficiary-row" data-id="(?<id>[^"]+)">\s*<td><a href="[^"]+" data-testid="beneficiary-name">(?<name>[^<]*)</a></td>\s*<td[^>]*data-testid="beneficiary-nik">\s*(?<nik>.*?)\s*</td>""",
                System.Text.RegularExpressions.RegexOptions.Singleline, TimeSpan.FromSeconds(2))
            .Select(m => (Guid.Parse(m.Groups["id"].Value), WebUtility.HtmlDecode(m.Groups["name"].Value), m.Groups["nik"].Value))
            .ToList();
        return (rows, html);
    }

    /// <summary>True when the response refuses the user: 403, or the cookie scheme's redirect to the access-denied page.</summary>
    public static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.RedirectTarget().StartsWith("/akses-ditolak", StringComparison.Ordinal));
}
