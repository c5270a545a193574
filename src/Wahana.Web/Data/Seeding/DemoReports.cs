using Bogus;
using Wahana.Web.Domain;
using Wahana.Web.Features.Reports;

namespace Wahana.Web.Data.Seeding;

/// <summary>
/// The semester reports of the demo WKSBM, written after their services (their frozen figures are compiled from them
/// by <see cref="ServedFiguresQuery"/>, as a real submission does). The older complete semester: every report approved.
/// The last complete semester: about 60% approved, 15% submitted, 10% returned with a comment and 15% still a draft,
/// pengurus.01's among the drafts so that anyone can walk the workflow. The current semester is in progress: its
/// drafts are created when each pengurus first opens the report, so none is stored here.
/// </summary>
internal static class DemoReports
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private static readonly string[] Achievements =
    [
        "Pendataan ulang penerima manfaat di padukuhan selesai dan {0} orang menerima layanan. Penyaluran sembako berjalan tertib dengan daftar tanda terima.",
        "Sebanyak {0} warga rentan terlayani. Relawan rutin melakukan kunjungan rumah kepada lansia yang tinggal sendiri.",
        "WKSBM melayani {0} orang pada semester ini dan menjalin kerja sama baru dengan pemerintah kalurahan untuk Dana Desa.",
        "Pertemuan pengurus rutin setiap bulan. {0} orang terlayani, termasuk pendampingan anak dan penyandang disabilitas.",
    ];

    private static readonly string[] Obstacles =
    [
        "Sebagian penerima belum memiliki NIK sehingga perlu pendampingan ke Dukcapil.",
        "Dana swadaya terbatas; penyaluran bergantung pada donasi mitra yang waktunya tidak tentu.",
        "Jumlah relawan aktif berkurang karena banyak yang bekerja di luar padukuhan.",
        "",
    ];

    private static readonly string[] Plans =
    [
        "Menambah relawan dari Karang Taruna dan mengajukan usulan Dana Desa untuk santunan lansia.",
        "Melanjutkan pendataan PPKS dan menyusun jadwal kunjungan rumah bulanan.",
        "Mengadakan pelatihan usaha ekonomi produktif bersama mitra perguruan tinggi.",
        "Memperkuat administrasi: buku kas, notulen rapat dan daftar tanda terima setiap kegiatan.",
    ];

    private static readonly string[] ReturnComments =
    [
        "Mohon lengkapi rencana semester berikutnya dengan jadwal dan sumber dananya.",
        "Jumlah penerima santunan belum sesuai dengan daftar tanda terima kegiatan; mohon diperiksa kembali.",
        "Kendala belum diuraikan. Mohon jelaskan hambatan penyaluran agar dapat dibahas dalam rapat koordinasi.",
    ];

    /// <summary>The owner of a report: its WKSBM, the pengurus account that submits and the district office that reviews.</summary>
    private sealed record Owner(Institution Institution, string Pengurus, string Office);

    /// <summary>Compiles the figures from the stored services and inserts the reports with their steps.</summary>
    public static async Task SeedAsync(
        WahanaDbContext db, Faker faker, IReadOnlyList<Institution> institutions, IReadOnlyList<WahanaUser> accounts, DateOnly today)
    {
        var reports = await CreateAsync(db, faker, institutions, accounts, new ReportDeadlines(), today);
        foreach (var (report, steps) in reports)
        {
            report.Steps = steps;
        }
        db.SemesterReports.AddRange(reports.Select(r => r.Report));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private static async Task<List<(SemesterReport Report, List<SemesterReportStep> Steps)>> CreateAsync(
        WahanaDbContext db, Faker faker, IReadOnlyList<Institution> institutions, IReadOnlyList<WahanaUser> accounts,
        ReportDeadlines deadlines, DateOnly today)
    {
        var owners = institutions.OrderBy(i => i.VillageCode, StringComparer.Ordinal).Select(i => new Owner(
            i,
            accounts.First(a => a.Role == WahanaRole.PengurusWksbm && a.ScopeInstitutionId == i.Id).UserName!,
            accounts.First(a => a.Role == WahanaRole.PetugasKabupaten && a.ScopeRegencyCode == i.RegencyCode).UserName!)).ToList();
        var semesters = DemoServices.Semesters(today);
        var (older, last) = (semesters[0], semesters[1]);
        var query = new ServedFiguresQuery(db);
        var olderFigures = await query.LoadAsync(older, null, null, CancellationToken.None);
        var lastFigures = await query.LoadAsync(last, null, null, CancellationToken.None);
        var reports = new List<(SemesterReport, List<SemesterReportStep>)>();
        var maker = new Maker(faker, deadlines, today);

        foreach (var owner in owners)
        {
            reports.Add(maker.Approved(owner, older, olderFigures.Of(owner.Institution.Id)));
        }

        // pengurus.01's WKSBM (the first by kalurahan code) keeps a draft; the rest are dealt out at random.
        var statuses = Mix(owners.Count);
        var dealt = faker.Random.Shuffle(owners.Skip(1)).ToList();
        reports.Add(maker.Draft(owners[0], last, written: false));
        foreach (var (owner, status) in dealt.Zip(statuses.Skip(1)))
        {
            var figures = lastFigures.Of(owner.Institution.Id);
            reports.Add(status switch
            {
                ReportStatus.Disetujui => maker.Approved(owner, last, figures),
                ReportStatus.Diajukan => maker.Submitted(owner, last, figures),
                ReportStatus.Dikembalikan => maker.Returned(owner, last, figures),
                _ => maker.Draft(owner, last, written: faker.Random.Bool(0.6f)),
            });
        }
        return reports;
    }

    /// <summary>The statuses of the last complete semester, the first a draft (pengurus.01's): 60/15/10/15 %.</summary>
    private static List<ReportStatus> Mix(int count)
    {
        var approved = (int)Math.Round(count * 0.60);
        var submitted = (int)Math.Round(count * 0.15);
        var returned = (int)Math.Round(count * 0.10);
        var drafts = count - approved - submitted - returned;
        return [.. Enumerable.Repeat(ReportStatus.Draft, drafts),
            .. Enumerable.Repeat(ReportStatus.Disetujui, approved),
            .. Enumerable.Repeat(ReportStatus.Diajukan, submitted),
            .. Enumerable.Repeat(ReportStatus.Dikembalikan, returned)];
    }

    private sealed class Maker(Faker faker, ReportDeadlines deadlines, DateOnly today)
    {
        private readonly DateOnly _latest = today.AddDays(-1);

        public (SemesterReport, List<SemesterReportStep>) Draft(Owner owner, Semester semester, bool written)
        {
            var report = New(owner, semester);
            if (written)
            {
                // Started: the achievements written, the rest still to do.
                report.Achievements = faker.PickRandom(Achievements).Replace("{0}", "…", StringComparison.Ordinal);
            }
            return (report, []);
        }

        public (SemesterReport, List<SemesterReportStep>) Submitted(Owner owner, Semester semester, ServedFigures figures)
        {
            var report = New(owner, semester);
            var steps = new List<SemesterReportStep>();
            Submit(report, steps, owner, FirstSubmission(semester), figures);
            return (report, steps);
        }

        public (SemesterReport, List<SemesterReportStep>) Returned(Owner owner, Semester semester, ServedFigures figures)
        {
            var report = New(owner, semester);
            var steps = new List<SemesterReportStep>();
            var submitted = FirstSubmission(semester);
            Submit(report, steps, owner, submitted, figures);
            var returned = Later(submitted, 2, 10);
            report.Status = ReportStatus.Dikembalikan;
            steps.Add(Step(report, ReportAction.Dikembalikan, faker.PickRandom(ReturnComments), owner.Office, returned));
            return (report, steps);
        }

        public (SemesterReport, List<SemesterReportStep>) Approved(Owner owner, Semester semester, ServedFigures figures)
        {
            var report = New(owner, semester);
            var steps = new List<SemesterReportStep>();
            var submitted = FirstSubmission(semester);
            Submit(report, steps, owner, submitted, figures);
            // One in five went back once before it was approved.
            if (faker.Random.Bool(0.2f))
            {
                var returned = Later(submitted, 2, 7);
                steps.Add(Step(report, ReportAction.Dikembalikan, faker.PickRandom(ReturnComments), owner.Office, returned));
                submitted = Later(returned, 1, 5);
                Submit(report, steps, owner, submitted, figures);
            }
            var approved = Later(submitted, 3, 14);
            report.Status = ReportStatus.Disetujui;
            report.ApprovedAt = approved;
            report.ApprovedBy = owner.Office;
            steps.Add(Step(report, ReportAction.Disetujui, "", owner.Office, approved));
            return (report, steps);
        }

        private static SemesterReport New(Owner owner, Semester semester) => new()
        {
            InstitutionId = owner.Institution.Id,
            RegencyCode = owner.Institution.RegencyCode,
            Year = semester.Year,
            Half = semester.Half,
            CreatedAt = new DateTimeOffset(semester.End.AddDays(-14).ToDateTime(new TimeOnly(9, 0)), Wib).ToUniversalTime(),
        };

        private void Submit(SemesterReport report, List<SemesterReportStep> steps, Owner owner, DateTimeOffset at, ServedFigures figures)
        {
            report.Achievements = faker.PickRandom(Achievements).Replace("{0}", figures.PeopleServed.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            report.Obstacles = faker.PickRandom(Obstacles);
            report.Plans = faker.PickRandom(Plans);
            report.SubmittedFigures = ReportFigures.Serialize(figures);
            report.Status = ReportStatus.Diajukan;
            report.FirstSubmittedAt ??= at;
            report.SubmittedAt = at;
            report.SubmittedBy = owner.Pengurus;
            steps.Add(Step(report, ReportAction.Diajukan, "", owner.Pengurus, at));
        }

        /// <summary>Most reports come in before the deadline, some up to three weeks late; never after yesterday.</summary>
        private DateTimeOffset FirstSubmission(Semester semester)
        {
            var due = deadlines.DueOn(semester);
            var from = semester.End.AddDays(1);
            var until = faker.Random.Bool(0.85f) ? due : due.AddDays(21);
            return At(DemoFakes.DateBetween(faker, from, Min(until, _latest) < from ? from : Min(until, _latest)));
        }

        private DateTimeOffset Later(DateTimeOffset after, int minDays, int maxDays)
        {
            var day = DateOnly.FromDateTime(after.ToOffset(Wib).DateTime).AddDays(faker.Random.Int(minDays, maxDays));
            var at = At(Min(day, _latest));
            return at > after ? at : after.AddMinutes(30);
        }

        private DateTimeOffset At(DateOnly day) =>
            new DateTimeOffset(day.ToDateTime(new TimeOnly(faker.Random.Int(8, 15), faker.Random.Int(0, 59))), Wib).ToUniversalTime();

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private static SemesterReportStep Step(SemesterReport report, ReportAction action, string note, string by, DateTimeOffset at) =>
            new() { ReportId = report.Id, Action = action, Note = note, By = by, At = at };
    }
}
