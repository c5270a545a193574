using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Services;

/// <summary>
/// Test people and services for the services tests. They are written only in the WKSBM of pengurus.20 to
/// pengurus.24 (other slices' tests use other WKSBM) and removed by the test that made them.
/// </summary>
internal static class ServiceTestData
{
    public const string Mitra = "mitra.baznas";

    public static readonly DateOnly RegisteredOn = new(2025, 2, 3);

    public sealed record Home(Guid Id, string Name, string VillageCode, string RegencyCode);

    /// <summary>The WKSBM of pengurus.NN (20 to 24).</summary>
    public static async Task<Home> HomeOfAsync(WahanaFactory factory, int pengurus)
    {
        Assert.InRange(pengurus, 20, 24);
        var institutionId = await factory.WithUsersAsync(async users =>
            (await users.FindByNameAsync(TestUsers.Pengurus(pengurus)))!.ScopeInstitutionId!.Value);
        return await factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == institutionId)
            .Select(i => new Home(i.Id, i.Name, i.VillageCode, i.RegencyCode)).SingleAsync());
    }

    /// <summary>A district office's account whose kabupaten/kota is not <paramref name="regencyCode"/>.</summary>
    public static string OfficeElsewhere(string regencyCode) => TestUsers.DistrictOffices.First(o => o.RegencyCode != regencyCode).UserName;

    public static string OfficeOf(string regencyCode) => TestUsers.DistrictOffices.Single(o => o.RegencyCode == regencyCode).UserName;

    /// <summary>A name no demo person has.</summary>
    public static string Token()
    {
        const string letters = "bcdfghjklmnpqrstvwxz";
        return "Q" + new string([.. Enumerable.Range(0, 7).Select(_ => letters[Random.Shared.Next(letters.Length)])]);
    }

    /// <summary>Registers a test person (no NIK, so no clash with the registry) in the WKSBM; remove with RemoveBeneficiariesAsync.</summary>
    public static async Task<Beneficiary> AddPersonAsync(WahanaFactory factory, Home home, string? name = null)
    {
        var person = new Beneficiary
        {
            Name = name ?? $"Sukinem {Token()}",
            Sex = Sex.Perempuan,
            BirthDate = new DateOnly(1950, 3, 4),
            BirthPlace = "Sleman",
            NoNikReason = "Lansia terlantar tanpa dokumen",
            VillageCode = home.VillageCode,
            Hamlet = "Padukuhan Uji",
            Address = "Jalan Uji No. 9",
            InstitutionId = home.Id,
            RegisteredOn = RegisteredOn,
            ConsentGivenOn = RegisteredOn,
            ConsentGivenBy = "Sukinem",
        };
        person.Categories.Add(new BeneficiaryCategory { BeneficiaryId = person.Id, CategoryId = 8 });
        await factory.WithDbAsync(async db =>
        {
            db.Beneficiaries.Add(person);
            return await db.SaveChangesAsync();
        });
        return person;
    }

    public static Task<Service> AddServiceAsync(WahanaFactory factory, Beneficiary person, Home home, DateOnly date, long rupiah) =>
        factory.WithDbAsync(async db =>
        {
            var service = new Service
            {
                BeneficiaryId = person.Id, InstitutionId = home.Id, RegencyCode = home.RegencyCode, Date = date,
                Kind = ServiceKind.Santunan, Form = ServiceForm.Barang, ValueRupiah = rupiah, FundingSource = FundingSource.Swadaya,
                RecordedBy = "uji",
            };
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return service;
        });

    /// <summary>The active volunteers of the WKSBM.</summary>
    public static Task<List<Guid>> ActiveVolunteersAsync(WahanaFactory factory, Guid institutionId) =>
        factory.WithDbAsync(db => db.Volunteers.Where(v => v.InstitutionId == institutionId && v.IsActive).OrderBy(v => v.Name).Select(v => v.Id).ToListAsync());

    /// <summary>Every service of the person, deleted ones too.</summary>
    public static Task<List<Service>> ServicesOfAsync(WahanaFactory factory, Guid personId) =>
        factory.WithDbAsync(db => db.Services.IgnoreQueryFilters().Include(s => s.Volunteers).Where(s => s.BeneficiaryId == personId).ToListAsync());

    /// <summary>Approves the WKSBM's report of the semester, which locks its services; remove it in a finally.</summary>
    public static Task<Guid> LockSemesterAsync(WahanaFactory factory, Home home, Semester semester) => factory.WithDbAsync(async db =>
    {
        Assert.False(await db.SemesterReports.AnyAsync(r => r.InstitutionId == home.Id && r.Year == semester.Year && r.Half == semester.Half),
            "The test WKSBM already has a report for this semester.");
        var report = new SemesterReport { InstitutionId = home.Id, RegencyCode = home.RegencyCode, Year = semester.Year, Half = semester.Half, Status = ReportStatus.Disetujui };
        db.SemesterReports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    });

    public static Task<int> UnlockAsync(WahanaFactory factory, Guid reportId) =>
        factory.WithDbAsync(db => db.SemesterReports.Where(r => r.Id == reportId).ExecuteDeleteAsync());

    /// <summary>The form's fields for a valid service; tests change one at a time.</summary>
    public static Dictionary<string, string> FormFields(Guid personId, DateOnly date, string value = "150.000") => new()
    {
        ["Input.BeneficiaryId"] = personId.ToString(),
        ["Input.Kind"] = "santunan",
        ["Input.Form"] = "barang",
        ["Input.Date"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Value"] = value,
        ["Input.FundingSource"] = "swadaya",
        ["Input.PartnerId"] = "",
        ["Input.Notes"] = "Sembako diantar ke rumah",
    };

    /// <summary>Posts the service form as multipart (as the browser does, with a file or without).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string pageUrl, Dictionary<string, string> fields, IEnumerable<(string Name, string Value)>? more = null,
        (byte[] Content, string FileName, string ContentType)? photo = null)
    {
        using var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pageUrl}: {(int)page.StatusCode} {HttpHelpers.Excerpt(html)}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(HttpHelpers.AntiforgeryToken(html)), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields.Select(f => (f.Key, f.Value)).Concat(more ?? []))
        {
            form.Add(new StringContent(value), name);
        }
        if (photo is { } file)
        {
            var content = new ByteArrayContent(file.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            form.Add(content, "Photo", file.FileName);
        }
        return await client.PostAsync(pageUrl, form);
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    /// <summary>The first message of a field in a ValidationProblem.</summary>
    public static async Task<string?> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var json = await JsonOf(response);
        return json.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages) ? messages[0].GetString() : null;
    }

    /// <summary>True when the response refuses the user: 403, or the cookie scheme's redirect to the access-denied page.</summary>
    public static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.RedirectTarget().StartsWith("/akses-ditolak", StringComparison.Ordinal));
}
