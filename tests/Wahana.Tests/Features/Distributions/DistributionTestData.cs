using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Distributions;

/// <summary>
/// What the distribution tests share: the WKSBM of pengurus.25 to pengurus.29 (the only ones these tests write into),
/// their active beneficiaries, counts of rows to compare before and after, and the clean-up of what a test created.
/// </summary>
internal static class DistributionTestData
{
    public sealed record Home(Guid InstitutionId, string Name, string RegencyCode);

    public sealed record Person(Guid Id, string Name, DateOnly RegisteredOn, string? Nik);

    public static Task<Home> HomeOfAsync(WahanaFactory factory, string userName) => factory.WithDbAsync(async db =>
    {
        var institutionId = await db.Users.Where(u => u.UserName == userName).Select(u => u.ScopeInstitutionId).SingleAsync();
        return await db.Institutions.Where(i => i.Id == institutionId).Select(i => new Home(i.Id, i.Name, i.RegencyCode)).SingleAsync();
    });

    /// <summary>Active beneficiaries of the WKSBM (optionally of one PPKS category), in id order.</summary>
    public static Task<List<Person>> PeopleAsync(WahanaFactory factory, Guid institutionId, int count, int? categoryId = null) => factory.WithDbAsync(db =>
    {
        var today = factory.Today;
        var people = db.Beneficiaries.AsNoTracking()
            .Where(b => b.InstitutionId == institutionId && b.Status == BeneficiaryStatus.Aktif && b.ErasedAt == null && b.RegisteredOn <= today);
        if (categoryId is { } category)
        {
            people = people.Where(b => b.Categories.Any(c => c.CategoryId == category));
        }
        return people.OrderBy(b => b.Id).Take(count).Select(b => new Person(b.Id, b.Name, b.RegisteredOn, b.Nik)).ToListAsync();
    });

    /// <summary>An active volunteer of the WKSBM.</summary>
    public static Task<(Guid Id, string Name)> VolunteerAsync(WahanaFactory factory, Guid institutionId) => factory.WithDbAsync(async db =>
    {
        var volunteer = await db.Volunteers.AsNoTracking().Where(v => v.InstitutionId == institutionId && v.IsActive)
            .OrderBy(v => v.Id).Select(v => new { v.Id, v.Name }).FirstAsync();
        return (volunteer.Id, volunteer.Name);
    });

    public static Task<Guid> PartnerAsync(WahanaFactory factory) => factory.WithDbAsync(db => db.Partners.OrderBy(p => p.Name).Select(p => p.Id).FirstAsync());

    /// <summary>Every service and distribution row, deleted or not: nothing saved means both stay as they were.</summary>
    public static Task<(int Services, int Distributions)> CountAsync(WahanaFactory factory) => factory.WithDbAsync(async db =>
        (await db.Services.IgnoreQueryFilters().CountAsync(), await db.Distributions.IgnoreQueryFilters().CountAsync()));

    /// <summary>Removes distributions a test created (by id or by title), with their services and volunteers.</summary>
    public static Task RemoveAsync(WahanaFactory factory, params Guid[] ids) => factory.WithDbAsync(async db =>
    {
        var serviceIds = await db.Services.IgnoreQueryFilters().Where(s => s.DistributionId != null && ids.Contains(s.DistributionId.Value))
            .Select(s => s.Id).ToListAsync();
        await db.ServiceVolunteers.IgnoreQueryFilters().Where(v => serviceIds.Contains(v.ServiceId)).ExecuteDeleteAsync();
        await db.Services.IgnoreQueryFilters().Where(s => serviceIds.Contains(s.Id)).ExecuteDeleteAsync();
        return await db.Distributions.IgnoreQueryFilters().Where(d => ids.Contains(d.Id)).ExecuteDeleteAsync();
    });

    public static Task RemoveByTitleAsync(WahanaFactory factory, string title) => factory.WithDbAsync(async db =>
    {
        var ids = await db.Distributions.IgnoreQueryFilters().Where(d => d.Name == title).Select(d => d.Id).ToArrayAsync();
        await RemoveAsync(factory, ids);
        return ids.Length;
    });

    /// <summary>An approved semester report of the WKSBM for the semester of <paramref name="date"/>: locks its services.</summary>
    public static Task<Guid> LockAsync(WahanaFactory factory, Home home, DateOnly date) => factory.WithDbAsync(async db =>
    {
        var semester = Semester.Of(date);
        var report = new SemesterReport
        {
            InstitutionId = home.InstitutionId, RegencyCode = home.RegencyCode, Year = semester.Year, Half = semester.Half, Status = ReportStatus.Disetujui,
        };
        db.AuditDisabled = true;
        db.SemesterReports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    });

    public static Task UnlockAsync(WahanaFactory factory, Guid reportId) =>
        factory.WithDbAsync(db => db.SemesterReports.IgnoreQueryFilters().Where(r => r.Id == reportId).ExecuteDeleteAsync());

    public static string UniqueTitle(string prefix = "Santunan uji") => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The JSON body of POST /api/v1/distributions.</summary>
    public static Dictionary<string, object?> Body(Guid? institutionId, string title, DateOnly date, IEnumerable<Guid> recipients, long? valuePerPerson = 150_000) => new()
    {
        ["institutionId"] = institutionId,
        ["title"] = title,
        ["date"] = Iso(date),
        ["kind"] = "santunan",
        ["form"] = "barang",
        ["fundingSource"] = "swadaya",
        ["valuePerPerson"] = valuePerPerson,
        ["recipientIds"] = recipients.ToArray(),
    };

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/distributions", body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Posts a form with repeated fields (the ticked recipients), with the antiforgery token of <paramref name="pageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var page = await client.GetAsync(pageUrl);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pageUrl}: {(int)page.StatusCode}");
        var token = HttpHelpers.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        using var form = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]);
        return await client.PostAsync(postUrl, form);
    }

    public static string[] Errors(JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var list)
            ? [.. list.EnumerateArray().Select(e => e.GetString() ?? "")]
            : [];
}
