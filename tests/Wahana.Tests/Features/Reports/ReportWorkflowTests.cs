using System.Net;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using Wahana.Web.Features.Reports;

namespace Wahana.Tests.Features.Reports;

/// <summary>
/// Every transition of the report workflow over the API, allowed and refused, by role (table-driven), on a report of
/// pengurus.10's WKSBM in a quiet semester; a refusal changes nothing. Then bad input, stale versions, a semester that
/// has not ended, and the list.
/// </summary>
public abstract class ReportWorkflowTests(WahanaFactory factory)
{
    /// <summary>Who acts: the WKSBM's own pengurus, its district office, the province, and the outsiders.</summary>
    public enum Actor
    {
        OwnPengurus,
        OwnOffice,
        Admin,
        OtherPengurus,
        OtherOffice,
        Relawan,
        Forum,
        Mitra,
    }

    private static readonly ReportStatus[] AllStatuses = Enum.GetValues<ReportStatus>();

    private static readonly string[] Actions = ["submit", "approve", "return", "reopen"];

    /// <summary>The status an action leaves, when it is allowed from <paramref name="from"/> for <paramref name="actor"/>; else the HTTP status of the refusal.</summary>
    private static (HttpStatusCode Code, ReportStatus After) Expected(Actor actor, string action, ReportStatus from)
    {
        switch (actor)
        {
            case Actor.OtherPengurus or Actor.OtherOffice:
                return (HttpStatusCode.NotFound, from);
            case Actor.Relawan or Actor.Forum or Actor.Mitra:
                return (HttpStatusCode.Forbidden, from);
        }
        var reviewer = actor is Actor.OwnOffice or Actor.Admin;
        return action switch
        {
            "submit" when reviewer => (HttpStatusCode.Forbidden, from),
            "submit" => from is ReportStatus.Draft or ReportStatus.Dikembalikan ? (HttpStatusCode.OK, ReportStatus.Diajukan) : (HttpStatusCode.Conflict, from),
            _ when !reviewer => (HttpStatusCode.Forbidden, from),
            "approve" => from == ReportStatus.Diajukan ? (HttpStatusCode.OK, ReportStatus.Disetujui) : (HttpStatusCode.Conflict, from),
            "return" => from == ReportStatus.Diajukan ? (HttpStatusCode.OK, ReportStatus.Dikembalikan) : (HttpStatusCode.Conflict, from),
            _ => from == ReportStatus.Disetujui ? (HttpStatusCode.OK, ReportStatus.Dikembalikan) : (HttpStatusCode.Conflict, from),
        };
    }

    /// <summary>Every action from every status for the three who may act; every action for the outsiders from the status it needs.</summary>
    public static TheoryData<Actor, string, ReportStatus> Transitions()
    {
        var data = new TheoryData<Actor, string, ReportStatus>();
        foreach (var actor in new[] { Actor.OwnPengurus, Actor.OwnOffice, Actor.Admin })
        {
            foreach (var action in Actions)
            {
                foreach (var status in AllStatuses)
                {
                    data.Add(actor, action, status);
                }
            }
        }
        foreach (var actor in new[] { Actor.OtherPengurus, Actor.OtherOffice, Actor.Relawan, Actor.Forum, Actor.Mitra })
        {
            foreach (var action in Actions)
            {
                data.Add(actor, action, action switch
                {
                    "submit" => ReportStatus.Draft,
                    "reopen" => ReportStatus.Disetujui,
                    _ => ReportStatus.Diajukan,
                });
            }
        }
        return data;
    }

    private async Task<(string User, string Password)> UserAsync(Actor actor, ReportTestData.Home home) => actor switch
    {
        Actor.OwnPengurus => (TestUsers.Pengurus(10), TestUsers.DemoPassword),
        Actor.OwnOffice => (home.Office, TestUsers.DemoPassword),
        Actor.Admin => (TestUsers.Admin, TestUsers.DemoPassword),
        Actor.OtherPengurus => (TestUsers.Pengurus(11), TestUsers.DemoPassword),
        Actor.OtherOffice => (home.OtherOffice, TestUsers.DemoPassword),
        Actor.Relawan => (await RelawanAsync(home), TestUsers.Password),
        Actor.Forum => (TestUsers.Forum, TestUsers.DemoPassword),
        _ => ("mitra.baznas", TestUsers.DemoPassword),
    };

    private static readonly Dictionary<WahanaFactory, string> Relawans = [];

    private async Task<string> RelawanAsync(ReportTestData.Home home)
    {
        if (!Relawans.TryGetValue(factory, out var userName))
        {
            userName = await factory.CreateUserAsync(WahanaRole.Relawan, institutionId: home.InstitutionId, prefix: "relawan-laporan");
            Relawans[factory] = userName;
        }
        return userName;
    }

    [ProviderTheory]
    [MemberData(nameof(Transitions))]
    public async Task Each_transition_is_allowed_or_refused_by_role_and_status(Actor actor, string action, ReportStatus from)
    {
        var home = await factory.HomeOfAsync(TestUsers.Pengurus(10));
        var semester = factory.QuietSemester();
        var (user, password) = await UserAsync(actor, home);
        var id = await factory.AddReportAsync(home, semester, from);
        try
        {
            var before = await factory.StoredAsync(id);
            using var client = await factory.ApiAsync(user, password);
            var body = action == "submit" ? ReportTestData.Narrative() : new { reason = "Catatan uji: mohon dilengkapi.", version = (Guid?)null };
            var (code, answer) = await ReportTestData.PostAsync(client, $"/api/v1/reports/{id}/{action}", body);
            var (expectedCode, expectedStatus) = Expected(actor, action, from);
            Assert.True(expectedCode == code, $"{actor} {action} from {from}: expected {(int)expectedCode}, got {(int)code} {answer}");
            var after = await factory.StoredAsync(id);
            Assert.Equal(expectedStatus, after!.Status);
            if (code == HttpStatusCode.OK)
            {
                Assert.Equal(Slug.Of(expectedStatus), answer.GetProperty("status").GetString());
                Assert.Equal(before!.Steps + 1, after.Steps);
                var step = (await factory.StepsAsync(id)).Last();
                var expectedAction = action switch
                {
                    "submit" => ReportAction.Diajukan,
                    "approve" => ReportAction.Disetujui,
                    "return" => ReportAction.Dikembalikan,
                    _ => ReportAction.DibukaKembali,
                };
                Assert.Equal((expectedAction, user), (step.Action, step.By));
                Assert.NotEqual(before.Version, after.Version);
            }
            else
            {
                // Refused: nothing changed, not even the version.
                Assert.Equal(before, after);
                if (code is HttpStatusCode.Forbidden or HttpStatusCode.Conflict && actor is not (Actor.Relawan or Actor.Forum or Actor.Mitra))
                {
                    var expectedMessage = code == HttpStatusCode.Forbidden
                        ? action == "submit" ? ReportWorkflow.SubmitRoleMessage : ReportWorkflow.ReviewRoleMessage
                        : $"Laporan ini berstatus {ReportWorkflow.StatusName(from)};";
                    Assert.Contains(expectedMessage, ReportTestData.Detail(answer), StringComparison.Ordinal);
                }
            }
        }
        finally
        {
            await factory.RemoveReportAsync(home.InstitutionId, semester);
        }
    }

    [ProviderFact]
    public async Task A_submission_freezes_the_figures_and_records_who_when_a_return_needs_a_comment_and_the_history_is_complete()
    {
        var home = await factory.HomeOfAsync(TestUsers.Pengurus(10));
        var semester = factory.QuietSemester();
        try
        {
            using var pengurus = await factory.ApiAsync(TestUsers.Pengurus(10));
            var (openCode, opened) = await ReportTestData.PostAsync(pengurus, "/api/v1/reports", new { period = semester.ToString() });
            Assert.True(openCode == HttpStatusCode.OK, opened.ToString());
            Assert.Equal(("draft", false, home.InstitutionId), (opened.GetProperty("status").GetString(), opened.GetProperty("figuresFrozen").GetBoolean(), opened.GetProperty("institutionId").GetGuid()));
            var id = opened.GetProperty("id").GetGuid();
            var version = opened.GetProperty("version").GetGuid();

            // Bad input: both required parts missing, one too long; nothing saved.
            var (bad, problem) = await ReportTestData.PostAsync(pengurus, $"/api/v1/reports/{id}/submit",
                ReportTestData.Narrative(achievements: " ", obstacles: new string('x', SemesterReport.NarrativeMaxLength + 1), plans: ""));
            Assert.Equal(HttpStatusCode.BadRequest, bad);
            Assert.Equal([ReportWorkflow.AchievementsMissing], ReportTestData.Errors(problem, "achievements"));
            Assert.Equal([ReportWorkflow.PlansMissing], ReportTestData.Errors(problem, "plans"));
            Assert.Equal([$"Kendala paling banyak 4000 karakter; yang diisi {SemesterReport.NarrativeMaxLength + 1} karakter."], ReportTestData.Errors(problem, "obstacles"));
            Assert.Equal((ReportStatus.Draft, version, 0), ((await factory.StoredAsync(id))!.Status, (await factory.StoredAsync(id))!.Version, (await factory.StoredAsync(id))!.Steps));

            // A stale version: refused, nothing changed.
            var (stale, staleProblem) = await ReportTestData.PostAsync(pengurus, $"/api/v1/reports/{id}/submit", ReportTestData.Narrative(version: Guid.NewGuid()));
            Assert.Equal(HttpStatusCode.Conflict, stale);
            Assert.Equal(ReportWorkflow.StaleMessage, ReportTestData.Detail(staleProblem));
            Assert.Equal(ReportStatus.Draft, (await factory.StoredAsync(id))!.Status);

            var (ok, submitted) = await ReportTestData.PostAsync(pengurus, $"/api/v1/reports/{id}/submit",
                ReportTestData.Narrative("Capaian semester ini.", "Dana terbatas.", "Rencana berikutnya.", version));
            Assert.True(ok == HttpStatusCode.OK, submitted.ToString());
            Assert.Equal(("diajukan", true, "Capaian semester ini.", "Dana terbatas.", "Rencana berikutnya.", TestUsers.Pengurus(10)),
                (submitted.GetProperty("status").GetString(), submitted.GetProperty("figuresFrozen").GetBoolean(), submitted.GetProperty("achievements").GetString(),
                 submitted.GetProperty("obstacles").GetString(), submitted.GetProperty("plans").GetString(), submitted.GetProperty("submittedBy").GetString()));
            Assert.NotNull((await factory.StoredAsync(id))!.Figures);

            // The office returns it: a comment is required.
            using var office = await factory.ApiAsync(home.Office);
            var (noReason, reasonProblem) = await ReportTestData.PostAsync(office, $"/api/v1/reports/{id}/return", new { reason = "  " });
            Assert.Equal(HttpStatusCode.BadRequest, noReason);
            Assert.Equal([ReportWorkflow.ReturnReasonMissing], ReportTestData.Errors(reasonProblem, "reason"));
            Assert.Equal(ReportStatus.Diajukan, (await factory.StoredAsync(id))!.Status);
            var (returned, _) = await ReportTestData.PostAsync(office, $"/api/v1/reports/{id}/return", new { reason = "Lengkapi kendala." });
            Assert.Equal(HttpStatusCode.OK, returned);

            // Resubmitted, approved, reopened (a reason required), resubmitted, approved.
            Assert.Equal(HttpStatusCode.OK, (await ReportTestData.PostAsync(pengurus, $"/api/v1/reports/{id}/submit", ReportTestData.Narrative())).Status);
            Assert.Equal(HttpStatusCode.OK, (await ReportTestData.PostAsync(office, $"/api/v1/reports/{id}/approve", null)).Status);
            var (noReopenReason, reopenProblem) = await ReportTestData.PostAsync(office, $"/api/v1/reports/{id}/reopen", new { reason = "" });
            Assert.Equal(HttpStatusCode.BadRequest, noReopenReason);
            Assert.Equal([ReportWorkflow.ReopenReasonMissing], ReportTestData.Errors(reopenProblem, "reason"));
            var (reopened, reopenedBody) = await ReportTestData.PostAsync(office, $"/api/v1/reports/{id}/reopen", new { reason = "Ada layanan yang belum tercatat." });
            Assert.Equal(HttpStatusCode.OK, reopened);
            Assert.Equal(("dikembalikan", false), (reopenedBody.GetProperty("status").GetString(), reopenedBody.GetProperty("figuresFrozen").GetBoolean()));
            Assert.Equal(JsonNull, reopenedBody.GetProperty("approvedAt").ValueKind);
            Assert.Equal(HttpStatusCode.OK, (await ReportTestData.PostAsync(pengurus, $"/api/v1/reports/{id}/submit", ReportTestData.Narrative())).Status);
            Assert.Equal(HttpStatusCode.OK, (await ReportTestData.PostAsync(office, $"/api/v1/reports/{id}/approve", new { reason = "Lengkap." })).Status);

            var detail = await pengurus.GetJsonAsync($"/api/v1/reports/{id}");
            var steps = detail.GetProperty("steps").EnumerateArray()
                .Select(s => (s.GetProperty("action").GetString(), s.GetProperty("by").GetString(), s.GetProperty("note").GetString())).ToList();
            Assert.Equal(
                [
                    ("diajukan", TestUsers.Pengurus(10), ""),
                    ("dikembalikan", home.Office, "Lengkapi kendala."),
                    ("diajukan", TestUsers.Pengurus(10), ""),
                    ("disetujui", home.Office, ""),
                    ("dibuka-kembali", home.Office, "Ada layanan yang belum tercatat."),
                    ("diajukan", TestUsers.Pengurus(10), ""),
                    ("disetujui", home.Office, "Lengkap."),
                ],
                steps);
            Assert.Equal(("disetujui", home.Office), (detail.GetProperty("status").GetString(), detail.GetProperty("approvedBy").GetString()));
            // Submitted long after the deadline of a semester three back.
            Assert.False(detail.GetProperty("onTime").GetBoolean());

            // The office's steps are in the audit trail with the report: two approvals, the return and the reopening.
            var reopenAudit = await factory.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count(a => a.EntityType == nameof(SemesterReport) && a.EntityId == id.ToString() && a.UserName == home.Office)));
            Assert.True(reopenAudit >= 4, $"Expected four audited changes of the report by the office, found {reopenAudit}.");
        }
        finally
        {
            await factory.RemoveReportAsync(home.InstitutionId, semester);
        }
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    [ProviderFact]
    public async Task A_report_of_a_semester_that_has_not_ended_may_be_drafted_but_not_submitted()
    {
        var home = await factory.HomeOfAsync(TestUsers.Pengurus(10));
        var current = Semester.Of(factory.Today);
        try
        {
            using var pengurus = await factory.ApiAsync(TestUsers.Pengurus(10));
            var (_, opened) = await ReportTestData.PostAsync(pengurus, "/api/v1/reports", new { period = current.ToString() });
            var id = opened.GetProperty("id").GetGuid();
            var (code, problem) = await ReportTestData.PostAsync(pengurus, $"/api/v1/reports/{id}/submit", ReportTestData.Narrative());
            Assert.Equal(HttpStatusCode.Conflict, code);
            Assert.Equal(ReportWorkflow.NotEndedMessage(current), ReportTestData.Detail(problem));
            Assert.Equal((ReportStatus.Draft, "", 0), ((await factory.StoredAsync(id))!.Status, (await factory.StoredAsync(id))!.Achievements, (await factory.StoredAsync(id))!.Steps));

            // A future semester cannot be opened at all.
            var (future, futureProblem) = await ReportTestData.PostAsync(pengurus, "/api/v1/reports", new { period = current.Next.ToString() });
            Assert.Equal(HttpStatusCode.BadRequest, future);
            Assert.NotEmpty(ReportTestData.Errors(futureProblem, "period"));
            // Nor may an office open a WKSBM's draft: the narrative is the WKSBM's own.
            using var office = await factory.ApiAsync(home.Office);
            Assert.Equal(HttpStatusCode.Forbidden, (await ReportTestData.PostAsync(office, "/api/v1/reports", new { period = current.ToString() })).Status);
        }
        finally
        {
            await factory.RemoveReportAsync(home.InstitutionId, current);
        }
    }

    [ProviderFact]
    public async Task The_list_pages_filters_by_period_regency_and_status_within_scope_and_another_district_gets_404_on_a_report()
    {
        var home = await factory.HomeOfAsync(TestUsers.Pengurus(11));
        var semester = factory.QuietSemester();
        var id = await factory.AddReportAsync(home, semester, ReportStatus.Diajukan);
        try
        {
            using var office = await factory.ApiAsync(home.Office);
            var list = await office.GetJsonAsync($"/api/v1/reports?period={semester}&regency={home.RegencyCode}&status=diajukan");
            var item = Assert.Single(list.GetProperty("items").EnumerateArray());
            Assert.Equal((id, home.InstitutionId, home.Name, home.RegencyCode, semester.ToString(), "diajukan", 1, 1, 50),
                (item.GetProperty("id").GetGuid(), item.GetProperty("institutionId").GetGuid(), item.GetProperty("institutionName").GetString(),
                 item.GetProperty("regencyCode").GetString(), item.GetProperty("period").GetString(), item.GetProperty("status").GetString(),
                 list.GetProperty("total").GetInt32(), list.GetProperty("page").GetInt32(), list.GetProperty("pageSize").GetInt32()));
            Assert.False(item.GetProperty("onTime").GetBoolean());

            // The demo's last complete semester, per kabupaten: as many as the WKSBM of the district, all of it.
            var last = Semester.Of(factory.Today).Previous;
            var expected = await factory.WithDbAsync(db => Task.FromResult(db.SemesterReports.Count(r => r.Year == last.Year && r.Half == last.Half && r.RegencyCode == home.RegencyCode)));
            var district = await office.GetJsonAsync($"/api/v1/reports?period={last}&pageSize=5&page=2");
            Assert.Equal((expected, 2, 5), (district.GetProperty("total").GetInt32(), district.GetProperty("page").GetInt32(), district.GetProperty("pageSize").GetInt32()));
            Assert.All(district.GetProperty("items").EnumerateArray(), i => Assert.Equal(home.RegencyCode, i.GetProperty("regencyCode").GetString()));

            // Another district sees neither the report in its list nor the report itself.
            using var other = await factory.ApiAsync(home.OtherOffice);
            var otherList = await other.GetJsonAsync($"/api/v1/reports?period={semester}");
            Assert.DoesNotContain(otherList.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
            using var hidden = await other.GetAsync($"/api/v1/reports/{id}");
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            using var pengurusElsewhere = await factory.ApiAsync(TestUsers.Pengurus(10));
            using var hiddenToo = await pengurusElsewhere.GetAsync($"/api/v1/reports/{id}");
            Assert.Equal(HttpStatusCode.NotFound, hiddenToo.StatusCode);

            // The forum reads no reports here (its view is the evaluation).
            using var forum = await factory.ApiAsync(TestUsers.Forum);
            using var forbidden = await forum.GetAsync($"/api/v1/reports?period={semester}");
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

            using var badQuery = await office.GetAsync("/api/v1/reports?period=2026-3&status=baru&regency=35.01");
            Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
            var text = await badQuery.Content.ReadAsStringAsync();
            Assert.Contains("2026-1", text, StringComparison.Ordinal);
            Assert.Contains("Status 'baru' tidak dikenal", text, StringComparison.Ordinal);
            Assert.Contains("34.02", text, StringComparison.Ordinal);
        }
        finally
        {
            await factory.RemoveReportAsync(home.InstitutionId, semester);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class ReportWorkflowTestsOnSqlite(SqliteFixture app) : ReportWorkflowTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class ReportWorkflowTestsOnPostgres(PostgresFixture app) : ReportWorkflowTests(app.Factory);
