using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Reports;

/// <summary>
/// What the report tests share: the WKSBM of pengurus.10 to pengurus.14 (the only ones these tests write into), reports
/// set up in a given status, and their clean-up. Most tests use <see cref="QuietSemester"/>, three semesters back:
/// ended, without demo services or demo reports, so the demo's mix of statuses is never touched.
/// </summary>
internal static class ReportTestData
{
    public sealed record Home(Guid InstitutionId, string Name, string RegencyCode)
    {
        public string Office => TestUsers.DistrictOffices.Single(o => o.RegencyCode == RegencyCode).UserName;

        public string OtherOffice => TestUsers.DistrictOffices.First(o => o.RegencyCode != RegencyCode).UserName;
    }

    public sealed record Stored(ReportStatus Status, Guid Version, string Achievements, string Plans, string? Figures, int Steps);

    private static readonly ConcurrentDictionary<(WahanaFactory, string), string> Tokens = new();

    /// <summary>The semester three before today's: ended, no demo services, no demo reports.</summary>
    public static Semester QuietSemester(this WahanaFactory factory) => Semester.Of(factory.Today).Previous.Previous.Previous;

    public static Task<Home> HomeOfAsync(this WahanaFactory factory, string userName) => factory.WithDbAsync(async db =>
    {
        var institutionId = await db.Users.Where(u => u.UserName == userName).Select(u => u.ScopeInstitutionId).SingleAsync();
        return await db.Institutions.Where(i => i.Id == institutionId).Select(i => new Home(i.Id, i.Name, i.RegencyCode)).SingleAsync();
    });

    /// <summary>An API client for the user, its token asked once per application.</summary>
    public static async Task<HttpClient> ApiAsync(this WahanaFactory factory, string userName, string password = TestUsers.DemoPassword)
    {
        if (!Tokens.TryGetValue((factory, userName), out var token))
        {
            token = await factory.GetTokenAsync(userName, password);
            Tokens[(factory, userName)] = token;
        }
        return factory.CreateApiClient(token);
    }

    /// <summary>A report of the WKSBM in the given status, written straight to the database (with a submission step when submitted).</summary>
    public static Task<Guid> AddReportAsync(this WahanaFactory factory, Home home, Semester semester, ReportStatus status, string? figures = null) =>
        factory.WithDbAsync(async db =>
        {
            var submitted = status != ReportStatus.Draft;
            var report = new SemesterReport
            {
                InstitutionId = home.InstitutionId, RegencyCode = home.RegencyCode, Year = semester.Year, Half = semester.Half, Status = status,
                Achievements = submitted ? "Capaian uji" : "", Plans = submitted ? "Rencana uji" : "",
                SubmittedFigures = submitted ? figures ?? """{"peopleServed":0}""" : null,
                FirstSubmittedAt = submitted ? DateTimeOffset.UtcNow.AddDays(-3) : null,
                SubmittedAt = submitted ? DateTimeOffset.UtcNow.AddDays(-3) : null,
                SubmittedBy = submitted ? "uji" : null,
                ApprovedAt = status == ReportStatus.Disetujui ? DateTimeOffset.UtcNow.AddDays(-1) : null,
                ApprovedBy = status == ReportStatus.Disetujui ? home.Office : null,
            };
            db.AuditDisabled = true;
            db.SemesterReports.Add(report);
            if (submitted)
            {
                db.SemesterReportSteps.Add(new SemesterReportStep { ReportId = report.Id, Action = ReportAction.Diajukan, By = "uji", At = DateTimeOffset.UtcNow.AddDays(-3) });
            }
            await db.SaveChangesAsync();
            return report.Id;
        });

    public static Task<Stored?> StoredAsync(this WahanaFactory factory, Guid reportId) => factory.WithDbAsync(async db =>
    {
        var report = await db.SemesterReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId);
        return report is null
            ? null
            : new Stored(report.Status, report.Version, report.Achievements, report.Plans, report.SubmittedFigures,
                await db.SemesterReportSteps.CountAsync(s => s.ReportId == reportId));
    });

    public static Task<List<SemesterReportStep>> StepsAsync(this WahanaFactory factory, Guid reportId) =>
        factory.WithDbAsync(db => db.SemesterReportSteps.AsNoTracking().Where(s => s.ReportId == reportId).OrderBy(s => s.At).ToListAsync());

    /// <summary>Removes the WKSBM's report of the semester (whoever created it) with its steps.</summary>
    public static Task RemoveReportAsync(this WahanaFactory factory, Guid institutionId, Semester semester) => factory.WithDbAsync(async db =>
    {
        var ids = await db.SemesterReports.Where(r => r.InstitutionId == institutionId && r.Year == semester.Year && r.Half == semester.Half)
            .Select(r => r.Id).ToListAsync();
        await db.SemesterReportSteps.Where(s => ids.Contains(s.ReportId)).ExecuteDeleteAsync();
        return await db.SemesterReports.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync();
    });

    /// <summary>Active people of the WKSBM registered on or before <paramref name="day"/>, in id order.</summary>
    public static Task<List<Guid>> PeopleAsync(this WahanaFactory factory, Guid institutionId, DateOnly day, int count) => factory.WithDbAsync(db =>
        db.Beneficiaries.AsNoTracking()
            .Where(b => b.InstitutionId == institutionId && b.Status == BeneficiaryStatus.Aktif && b.ErasedAt == null && b.RegisteredOn <= day)
            .OrderBy(b => b.Id).Take(count).Select(b => b.Id).ToListAsync());

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string url, object? body)
    {
        using var response = body is null ? await client.PostAsync(url, JsonContent.Create(new { })) : await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static string[] Errors(JsonElement problem, string field) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var list)
            ? [.. list.EnumerateArray().Select(e => e.GetString() ?? "")]
            : [];

    public static string Detail(JsonElement problem) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";

    public static object Narrative(string achievements = "Melayani lansia dan anak.", string obstacles = "", string plans = "Menambah relawan.", Guid? version = null) =>
        new { achievements, obstacles, plans, version };
}
