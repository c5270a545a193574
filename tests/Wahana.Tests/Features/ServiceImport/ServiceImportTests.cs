using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wahana.Tests.Features.BeneficiaryImport;
using Wahana.Tests.Support;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.ServiceImport;
using static Wahana.Tests.Features.ServiceImport.ServiceImportClient;

namespace Wahana.Tests.Features.ServiceImport;

/// <summary>
/// /layanan/impor: the template, the whole-file checks, the row-by-row dry run with every kind of bad row, the
/// all-or-nothing save in one transaction, re-importing, and who may import where. Writes only to the WKSBM of
/// pengurus.35-39 (services tagged in their notes, removed in finally).
/// </summary>
public abstract class ServiceImportTests(WahanaFactory factory)
{
    private static string Tag() => "uji-impor-layanan-" + Guid.NewGuid().ToString("N")[..8];

    private const string NotFoundByNik = "Penerima dengan NIK ini tidak ditemukan di WKSBM ini. Daftarkan dulu orangnya di WKSBM ini, lalu impor layanannya.";

    [ProviderFact]
    public async Task The_template_has_the_columns_an_example_row_and_a_guide_with_the_codes_and_partners()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(35));
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(35));
        using (var page = await client.GetAsync(ImportUrl))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("paling banyak 20.000 baris dan 10 MB per berkas", html, StringComparison.Ordinal);
            Assert.Contains("id_wahana", html, StringComparison.Ordinal);
            // The board imports into its own WKSBM without choosing.
            Assert.Contains($"name=\"InstitutionId\" value=\"{wksbm.Id}\"", html, StringComparison.Ordinal);
        }
        using var response = await client.GetAsync("/layanan/impor/templat.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var file = new MemoryStream(bytes);

        Assert.Equal(["layanan", "petunjuk"], MiniExcel.GetSheetNames(file));
        file.Position = 0;
        var header = ((IDictionary<string, object?>)MiniExcel.Query(file, sheetName: "layanan").First()).Values.Select(v => v?.ToString()).ToList();
        Assert.Equal(["nik", "id_wahana", "nama", "tanggal", "jenis", "bentuk", "nilai", "sumber_dana", "mitra", "catatan"], header);
        file.Position = 0;
        var example = Assert.Single(MiniExcel.Query(file, useHeaderRow: true, sheetName: "layanan").Cast<IDictionary<string, object?>>());
        Assert.Equal(("3402154708900001", "santunan", "150.000", Text(factory.Today)),
            (example["nik"]?.ToString(), example["jenis"]?.ToString(), example["nilai"]?.ToString(), example["tanggal"]?.ToString()));

        file.Position = 0;
        var guide = MiniExcel.Query(file, useHeaderRow: true, sheetName: "petunjuk").Cast<IDictionary<string, object?>>()
            .Select(r => r["kolom"]?.ToString()).ToHashSet();
        Assert.Subset(guide, header.ToHashSet());
        Assert.Subset(guide, new HashSet<string?> { "santunan", "rehabilitasi-sosial", "alat-bantu", "bedah-rumah", "dana-desa", "apbd-kabupaten", "zakat-infaq", "csr", "Baznas DIY" });
        Assert.DoesNotContain("rujukan", guide);

        // The example row is made up: its NIK is nobody of this WKSBM, and the dry run says so (and nothing else).
        var checkedPage = await client.CheckServicesAsync(wksbm.Id, bytes, "templat-impor-layanan.xlsx");
        Assert.Equal(("Diperiksa", 1L, 0L, 1L), (checkedPage.State, checkedPage.Rows, checkedPage.Valid, checkedPage.Invalid));
        Assert.Equal([new ShownError(2, "nik", NotFoundByNik)], checkedPage.Errors);
        await client.RemoveJobAsync(checkedPage);
    }

    [ProviderFact]
    public async Task A_file_of_good_rows_is_saved_whole_with_its_values_and_one_audit_entry_and_importing_it_again_adds_nothing()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(35));
        var people = await factory.PeopleAsync(wksbm.Id, 2);
        Assert.Equal(2, people.Count);
        var (a, b) = (people[0], people[1]);
        var partnerId = await factory.WithDbAsync(db => db.Partners.Where(p => p.Name == "Baznas DIY").Select(p => p.Id).SingleAsync());
        var today = factory.Today;
        var tag = Tag();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var rows = new List<Dictionary<string, object?>>
        {
            // An Excel date cell, a value as text with thousands dots.
            Row(a.Nik, today.AddDays(-3).ToDateTime(TimeOnly.MinValue), "santunan", "barang", "150.000", "swadaya", notes: $"Sembako {tag}"),
            // By Wahana id, names instead of codes, a number cell, a partner written in other case.
            Row(null, Text(today.AddDays(-2)), "Rehabilitasi sosial", "Alat bantu", 1_250_000L, "Donasi", "baznas diy", $"Kursi roda {tag}", wahanaId: b.Id.ToString()),
            // The same person again, another day: "Rp" and a funding source by its Indonesian name.
            Row(a.Nik, Text(today.AddDays(-1)), "pemberdayaan", "tunai", "Rp 300.000", "Dana Desa", notes: $"Modal usaha {tag}"),
        };
        var file = Xlsx(rows);
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(35));
        try
        {
            var page = await client.CheckServicesAsync(wksbm.Id, file, "layanan-buku.xlsx");
            Assert.Equal(("Diperiksa", 3L, 3L, 0L), (page.State, page.Rows, page.Valid, page.Invalid));
            Assert.Empty(await factory.TaggedServicesAsync(tag));

            var done = await client.CommitServicesAsync(page);
            Assert.Equal("Selesai", done.State);
            Assert.Equal(3, HttpHelpers.TestIdNumber(done.Html, "import-saved"));
            Assert.Contains("Rp 1.700.000", done.Html, StringComparison.Ordinal);

            var saved = (await factory.TaggedServicesAsync(tag)).OrderBy(s => s.Date).ToList();
            Assert.Equal(
                [
                    (a.Id, today.AddDays(-3), ServiceKind.Santunan, ServiceForm.Barang, 150_000L, FundingSource.Swadaya, (Guid?)null, $"Sembako {tag}"),
                    (b.Id, today.AddDays(-2), ServiceKind.RehabilitasiSosial, ServiceForm.AlatBantu, 1_250_000L, FundingSource.Donasi, partnerId, $"Kursi roda {tag}"),
                    (a.Id, today.AddDays(-1), ServiceKind.Pemberdayaan, ServiceForm.Tunai, 300_000L, FundingSource.DanaDesa, null, $"Modal usaha {tag}"),
                ],
                saved.Select(s => (s.BeneficiaryId, s.Date, s.Kind, s.Form, s.ValueRupiah, s.FundingSource, s.PartnerId, s.Notes)).ToList());
            Assert.All(saved, s => Assert.Equal((wksbm.Id, wksbm.RegencyCode, TestUsers.Pengurus(35), (Guid?)null, (DateTimeOffset?)null),
                (s.InstitutionId, s.RegencyCode, s.RecordedBy, s.DistributionId, s.DeletedAt)));

            // One audit entry for the whole import (ADR 0008), none per service.
            var id = wksbm.Id.ToString();
            var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == ServiceImportJobs.AuditAction && e.EntityId == id && e.At >= since).ToListAsync());
            var entry = Assert.Single(audit);
            Assert.Equal((TestUsers.Pengurus(35), "Institution"), (entry.UserName, entry.EntityType));
            using (var json = JsonDocument.Parse(entry.NewValues!))
            {
                Assert.Equal(("layanan-buku.xlsx", 3, 3, 1_700_000L), (json.RootElement.GetProperty("file").GetString(), json.RootElement.GetProperty("rows").GetInt32(),
                    json.RootElement.GetProperty("saved").GetInt32(), json.RootElement.GetProperty("valueRupiah").GetInt64()));
            }
            var savedIds = saved.Select(s => s.Id.ToString()).ToList();
            Assert.Equal(0, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Service" && savedIds.Contains(e.EntityId))));

            // The same file again: every row is a service already recorded, nothing can be saved.
            var again = await client.CheckServicesAsync(wksbm.Id, file, "layanan-buku.xlsx");
            Assert.Equal(("Diperiksa", 3L, 0L, 3L), (again.State, again.Rows, again.Valid, again.Invalid));
            Assert.Equal(
                [
                    new ShownError(2, "nik", $"Layanan ini sudah tercatat ({Text(today.AddDays(-3))}, santunan, barang, Rp 150.000 untuk penerima yang sama). Hapus baris ini dari berkas: layanan tidak dicatat dua kali."),
                    new ShownError(3, "id_wahana", $"Layanan ini sudah tercatat ({Text(today.AddDays(-2))}, rehabilitasi-sosial, alat-bantu, Rp 1.250.000 untuk penerima yang sama). Hapus baris ini dari berkas: layanan tidak dicatat dua kali."),
                    new ShownError(4, "nik", $"Layanan ini sudah tercatat ({Text(today.AddDays(-1))}, pemberdayaan, tunai, Rp 300.000 untuk penerima yang sama). Hapus baris ini dari berkas: layanan tidak dicatat dua kali."),
                ],
                again.Errors);
            Assert.DoesNotContain("data-testid=\"commit-form\"", again.Html, StringComparison.Ordinal);
            var refused = await client.CommitServicesAsync(again);
            Assert.Equal("Diperiksa", refused.State);
            Assert.StartsWith("Tidak ada yang disimpan", refused.Message, StringComparison.Ordinal);
            Assert.Equal(3, (await factory.TaggedServicesAsync(tag)).Count);
        }
        finally
        {
            await factory.CleanUpServicesAsync(tag, wksbm.Id, since);
        }
    }

    [ProviderFact]
    public async Task The_dry_run_reports_every_bad_row_with_its_reason_and_one_bad_row_saves_nothing()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(36));
        var sameRegency = await factory.WithDbAsync(db => db.Institutions
            .Where(i => i.RegencyCode == wksbm.RegencyCode && i.Id != wksbm.Id).Select(i => i.Id).FirstAsync());
        var otherRegency = await factory.WithDbAsync(db => db.Institutions
            .Where(i => i.RegencyCode != wksbm.RegencyCode).OrderBy(i => i.VillageCode).Select(i => i.Id).FirstAsync());
        var neighbour = (await factory.PeopleAsync(sameRegency, 1)).Single();
        var faraway = (await factory.PeopleAsync(otherRegency, 1)).Single();
        var people = await factory.PeopleAsync(wksbm.Id, 3);
        var (p, earliest, recent) = (people[1], people[0], people[2]);
        var today = factory.Today;
        var day = today.AddDays(-1);
        // The semester of the earliest registration is locked by an approved report (long before the other rows' dates).
        var lockedOn = earliest.RegisteredOn.AddDays(1);
        var locked = Semester.Of(lockedOn);
        Assert.True(locked.End < today.AddDays(-30), "The test needs a person of the WKSBM registered well before this semester.");
        var tag = Tag();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var recorded = new Service
        {
            BeneficiaryId = recent.Id, InstitutionId = wksbm.Id, RegencyCode = wksbm.RegencyCode, Date = day, Kind = ServiceKind.Perlindungan,
            Form = ServiceForm.Pendampingan, ValueRupiah = 0, FundingSource = FundingSource.Swadaya, Notes = $"Tercatat {tag}", RecordedBy = "uji",
        };
        var report = new SemesterReport { InstitutionId = wksbm.Id, RegencyCode = wksbm.RegencyCode, Year = locked.Year, Half = locked.Half, Status = ReportStatus.Disetujui };
        await factory.WithDbAsync(async db =>
        {
            db.AuditDisabled = true;
            db.Services.Add(recorded);
            db.SemesterReports.Add(report);
            return await db.SaveChangesAsync();
        });
        var notes = $"Catatan {tag}";
        var rows = new List<Dictionary<string, object?>>
        {
            Row(p.Nik, Text(day), notes: notes),                                                                 // 2 valid
            Row(p.Nik![..15], Text(day), notes: notes),                                                           // 3 NIK length
            Row(neighbour.Nik, Text(day), notes: notes),                                                          // 4 another WKSBM of the kabupaten
            Row(faraway.Nik, Text(day), notes: notes),                                                            // 5 another kabupaten
            Row(p.Nik, Text(today.AddDays(1)), notes: notes),                                                     // 6 future
            Row(p.Nik, Text(p.RegisteredOn.AddDays(-1)), notes: notes),                                          // 7 before registration
            Row(p.Nik, "31-02-2026", notes: notes),                                                               // 8 no such date
            Row(p.Nik, Text(day), value: "150.000,50", notes: notes),                                             // 9 decimals
            Row(p.Nik, Text(day), value: "-5.000", notes: notes),                                                 // 10 negative
            Row(p.Nik, Text(day), kind: "bantuan", notes: notes),                                                 // 11 unknown kind
            Row(p.Nik, Text(day), kind: "rujukan", notes: notes),                                                 // 12 referral
            Row(p.Nik, Text(day), form: "uang", notes: notes),                                                    // 13 unknown form
            Row(p.Nik, Text(day), funding: "hibah", notes: notes),                                                // 14 unknown funding source
            Row(p.Nik, Text(day), funding: "donasi", value: "200.000", notes: notes),                             // 15 donation without partner
            Row(p.Nik, Text(day), funding: "csr", partner: "PT Tidak Ada", value: "210.000", notes: notes),       // 16 unknown partner
            Row(p.Nik, Text(day), kind: "rehabilitasi-sosial", form: "bedah-rumah", value: "150.000.000", notes: notes), // 17 above Rp 100.000.000
            Row(p.Nik, Text(day), notes: notes),                                                                  // 18 same as row 2
            Row(null, Text(day), notes: notes),                                                                   // 19 nobody
            Row(p.Nik, Text(day), form: "tunai", value: "0", notes: notes),                                       // 20 cash without value
            Row(null, Text(day), wahanaId: "abc", notes: notes),                                                  // 21 unreadable Wahana id
            Row(earliest.Nik, Text(lockedOn), notes: notes),                                                      // 22 locked semester
            Row(recent.Nik, Text(day), kind: "perlindungan", form: "pendampingan", value: "0", notes: notes),    // 23 already recorded
            Row(null, Text(day), wahanaId: neighbour.Id.ToString(), notes: notes),                                // 24 Wahana id of another WKSBM
        };
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(36));
        try
        {
            var page = await client.CheckServicesAsync(wksbm.Id, Xlsx(rows), "layanan-salah.xlsx");

            Assert.Equal(("Diperiksa", 23L, 1L, 22L), (page.State, page.Rows, page.Valid, page.Invalid));
            const string Codes = "santunan, pemberdayaan, perlindungan atau rehabilitasi-sosial";
            Assert.Equal(
                [
                    new(3, "nik", "NIK harus 16 digit; yang diisi 15 digit."),
                    new(4, "nik", NotFoundByNik),
                    new(5, "nik", NotFoundByNik),
                    new(6, "tanggal", "Tanggal layanan tidak boleh di masa depan."),
                    new(7, "tanggal", $"Tanggal layanan tidak boleh sebelum penerima terdaftar ({Text(p.RegisteredOn)})."),
                    new(8, "tanggal", "Tanggal '31-02-2026' tidak terbaca: tulis HH-BB-TTTT (contoh 15-03-2026) atau pakai sel tanggal Excel."),
                    new(9, "nilai", "Nilai '150.000,50' tidak terbaca. Tulis nilai dalam rupiah tanpa desimal, misalnya 150.000 atau 150000."),
                    new(10, "nilai", "Nilai layanan tidak boleh negatif."),
                    new(11, "jenis", $"Jenis layanan 'bantuan' tidak dikenal: pakai {Codes}."),
                    new(12, "jenis", "Rujukan tidak diimpor sebagai layanan: catat di menu Rujukan, yang juga mengikuti statusnya."),
                    new(13, "bentuk", "Bentuk layanan 'uang' tidak dikenal: pakai tunai, barang, alat-bantu, pelatihan, pendampingan, bedah-rumah, kesehatan, pendidikan atau lainnya."),
                    new(14, "sumber_dana", "Sumber dana 'hibah' tidak dikenal: pakai swadaya, donasi, dana-desa, apbd-kabupaten, apbd-provinsi, apbn, csr, zakat-infaq atau lainnya."),
                    new(15, "mitra", "Sumber dana donasi wajib menyebut mitra pemberi dana: isi nama mitra di kolom mitra."),
                    new(16, "mitra", "Mitra 'PT Tidak Ada' tidak dikenal. Tulis nama mitra persis seperti di daftar mitra (lembar petunjuk templat), atau minta admin menambahkannya dulu."),
                    new(17, "nilai", "Nilai Rp 150.000.000 untuk satu orang melebihi Rp 100.000.000. Nilai sebesar itu perlu dikonfirmasi satu per satu, jadi tidak dapat diimpor: catat layanan ini lewat formulir layanan di profil penerima."),
                    new(18, "nik", "Layanan yang sama (penerima, tanggal, jenis, bentuk dan nilai) sudah ada di baris 2 berkas ini: satu layanan cukup satu baris."),
                    new(19, "nik", "Isi NIK penerima, atau untuk penerima tanpa NIK isi id_wahana (ID Wahana di profilnya)."),
                    new(20, "nilai", "Bantuan tunai harus memiliki nilai rupiah."),
                    new(21, "id_wahana", "ID Wahana 'abc' tidak terbaca: salin 36 karakternya dari profil penerima (contoh 0193a6f2-7c1e-7d4b-9a51-3f0c2b8e4d17)."),
                    new(22, "tanggal", SemesterLocks.Message(locked)),
                    new(23, "nik", $"Layanan ini sudah tercatat ({Text(day)}, perlindungan, pendampingan, Rp 0 untuk penerima yang sama). Hapus baris ini dari berkas: layanan tidak dicatat dua kali."),
                    new(24, "id_wahana", "Penerima dengan ID Wahana ini tidak ditemukan di WKSBM ini. Salin ID Wahana dari profil penerima."),
                ],
                page.Errors.ToArray());
            // Nothing about the people of other WKSBM is revealed: not their WKSBM, not their name.
            Assert.DoesNotContain(neighbour.Name, page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(faraway.Name, page.Html, StringComparison.Ordinal);

            // All or nothing: with one valid row and 22 bad ones there is no save button, and forcing it saves nothing.
            Assert.Contains("data-testid=\"nothing-saved\"", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"commit-form\"", page.Html, StringComparison.Ordinal);
            var forced = await client.CommitServicesAsync(page);
            Assert.Equal("Diperiksa", forced.State);
            Assert.Equal("Tidak ada yang disimpan: impor layanan hanya menyimpan bila semua baris benar. Perbaiki baris yang bermasalah lalu unggah lagi.", forced.Message);
            Assert.Equal([recorded.Id], (await factory.TaggedServicesAsync(tag)).Select(s => s.Id));

            // The error file: the bad rows as they were, with their row number and errors; a corrected copy can be imported.
            var errorRows = await client.ErrorFileAsync(page);
            Assert.Equal(22, errorRows.Count);
            Assert.Equal(["baris", "nik", "id_wahana", "nama", "tanggal", "jenis", "bentuk", "nilai", "sumber_dana", "mitra", "catatan", "kesalahan"], errorRows[0].Keys);
            var bantuan = errorRows.Single(r => r["jenis"]?.ToString() == "bantuan");
            Assert.Equal((11d, p.Nik, $"jenis: Jenis layanan 'bantuan' tidak dikenal: pakai {Codes}."),
                (Convert.ToDouble(bantuan["baris"], System.Globalization.CultureInfo.InvariantCulture), bantuan["nik"]?.ToString(), bantuan["kesalahan"]?.ToString()));
            Assert.Equal("-5.000", errorRows.Single(r => Equals(r["baris"], 10d) || r["baris"]?.ToString() == "10")["nilai"]?.ToString()?.TrimStart('\''));
        }
        finally
        {
            await factory.WithDbAsync(db => db.SemesterReports.Where(r => r.Id == report.Id).ExecuteDeleteAsync());
            await factory.CleanUpServicesAsync(tag, wksbm.Id, since);
        }
    }

    [ProviderFact]
    public async Task A_semester_locked_between_the_dry_run_and_the_save_rolls_the_whole_import_back()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(37));
        var people = await factory.PeopleAsync(wksbm.Id, 2, daysAgo: 250);
        Assert.Equal(2, people.Count);
        var day = factory.Today.AddDays(-1);
        var tag = Tag();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var semester = Semester.Of(day);
        var earlier = day.AddDays(-200);
        var rows = new List<Dictionary<string, object?>>
        {
            Row(people[0].Nik, Text(earlier), notes: $"Lama {tag}"),
            Row(people[1].Nik, Text(day), notes: $"Baru {tag}"),
        };
        // The demo may have approved this WKSBM's report of the earlier semester: unlocked for the test, as it was after.
        var earlierSemester = Semester.Of(earlier);
        var demoApproved = await factory.WithDbAsync(db => db.SemesterReports
            .Where(r => r.InstitutionId == wksbm.Id && r.Year == earlierSemester.Year && r.Half == earlierSemester.Half && r.Status == ReportStatus.Disetujui)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, ReportStatus.Diajukan)));
        SemesterReport? report = null;
        // CSV as Indonesian Excel writes it (semicolons).
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(37));
        try
        {
            var page = await client.CheckServicesAsync(wksbm.Id, Csv(rows), "layanan.csv");
            Assert.Equal(("Diperiksa", 2L, 2L, 0L), (page.State, page.Rows, page.Valid, page.Invalid));
            Assert.Contains("data-testid=\"commit-form\"", page.Html, StringComparison.Ordinal);

            report = new SemesterReport { InstitutionId = wksbm.Id, RegencyCode = wksbm.RegencyCode, Year = semester.Year, Half = semester.Half, Status = ReportStatus.Disetujui };
            await factory.WithDbAsync(async db =>
            {
                db.SemesterReports.Add(report);
                return await db.SaveChangesAsync();
            });

            var done = await client.CommitServicesAsync(page);
            Assert.Equal("Diperiksa", done.State);
            Assert.Equal("Tidak ada yang disimpan: sejak pemeriksaan, ada baris yang kini bermasalah (lihat daftar kesalahan). Perbaiki berkasnya lalu unggah lagi.", done.Message);
            Assert.Equal([new ShownError(3, "tanggal", SemesterLocks.Message(semester))], done.Errors);
            // The other row, still valid, was not saved either.
            Assert.Empty(await factory.TaggedServicesAsync(tag));
            var id = wksbm.Id.ToString();
            Assert.Equal(0, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == ServiceImportJobs.AuditAction && e.EntityId == id && e.At >= since)));
        }
        finally
        {
            if (report is not null)
            {
                await factory.WithDbAsync(db => db.SemesterReports.Where(r => r.Id == report.Id).ExecuteDeleteAsync());
            }
            await factory.CleanUpServicesAsync(tag, wksbm.Id, since);
            if (demoApproved > 0)
            {
                await factory.WithDbAsync(db => db.SemesterReports
                    .Where(r => r.InstitutionId == wksbm.Id && r.Year == earlierSemester.Year && r.Half == earlierSemester.Half)
                    .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, ReportStatus.Disetujui)));
            }
        }
    }

    [ProviderFact]
    public async Task A_file_that_is_no_spreadsheet_empty_without_rows_too_long_or_with_the_wrong_columns_is_refused_with_its_reason()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(38));
        var person = (await factory.PeopleAsync(wksbm.Id, 1)).Single();
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(38));

        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];
        Assert.Equal("Berkas ini bukan lembar kerja: unggah berkas Excel (.xlsx) atau CSV.", await client.UploadServicesRefusedAsync(wksbm.Id, png, "foto.xlsx"));
        Assert.Equal("Berkas kosong (0 byte).", await client.UploadServicesRefusedAsync(wksbm.Id, [], "kosong.csv"));
        Assert.StartsWith("Format Excel lama (.xls) tidak didukung.",
            await client.UploadServicesRefusedAsync(wksbm.Id, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "lama.xls"));
        Assert.Equal("Berkas tidak berisi baris data: di bawah judul kolom belum ada satu layanan pun.",
            await client.UploadServicesRefusedAsync(wksbm.Id, Csv([]), "judul-saja.csv"));
        // The beneficiary template is not a service file.
        Assert.Equal("Kolom wajib tidak ada: tanggal, jenis, bentuk, nilai, sumber_dana. Kolom tidak dikenal: alasan_tanpa_nik, no_kk, jenis_kelamin, tempat_lahir, tanggal_lahir, kode_kalurahan, padukuhan, rt, rw, alamat, .... Pakai judul kolom dari templat impor layanan (unduh di halaman ini).",
            await client.UploadServicesRefusedAsync(wksbm.Id, Encoding.UTF8.GetBytes(
                "nama;nik;alasan_tanpa_nik;no_kk;jenis_kelamin;tempat_lahir;tanggal_lahir;kode_kalurahan;padukuhan;rt;rw;alamat;telepon\nSri;3402154708900001;;;P;Bantul;1990-08-07;34.02.15.2003;;;;;\n"), "penerima.csv"));
        Assert.Equal("Kolom nik atau id_wahana harus ada: dengan salah satunya penerima layanan dikenali. Pakai judul kolom dari templat impor layanan (unduh di halaman ini).",
            await client.UploadServicesRefusedAsync(wksbm.Id, Encoding.UTF8.GetBytes($"nama;tanggal;jenis;bentuk;nilai;sumber_dana\n{person.Name};{Text(factory.Today)};santunan;barang;150.000;swadaya\n"), "tanpa-nik.csv"));
        var tooLong = new StringBuilder("nik;tanggal;jenis;bentuk;nilai;sumber_dana\n");
        for (var i = 0; i < 20_001; i++)
        {
            tooLong.Append(person.Nik).Append(";01-01-2026;santunan;barang;1000;swadaya\n");
        }
        Assert.Equal("Berkas berisi 20.001 baris data; satu impor layanan paling banyak 20.000 baris. Bagi berkas menjadi beberapa bagian (misalnya per semester) lalu impor satu per satu.",
            await client.UploadServicesRefusedAsync(wksbm.Id, Encoding.UTF8.GetBytes(tooLong.ToString()), "besar.csv"));
        using (var none = await client.GetAsync(ImportUrl))
        {
            Assert.DoesNotContain("data-testid=\"my-imports\"", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [ProviderFact]
    public async Task Only_the_board_and_the_offices_import_each_into_their_own_scope_and_a_job_is_its_owner_s()
    {
        var own = await factory.WksbmOfAsync(TestUsers.Pengurus(39));
        var other = await factory.WksbmOfAsync(TestUsers.Pengurus(38));
        var person = (await factory.PeopleAsync(own.Id, 1)).Single();
        var file = Xlsx([Row(person.Nik, Text(factory.Today.AddDays(-1)), notes: "akses")]);
        var relawan = await factory.CreateUserAsync(WahanaRole.Relawan, own.RegencyCode, own.Id);

        // Volunteers, the forum and partners may not import at all.
        foreach (var (user, password) in new[] { (relawan, TestUsers.Password), (TestUsers.Forum, TestUsers.DemoPassword), ("mitra.baznas", TestUsers.DemoPassword) })
        {
            using var client = await factory.CreateLoggedInClientAsync(user, password);
            foreach (var url in new[] { ImportUrl, "/layanan/impor/templat.xlsx" })
            {
                using var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} GET {url}: {(int)response.StatusCode}");
            }
            using var home = await client.GetAsync("/");
            Assert.DoesNotContain("href=\"/layanan/impor\"", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var form = new MultipartFormDataContent
            {
                { new StringContent(HttpHelpers.AntiforgeryToken(await home.Content.ReadAsStringAsync())), "__RequestVerificationToken" },
                { new StringContent(own.Id.ToString()), "InstitutionId" },
                { new ByteArrayContent(file), "Upload", "layanan.xlsx" },
            };
            using var post = await client.PostAsync(ImportUrl, form);
            Assert.True(post.StatusCode == HttpStatusCode.Forbidden, $"{user} POST: {(int)post.StatusCode}");
        }

        // A board imports into its own WKSBM only; another WKSBM does not exist for it.
        using var pengurus = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(39));
        // The import is reached from the services list.
        using (var list = await pengurus.GetAsync("/layanan"))
        {
            Assert.Contains("href=\"/layanan/impor\"", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var response = await pengurus.UploadServicesAsync(other.Id, file, "layanan.xlsx"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // An office picks any WKSBM of its kabupaten/kota, and nothing outside it.
        var office = TestUsers.DistrictOffices.First(o => o.RegencyCode == own.RegencyCode).UserName;
        var farOffice = TestUsers.DistrictOffices.First(o => o.RegencyCode != own.RegencyCode).UserName;
        using var officer = await factory.CreateLoggedInClientAsync(office);
        using (var form = await officer.GetAsync(ImportUrl))
        {
            var html = await form.Content.ReadAsStringAsync();
            Assert.Contains($"<option value=\"{own.Id}\">", html, StringComparison.Ordinal);
            Assert.Equal(other.RegencyCode == own.RegencyCode, html.Contains($"<option value=\"{other.Id}\">", StringComparison.Ordinal));
        }
        var byOfficer = await officer.CheckServicesAsync(own.Id, file, "layanan.xlsx");
        Assert.Equal(("Diperiksa", 1L, 1L, 0L), (byOfficer.State, byOfficer.Rows, byOfficer.Valid, byOfficer.Invalid));
        using var far = await factory.CreateLoggedInClientAsync(farOffice);
        using (var response = await far.UploadServicesAsync(own.Id, file, "layanan.xlsx"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // Another user's job does not exist for them, not even for the same WKSBM's board.
        foreach (var url in new[] { byOfficer.Url, byOfficer.Url + "?handler=Status", byOfficer.Url + "/kesalahan.xlsx" })
        {
            using var response = await pengurus.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} by another user: {(int)response.StatusCode}");
        }
        using (var commit = await pengurus.SubmitFormAsync(ImportUrl, byOfficer.Url + "?handler=Commit", []))
        {
            Assert.Equal(HttpStatusCode.NotFound, commit.StatusCode);
        }
        Assert.Equal("Diperiksa", (await officer.WaitAsync(byOfficer.Url)).State);
        await officer.RemoveJobAsync(byOfficer);
        Assert.Empty(await factory.WithDbAsync(db => db.Services.IgnoreQueryFilters().Where(s => s.Notes == "akses").ToListAsync()));
    }

    [ProviderFact]
    public async Task A_person_without_NIK_shows_the_Wahana_id_the_import_names_them_by()
    {
        // The first of pengurus.35-39's WKSBM that has a person without NIK (the demo gives most WKSBM a few).
        ImportWksbm? wksbm = null;
        Beneficiary? withoutNik = null;
        var user = "";
        for (var number = 35; number <= 39 && withoutNik is null; number++)
        {
            user = TestUsers.Pengurus(number);
            wksbm = await factory.WksbmOfAsync(user);
            var id = wksbm.Id;
            var before = factory.Today.AddDays(-2);
            withoutNik = await factory.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters()
                .Where(b => b.InstitutionId == id && b.Nik == null && b.MergedIntoId == null && b.ErasedAt == null && b.RegisteredOn <= before)
                .OrderBy(b => b.Id).FirstOrDefaultAsync());
        }
        Assert.NotNull(withoutNik);
        var withNik = (await factory.PeopleAsync(wksbm!.Id, 1)).Single();
        using var client = await factory.CreateLoggedInClientAsync(user);
        using (var page = await client.GetAsync($"/penerima/{withoutNik.Id}"))
        {
            Assert.Equal(withoutNik.Id.ToString(), HttpHelpers.TestIdText(await page.Content.ReadAsStringAsync(), "person-wahana-id"));
        }
        using (var profile = await client.GetAsync($"/penerima/{withNik.Id}"))
        {
            Assert.Null(HttpHelpers.TestIdText(await profile.Content.ReadAsStringAsync(), "person-wahana-id"));
        }

        // That id names the person in the import (dry run only: nothing saved).
        var job = await client.CheckServicesAsync(wksbm.Id,
            Csv([Row(null, Text(factory.Today.AddDays(-1)), wahanaId: withoutNik.Id.ToString().ToUpperInvariant(), notes: "tanpa nik")]), "tanpa-nik.csv");
        Assert.Equal(("Diperiksa", 1L, 1L, 0L), (job.State, job.Rows, job.Valid, job.Invalid));
        await client.RemoveJobAsync(job);
    }
}

[Collection(OnSqlite.Name)]
public sealed class ServiceImportTestsOnSqlite(SqliteFixture app) : ServiceImportTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class ServiceImportTestsOnPostgres(PostgresFixture app) : ServiceImportTests(app.Factory);
