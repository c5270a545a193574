using System.Net;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using Wahana.Web.Features.Reports;
using static Wahana.Tests.Features.Reports.CompletenessTestData;

namespace Wahana.Tests.Features.Reports;

/// <summary>
/// The completeness of the semester reports (/laporan/kelengkapan): statuses (not started = no report), on time or
/// late against the deadline in WIB, counts per kabupaten/kota equal to a direct count, and the scope of each role.
/// Writes reports only for the WKSBM of pengurus.15 to pengurus.19, in a semester the demo does not report.
/// </summary>
public abstract class CompletenessTests(WahanaFactory factory)
{
    private async Task<string> PageAsync(string userName, string url)
    {
        using var client = await factory.CreateLoggedInClientAsync(userName);
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} as {userName}: {(int)response.StatusCode} {HttpHelpers.Excerpt(html)}");
        return html;
    }

    /// <summary>
    /// pengurus.15: none; .16: draft; .17: submitted 23:30 WIB on the due day (on time); .18: returned, first
    /// submitted 00:30 WIB the day after (late); .19: approved well before the due day.
    /// </summary>
    private async Task<(Board[] Homes, Guid[] Reports, Semester Semester, DateOnly Due)> ArrangeAsync()
    {
        var semester = QuietSemester(factory);
        var due = new ReportDeadlines().DueOn(semester);
        var homes = await Task.WhenAll(Numbers.Select(n => HomeOfAsync(factory, n)));
        var reports = new List<Guid>();
        try
        {
            reports.Add(await AddReportAsync(factory, homes[1], semester, ReportStatus.Draft, null));
            reports.Add(await AddReportAsync(factory, homes[2], semester, ReportStatus.Diajukan, Wib(due, 23, 30)));
            reports.Add(await AddReportAsync(factory, homes[3], semester, ReportStatus.Dikembalikan, Wib(due.AddDays(1), 0, 30)));
            reports.Add(await AddReportAsync(factory, homes[4], semester, ReportStatus.Disetujui, Wib(due.AddDays(-20), 9, 0)));
        }
        catch
        {
            await RemoveReportsAsync(factory, [.. reports]);
            throw;
        }
        return (homes, [.. reports], semester, due);
    }

    [ProviderFact]
    public async Task Each_WKSBM_shows_its_status_and_whether_it_came_in_on_time_by_the_WIB_date()
    {
        var (homes, reports, semester, _) = await ArrangeAsync();
        try
        {
            var html = await PageAsync(TestUsers.Admin, $"/laporan/kelengkapan?period={semester}");
            Assert.Equal(semester.ToString(), HttpHelpers.TestIdText(html, "completeness-period"));
            var rows = Rows(html);
            Assert.Equal(("belum-mulai", "terlambat"), rows[homes[0].InstitutionId]);
            Assert.Equal(("draft", "terlambat"), rows[homes[1].InstitutionId]);
            Assert.Equal(("diajukan", "tepat-waktu"), rows[homes[2].InstitutionId]);
            Assert.Equal(("dikembalikan", "terlambat"), rows[homes[3].InstitutionId]);
            Assert.Equal(("disetujui", "tepat-waktu"), rows[homes[4].InstitutionId]);
            Assert.Contains($"href=\"/laporan/{homes[2].InstitutionId}/{semester}\"", html, StringComparison.Ordinal);
        }
        finally
        {
            await RemoveReportsAsync(factory, reports);
        }
    }

    [ProviderFact]
    public async Task The_counts_per_kabupaten_equal_a_direct_count_of_WKSBM_and_reports()
    {
        var (homes, reports, semester, due) = await ArrangeAsync();
        try
        {
            var html = await PageAsync(TestUsers.Admin, $"/laporan/kelengkapan?period={semester}");
            foreach (var regency in homes.Select(h => h.RegencyCode).Distinct())
            {
                var expected = await factory.WithDbAsync(async db =>
                {
                    var rows = await db.SemesterReports.Where(r => r.RegencyCode == regency && r.Year == semester.Year && r.Half == semester.Half)
                        .Select(r => new { r.InstitutionId, r.Status, r.FirstSubmittedAt }).ToListAsync();
                    var institutions = await db.Institutions.CountAsync(i => i.RegencyCode == regency
                        && (i.Status == InstitutionStatus.Aktif || db.SemesterReports.Any(r => r.InstitutionId == i.Id && r.Year == semester.Year && r.Half == semester.Half)));
                    var onTime = rows.Count(r => r.FirstSubmittedAt is { } at && DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(7)).DateTime) <= due);
                    return new Dictionary<string, int>
                    {
                        ["wksbm"] = institutions,
                        ["belum-mulai"] = institutions - rows.Count,
                        ["draft"] = rows.Count(r => r.Status == ReportStatus.Draft),
                        ["diajukan"] = rows.Count(r => r.Status == ReportStatus.Diajukan),
                        ["dikembalikan"] = rows.Count(r => r.Status == ReportStatus.Dikembalikan),
                        ["disetujui"] = rows.Count(r => r.Status == ReportStatus.Disetujui),
                        ["tepat-waktu"] = onTime,
                        // The due day is long past: everything not on time is late.
                        ["terlambat"] = institutions - onTime,
                    };
                });
                Assert.Equal(expected, Counts(html, regency));
            }
            Assert.True(Counts(html, homes[1].RegencyCode)!["draft"] >= 1 && Counts(html, homes[4].RegencyCode)!["disetujui"] >= 1,
                "The arranged reports should be counted.");
            var total = Counts(html, null)!;
            Assert.Equal(await factory.WithDbAsync(db => db.Institutions.CountAsync(i => i.Status == InstitutionStatus.Aktif
                || db.SemesterReports.Any(r => r.InstitutionId == i.Id && r.Year == semester.Year && r.Half == semester.Half))), total["wksbm"]);
        }
        finally
        {
            await RemoveReportsAsync(factory, reports);
        }
    }

    [ProviderFact]
    public async Task A_configured_deadline_turns_a_late_report_into_an_on_time_one()
    {
        var (homes, reports, semester, due) = await ArrangeAsync();
        try
        {
            var later = due.AddDays(3);
            var configured = new ReportDeadlines
            {
                FirstHalfDue = later.ToString("dd-MM", System.Globalization.CultureInfo.InvariantCulture),
                SecondHalfDue = later.ToString("dd-MM", System.Globalization.CultureInfo.InvariantCulture),
            };
            Assert.Equal(later, configured.DueOn(semester));
            var query = new CompletenessQuery { Semester = semester, RegencyCode = homes[3].RegencyCode };
            var standard = await factory.WithDbAsync(db => query.LoadAsync(db, new ReportDeadlines(), factory.Today, default));
            var moved = await factory.WithDbAsync(db => query.LoadAsync(db, configured, factory.Today, default));

            Assert.Equal(Timeliness.Terlambat, standard.Rows.Single(r => r.InstitutionId == homes[3].InstitutionId).Timeliness);
            Assert.Equal(Timeliness.TepatWaktu, moved.Rows.Single(r => r.InstitutionId == homes[3].InstitutionId).Timeliness);
            Assert.Equal(later, moved.DueOn);
            Assert.Equal(standard.Total.OnTime + 1, moved.Total.OnTime);

            // Before the due day, a report not yet submitted is not late yet.
            var early = await factory.WithDbAsync(db => query.LoadAsync(db, new ReportDeadlines(), due, default));
            Assert.Equal(Timeliness.BelumJatuhTempo, early.Rows.Single(r => r.InstitutionId == homes[1].InstitutionId).Timeliness);
            var after = await factory.WithDbAsync(db => query.LoadAsync(db, new ReportDeadlines(), due.AddDays(1), default));
            Assert.Equal(Timeliness.Terlambat, after.Rows.Single(r => r.InstitutionId == homes[1].InstitutionId).Timeliness);
        }
        finally
        {
            await RemoveReportsAsync(factory, reports);
        }
    }

    [ProviderFact]
    public async Task The_list_filters_by_status_and_kabupaten_and_sorts_by_status()
    {
        var (homes, reports, semester, _) = await ArrangeAsync();
        try
        {
            var regency = homes[4].RegencyCode;
            var approved = Rows(await PageAsync(TestUsers.Admin, $"/laporan/kelengkapan?period={semester}&status=disetujui&kabupaten={regency}"));
            Assert.Contains(homes[4].InstitutionId, approved.Keys);
            Assert.All(approved.Values, r => Assert.Equal("disetujui", r.Status));
            Assert.DoesNotContain(homes[1].InstitutionId, approved.Keys);
            var inRegency = await factory.WithDbAsync(db => db.Institutions.Where(i => i.RegencyCode == regency).Select(i => i.Id).ToListAsync());
            Assert.All(approved.Keys, id => Assert.Contains(id, inRegency));

            var html = await PageAsync(TestUsers.Admin, $"/laporan/kelengkapan?period={semester}&urut=status&arah=turun");
            var order = Rows(html).Select(r => r.Value.Status).ToList();
            Assert.Equal("disetujui", order[0]);
            Assert.Equal("belum-mulai", order[^1]);
        }
        finally
        {
            await RemoveReportsAsync(factory, reports);
        }
    }

    [ProviderFact]
    public async Task Unknown_filter_values_are_ignored_with_a_notice_and_the_last_complete_semester_is_shown()
    {
        var html = await PageAsync(TestUsers.Admin, "/laporan/kelengkapan?period=2026-7&status=hilang&kabupaten=99.99");
        Assert.Contains("Sebagian pilihan saringan tidak dikenal dan tidak dipakai.", html, StringComparison.Ordinal);
        Assert.Equal(Semester.Of(factory.Today).Previous.ToString(), HttpHelpers.TestIdText(html, "completeness-period"));
        var previous = Semester.Of(factory.Today).Previous;
        var expected = await factory.WithDbAsync(db => db.Institutions.CountAsync(i => i.Status == InstitutionStatus.Aktif
            || db.SemesterReports.Any(r => r.InstitutionId == i.Id && r.Year == previous.Year && r.Half == previous.Half)));
        Assert.Equal(expected, Counts(html, null)!["wksbm"]);
    }

    [ProviderFact]
    public async Task A_district_office_sees_its_own_kabupaten_only()
    {
        var (homes, reports, semester, _) = await ArrangeAsync();
        try
        {
            var regency = homes[0].RegencyCode;
            var office = TestUsers.DistrictOffices.Single(o => o.RegencyCode == regency).UserName;
            var html = await PageAsync(office, $"/laporan/kelengkapan?period={semester}&kabupaten=34.71");
            var inRegency = await factory.WithDbAsync(db => db.Institutions.Where(i => i.RegencyCode == regency).Select(i => i.Id).ToListAsync());
            var rows = Rows(html);
            Assert.NotEmpty(rows);
            Assert.All(rows.Keys, id => Assert.Contains(id, inRegency));
            Assert.Contains(homes[0].InstitutionId, rows.Keys);
            Assert.NotNull(Counts(html, regency));
            foreach (var other in TestUsers.DistrictOffices.Where(o => o.RegencyCode != regency))
            {
                Assert.Null(Counts(html, other.RegencyCode));
            }
        }
        finally
        {
            await RemoveReportsAsync(factory, reports);
        }
    }

    [ProviderFact]
    public async Task The_forum_sees_counts_only_and_a_WKSBM_its_own_line_only()
    {
        var (homes, reports, semester, _) = await ArrangeAsync();
        try
        {
            var forum = await PageAsync(TestUsers.Forum, $"/laporan/kelengkapan?period={semester}");
            Assert.Empty(Rows(forum));
            Assert.DoesNotContain(homes[2].Name, forum, StringComparison.Ordinal);
            Assert.Equal(1, Counts(forum, homes[4].RegencyCode)!["disetujui"] - await factory.WithDbAsync(db => db.SemesterReports.CountAsync(r =>
                r.RegencyCode == homes[4].RegencyCode && r.Year == semester.Year && r.Half == semester.Half && r.Status == ReportStatus.Disetujui && r.Id != reports[3])));

            var own = await PageAsync(homes[2].UserName, $"/laporan/kelengkapan?period={semester}");
            var rows = Rows(own);
            Assert.Equal([homes[2].InstitutionId], rows.Keys);
            Assert.Equal(("diajukan", "tepat-waktu"), rows[homes[2].InstitutionId]);
            Assert.Null(Counts(own, homes[2].RegencyCode));
        }
        finally
        {
            await RemoveReportsAsync(factory, reports);
        }
    }

    [ProviderFact]
    public async Task The_board_is_reminded_of_a_returned_or_unsubmitted_report_with_the_days_left_and_a_link()
    {
        var home = await HomeOfAsync(factory, 17);
        var semester = CompletenessQuery.DefaultSemester(factory.Today);
        var due = new ReportDeadlines().DueOn(semester);
        // The demo may already hold this report: change it for the test and put it back afterwards.
        var existing = await factory.WithDbAsync(db => db.SemesterReports.AsNoTracking()
            .Where(r => r.InstitutionId == home.InstitutionId && r.Year == semester.Year && r.Half == semester.Half)
            .Select(r => new { r.Id, r.Status }).SingleOrDefaultAsync());
        var id = existing?.Id ?? await AddReportAsync(factory, home, semester, ReportStatus.Dikembalikan, Wib(due, 8, 0));
        Task SetAsync(ReportStatus status) => factory.WithDbAsync(db =>
            db.SemesterReports.Where(r => r.Id == id).ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, status)));
        try
        {
            await SetAsync(ReportStatus.Dikembalikan);
            var html = await PageAsync(home.UserName, "/");
            Assert.Contains("data-testid=\"report-reminder\"", html, StringComparison.Ordinal);
            Assert.Contains($"data-period=\"{semester}\"", html, StringComparison.Ordinal);
            Assert.Contains($"data-days-left=\"{due.DayNumber - factory.Today.DayNumber}\"", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/laporan/{home.InstitutionId}/{semester}\"", html, StringComparison.Ordinal);
            Assert.Contains("dikembalikan untuk diperbaiki", html, StringComparison.Ordinal);
            Assert.Contains(due.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);

            await SetAsync(ReportStatus.Diajukan);
            Assert.DoesNotContain("data-testid=\"report-reminder\"", await PageAsync(home.UserName, "/"), StringComparison.Ordinal);

            // Offices get no reminder of their own.
            Assert.DoesNotContain("data-testid=\"report-reminder\"", await PageAsync(TestUsers.Admin, "/"), StringComparison.Ordinal);
        }
        finally
        {
            if (existing is null)
            {
                await RemoveReportsAsync(factory, id);
            }
            else
            {
                await SetAsync(existing.Status);
            }
        }
    }

    [ProviderFact]
    public async Task The_board_of_a_WKSBM_with_no_report_yet_is_reminded_too()
    {
        var home = await HomeOfAsync(factory, 16);
        var semester = CompletenessQuery.DefaultSemester(factory.Today);
        var existing = await factory.WithDbAsync(db => db.SemesterReports.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(r => r.InstitutionId == home.InstitutionId && r.Year == semester.Year && r.Half == semester.Half));
        var html = await PageAsync(home.UserName, "/");
        if (existing is null || existing.Status is ReportStatus.Draft or ReportStatus.Dikembalikan)
        {
            Assert.Contains("data-testid=\"report-reminder\"", html, StringComparison.Ordinal);
            Assert.Contains(existing is null || existing.Status == ReportStatus.Draft ? "belum diajukan" : "dikembalikan", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("data-testid=\"report-reminder\"", html, StringComparison.Ordinal);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class CompletenessTestsOnSqlite(SqliteFixture app) : CompletenessTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class CompletenessTestsOnPostgres(PostgresFixture app) : CompletenessTests(app.Factory);
