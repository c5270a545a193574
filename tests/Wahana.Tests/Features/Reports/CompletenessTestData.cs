using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Reports;

/// <summary>
/// What the completeness, recap and PDF tests share: the WKSBM of pengurus.15 to pengurus.19 (the only ones these
/// tests write reports for), report rows made directly, and reading the completeness page's rows and counts.
/// </summary>
internal static partial class CompletenessTestData
{
    public sealed record Board(Guid InstitutionId, string Name, string RegencyCode, string UserName);

    public static readonly int[] Numbers = [15, 16, 17, 18, 19];

    /// <summary>A semester well before the demo's reports (the demo reports the last two complete semesters).</summary>
    public static Semester QuietSemester(WahanaFactory factory) => Semester.Of(factory.Today).Previous.Previous.Previous;

    public static Task<Board> HomeOfAsync(WahanaFactory factory, int number) => factory.WithDbAsync(async db =>
    {
        var userName = TestUsers.Pengurus(number);
        var institutionId = await db.Users.Where(u => u.UserName == userName).Select(u => u.ScopeInstitutionId).SingleAsync();
        return await db.Institutions.Where(i => i.Id == institutionId).Select(i => new Board(i.Id, i.Name, i.RegencyCode, userName)).SingleAsync();
    });

    /// <summary>A report row made directly (not through the workflow), first submitted at <paramref name="firstSubmittedAt"/>.</summary>
    public static Task<Guid> AddReportAsync(WahanaFactory factory, Board home, Semester semester, ReportStatus status, DateTimeOffset? firstSubmittedAt) =>
        factory.WithDbAsync(async db =>
        {
            var report = new SemesterReport
            {
                InstitutionId = home.InstitutionId, RegencyCode = home.RegencyCode, Year = semester.Year, Half = semester.Half, Status = status,
                FirstSubmittedAt = firstSubmittedAt, SubmittedAt = firstSubmittedAt, SubmittedBy = firstSubmittedAt is null ? null : home.UserName,
            };
            db.AuditDisabled = true;
            db.SemesterReports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });

    public static Task RemoveReportsAsync(WahanaFactory factory, params Guid[] ids) => factory.WithDbAsync(async db =>
    {
        await db.SemesterReportSteps.IgnoreQueryFilters().Where(s => ids.Contains(s.ReportId)).ExecuteDeleteAsync();
        return await db.SemesterReports.IgnoreQueryFilters().Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync();
    });

    /// <summary>A moment in Yogyakarta (WIB, UTC+7).</summary>
    public static DateTimeOffset Wib(DateOnly day, int hour, int minute) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(7)).ToUniversalTime();

    /// <summary>The rows of the per-WKSBM table: institution id → (status slug, timeliness slug).</summary>
    public static Dictionary<Guid, (string Status, string Timeliness)> Rows(string html) =>
        RowTag().Matches(html).ToDictionary(
            m => Guid.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture),
            m => (m.Groups["status"].Value, m.Groups["time"].Value));

    /// <summary>The counts of one kabupaten/kota line (or of the total line, regency null): count key → number.</summary>
    public static Dictionary<string, int>? Counts(string html, string? regencyCode)
    {
        var start = regencyCode is null
            ? html.IndexOf("data-testid=\"completeness-total\"", StringComparison.Ordinal)
            : html.IndexOf($"data-testid=\"completeness-regency\" data-regency=\"{regencyCode}\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        var end = html.IndexOf("</tr>", start, StringComparison.Ordinal);
        return CountCell().Matches(html[start..end]).ToDictionary(m => m.Groups["key"].Value, m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("""data-testid="completeness-row" data-institution="(?<id>[0-9a-f-]{36})" data-status="(?<status>[a-z-]+)" data-timeliness="(?<time>[a-z-]+)">""", RegexOptions.None, 2000)]
    private static partial Regex RowTag();

    [GeneratedRegex("""data-count="(?<key>[a-z-]+)">(?<n>\d+)<""", RegexOptions.None, 2000)]
    private static partial Regex CountCell();
}
