using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using Wahana.Web.Features.BeneficiaryImport;
using static Wahana.Tests.Features.BeneficiaryImport.ImportClient;

namespace Wahana.Tests.Features.BeneficiaryImport;

/// <summary>
/// /penerima/impor: the template, the whole-file checks, the row-by-row dry run, saving all or the valid rows in
/// one transaction, re-importing, and who may import where. Uses pengurus.55-59 and their WKSBM only.
/// </summary>
public abstract class BeneficiaryImportTests(WahanaFactory factory)
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private Task<int> CountAsync(Guid institutionId) =>
        factory.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters().CountAsync(b => b.InstitutionId == institutionId));

    private static string RegencyName(string code) => RegionCatalog.Instance.RegencyName(code);

    [ProviderFact]
    public async Task The_template_has_the_columns_an_example_row_in_the_WKSBM_s_kalurahan_and_a_guide_with_the_26_categories()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(55));
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(55));
        using var response = await client.GetAsync("/penerima/impor/templat.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TemplateModel.ContentType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var file = new MemoryStream(bytes);

        Assert.Equal(["penerima", "petunjuk"], MiniExcel.GetSheetNames(file));
        file.Position = 0;
        var header = ((IDictionary<string, object?>)MiniExcel.Query(file, sheetName: "penerima").First()).Values.Select(v => v?.ToString()).ToList();
        Assert.Equal(
            ["nama", "nik", "alasan_tanpa_nik", "no_kk", "jenis_kelamin", "tempat_lahir", "tanggal_lahir", "kode_kalurahan", "padukuhan", "rt", "rw",
             "alamat", "telepon", "desil", "kategori", "tanggal_persetujuan", "pemberi_persetujuan", "persetujuan_wali", "tanggal_terdaftar"],
            header);
        file.Position = 0;
        var example = Assert.Single(MiniExcel.Query(file, useHeaderRow: true, sheetName: "penerima").Cast<IDictionary<string, object?>>());
        Assert.Equal(wksbm.VillageCode, example["kode_kalurahan"]);
        Assert.Equal(Nik.Compose(wksbm.KapanewonCode, new DateOnly(1990, 8, 7), Sex.Perempuan, 1), example["nik"]);

        file.Position = 0;
        var guide = MiniExcel.Query(file, useHeaderRow: true, sheetName: "petunjuk").Cast<IDictionary<string, object?>>()
            .Select(r => r["kolom"]?.ToString()).ToList();
        Assert.Subset(guide.ToHashSet(), header.ToHashSet());
        Assert.Equal(26, PpksCategory.All.Count(c => guide.Contains(c.Slug)));

        // The example row as it stands passes the dry run.
        var page = await client.CheckAsync(wksbm.Id, bytes, "templat-impor-penerima.xlsx");
        Assert.Equal(("Diperiksa", 1L, 1L, 0L), (page.State, page.Rows, page.Valid, page.Invalid));
        using var removed = await client.SubmitFormAsync(page.Url, page.Url + "?handler=Remove", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        using var gone = await client.GetAsync(page.Url);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [ProviderFact]
    public async Task The_dry_run_reports_each_bad_row_with_its_column_and_message_and_the_error_file_neutralises_formulas()
    {
        // People already in the registry are read, never changed: one with NIK at another WKSBM, one in this kapanewon (its row in the file has no NIK).
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(55));
        var other = await factory.WksbmOfAsync(TestUsers.Pengurus(56));
        var today = factory.Today;
        var tag = Tag();
        var serial = Serial();
                var held = await factory.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters()
            .Where(b => b.InstitutionId == other.Id && b.Nik != null && b.MergedIntoId == null && b.ErasedAt == null).OrderBy(b => b.Nik).FirstAsync());
        var kapanewonPrefix = wksbm.KapanewonCode + ".";
        var heldWithoutNik = await factory.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters()
            .Where(b => b.VillageCode.StartsWith(kapanewonPrefix) && b.MergedIntoId == null && b.ErasedAt == null)
            .OrderByDescending(b => b.InstitutionId == wksbm.Id).ThenBy(b => b.Name).FirstAsync());
        var heldWithoutNikAt = await factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == heldWithoutNik.InstitutionId).Select(i => i.Name).SingleAsync());
        var outside = RegionCatalog.Instance.AllDiy.Where(r => r.Level == RegionLevel.Desa && r.RegencyCode != wksbm.RegencyCode).OrderBy(r => r.Code, StringComparer.Ordinal).First();

        Dictionary<string, object?> Row(string name, int offset, Action<Dictionary<string, object?>>? change = null, Sex sex = Sex.Perempuan)
        {
            var row = Person(wksbm, today, $"{name} {tag}", serial + offset, sex);
            change?.Invoke(row);
            return row;
        }
        var formula = $"=HYPERLINK(\"http://contoh.id\",\"klik\") {tag}";
        var rows = new List<Dictionary<string, object?>>
        {
            Row("Sumarni", 0),                                                                                          // 2 valid
            Row("Tukiyem", 1, r => r["nik"] = ((string)r["nik"]!)[..15]),                                            // 3 NIK length
            Row("Paijo", 2, r => r["jenis_kelamin"] = "P", Sex.LakiLaki),                                              // 4 NIK says man
            Row("Ngatini", 3, r => r["kode_kalurahan"] = "34.99.99.9999"),                                           // 5 unknown kalurahan
            Row("", 4, r => { r["nama"] = "   "; r["pemberi_persetujuan"] = "Wali"; }),                              // 6 no name
            Row("Sarinem", 5, r => r["kode_kalurahan"] = outside.Code),                                              // 7 outside the kabupaten
            Row("Wagiyem", 6, r => r["kategori"] = "lansia;fakir-miskin"),                                           // 8 unknown category
            Row("Sumarni kembar", 0),                                                                                // 9 NIK of row 2
            Row("Mbah Karto", 7, r => { r["nik"] = null; r["no_kk"] = null; r["alasan_tanpa_nik"] = "Belum direkam Dukcapil"; r["tanggal_lahir"] = "01-05-1948"; }), // 10 valid, no NIK
            Row("Mbah Karto", 8, r => { r["nik"] = null; r["no_kk"] = null; r["alasan_tanpa_nik"] = "Belum direkam Dukcapil"; r["tanggal_lahir"] = "1948-05-01"; }), // 11 same as 10
            Row("Tamu", 9, r =>                                                                                       // 12 NIK held elsewhere
            {
                r["nik"] = held.Nik;
                r["jenis_kelamin"] = held.Sex == Sex.Perempuan ? "P" : "L";
                r["tanggal_lahir"] = held.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                r["persetujuan_wali"] = "ya";
            }),
            Row("Terdaftar", 10, r =>                                                                                 // 13 registered without NIK
            {
                r["nama"] = heldWithoutNik.Name;
                r["nik"] = null;
                r["no_kk"] = null;
                r["alasan_tanpa_nik"] = "Tidak punya dokumen";
                r["jenis_kelamin"] = heldWithoutNik.Sex == Sex.Perempuan ? "P" : "L";
                r["tanggal_lahir"] = heldWithoutNik.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                r["kode_kalurahan"] = heldWithoutNik.VillageCode;
                r["persetujuan_wali"] = "ya";
            }),
            Row("Suginem", 11, r => r["no_kk"] = "9999990101100123"),                                                // 14 KK region
            Row("Formula", 12, r => r["nama"] = formula),                                                            // 15 valid, formula text
            Row("Formula", 13, r => { r["nama"] = formula + " 2"; r["tanggal_persetujuan"] = null; }),              // 16 no consent date
        };
        var nik3 = ((string)rows[1]["nik"]!)[..15];
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(55));
        var before = await CountAsync(wksbm.Id);

        var page = await client.CheckAsync(wksbm.Id, Xlsx(rows), "penerima-uji.xlsx");

        Assert.Equal(("Diperiksa", 15L, 3L, 12L), (page.State, page.Rows, page.Valid, page.Invalid));
        var heldBy = await factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == held.InstitutionId).Select(i => new { i.Name, i.RegencyCode }).SingleAsync());
        Assert.Equal(
            [
                new(3, "nik", "NIK harus 16 digit; yang diisi 15 digit."),
                new(4, "nik", "NIK ini milik laki-laki (tanggal lahir di NIK tidak ditambah 40), tetapi jenis kelamin yang diisi perempuan."),
                new(5, "kode_kalurahan", "Kalurahan/kelurahan '34.99.99.9999' tidak dikenal: tulis kode Kemendagri kalurahan/kelurahan di DIY, contoh 34.02.15.2003."),
                new(6, "nama", "Nama wajib diisi."),
                new(7, "kode_kalurahan", $"{outside.DisplayName} ({outside.Code}) di luar wilayah kerja WKSBM Anda ({RegionCatalog.Instance.Find(wksbm.KapanewonCode)!.DisplayName})."),
                new(8, "kategori", "Kategori tidak dikenal: 'lansia'. Pakai kode dari lembar petunjuk templat, contoh lansia-terlantar."),
                new(9, "nik", "NIK sama dengan baris 2 di berkas ini: satu orang cukup satu baris."),
                new(11, "nama", "Orang dengan nama, tanggal lahir dan kalurahan yang sama sudah ada di baris 10 berkas ini."),
                new(12, "nik", $"NIK sudah terdaftar di registri, di WKSBM {heldBy.Name} ({RegencyName(heldBy.RegencyCode)}). Orang ini tidak didaftarkan ulang; ajukan layanan bersama bila perlu."),
                new(13, "nama", "Orang dengan nama, tanggal lahir dan kalurahan yang sama sudah terdaftar di registri, "
                    + (heldWithoutNik.InstitutionId == wksbm.Id ? "di WKSBM ini" : $"di WKSBM {heldWithoutNikAt} ({RegencyName(wksbm.RegencyCode)})") + "."),
                new(14, "no_kk", "Kode wilayah Nomor KK (6 digit pertama: 999999) bukan kode kecamatan yang dikenal."),
                new(16, "tanggal_persetujuan", "Catat persetujuan pengolahan data: tanggal dan siapa yang menyetujui."),
            ],
            page.Errors.ToArray());
        // A dry run saves nothing.
        Assert.Equal(before, await CountAsync(wksbm.Id));

        var errorFile = await client.ErrorFileAsync(page);
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 16], errorFile.Select(r => Convert.ToInt32(r["baris"], CultureInfo.InvariantCulture)));
        var withFormula = errorFile.Single(r => Convert.ToInt32(r["baris"], CultureInfo.InvariantCulture) == 16);
        Assert.Equal("'" + formula + " 2", withFormula["nama"]);
        Assert.Equal("tanggal_persetujuan: Catat persetujuan pengolahan data: tanggal dan siapa yang menyetujui.", withFormula["kesalahan"]);
        // The original values, NIK digits as text.
        Assert.Equal(nik3, errorFile.Single(r => Convert.ToInt32(r["baris"], CultureInfo.InvariantCulture) == 3)["nik"]);
        Assert.Equal("lansia;fakir-miskin", errorFile.Single(r => Convert.ToInt32(r["baris"], CultureInfo.InvariantCulture) == 8)["kategori"]);
        using var removed = await client.SubmitFormAsync(page.Url, page.Url + "?handler=Remove", []);
    }

    [ProviderFact]
    public async Task All_or_nothing_refuses_a_file_with_errors_valid_rows_only_saves_them_with_categories_and_a_second_import_adds_nothing()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(57));
        var today = factory.Today;
        var tag = Tag();
        var serial = Serial();
        var formula = $"=HYPERLINK(\"http://contoh.id\",\"klik\") {tag}";
        var rows = new List<Dictionary<string, object?>>
        {
            Person(wksbm, today, $"Sutinah {tag}", serial, categories: "prse;fakir-miskin"),
            Person(wksbm, today, $"Rusmini {tag}", serial + 1, categories: "penyandang-disabilitas"),
            Person(wksbm, today, formula, serial + 2, Sex.LakiLaki, new DateOnly(1961, 12, 2), "lansia-terlantar"),
            Person(wksbm, today, $"Salah {tag}", serial + 3, categories: "bukan-kategori"),
        };
        rows[1]["tanggal_terdaftar"] = null;
        var names = rows.Select(r => (string)r["nama"]!).ToList();
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(57));
        var before = await CountAsync(wksbm.Id);
        var since = DateTimeOffset.UtcNow;
        try
        {
            var page = await client.CheckAsync(wksbm.Id, Xlsx(rows), "campur.xlsx");
            Assert.Equal((4L, 3L, 1L), (page.Rows, page.Valid, page.Invalid));
            Assert.Contains("id=\"mode-semua\" value=\"semua\" disabled=\"disabled\"", page.Html, StringComparison.Ordinal);

            // "All or nothing" with an error: refused, nothing saved.
            page = await client.CommitAsync(page, "semua");
            Assert.Equal("Diperiksa", page.State);
            Assert.StartsWith("\"Semua atau tidak sama sekali\" hanya bisa bila tidak ada baris yang bermasalah.", page.Message, StringComparison.Ordinal);
            Assert.Equal(before, await CountAsync(wksbm.Id));

            // The valid rows only: three people with their categories, nothing else.
            page = await client.CommitAsync(page, "valid");
            Assert.Equal("Selesai", page.State);
            Assert.Equal(3, HttpHelpers.TestIdNumber(page.Html, "import-saved"));
            Assert.Equal(before + 3, await CountAsync(wksbm.Id));
            var saved = await factory.ImportedAsync(wksbm.Id, names);
            Assert.Equal(names.Take(3).Order(StringComparer.Ordinal), saved.Select(p => p.Name).Order(StringComparer.Ordinal));
            string Slugs(Beneficiary b) => string.Join(";", b.Categories.Select(c => PpksCategory.All.Single(x => x.Id == c.CategoryId).Slug).Order(StringComparer.Ordinal));
            Assert.Equal("fakir-miskin;prse", Slugs(saved.Single(p => p.Name == names[0])));
            Assert.Equal("penyandang-disabilitas", Slugs(saved.Single(p => p.Name == names[1])));
            Assert.Equal("lansia-terlantar", Slugs(saved.Single(p => p.Name == formula)));
            Assert.All(saved, p => Assert.Equal(BeneficiaryStatus.Aktif, p.Status));
            Assert.All(saved, p => Assert.Equal(wksbm.RegencyCode, p.RegencyCode));
            Assert.Equal(today.AddDays(-10), saved.Single(p => p.Name == names[0]).RegisteredOn);
            Assert.Equal(today, saved.Single(p => p.Name == names[1]).RegisteredOn);
            var man = saved.Single(p => p.Name == formula);
            Assert.Equal((rows[2]["nik"], Sex.LakiLaki, new DateOnly(1961, 12, 2), PersonName.Key(formula)), (man.Nik, man.Sex, man.BirthDate, man.NameKey));
            var audit = await factory.WithDbAsync(db => db.AuditEntries
                .Where(a => a.Action == ImportJobs.AuditAction && a.EntityId == wksbm.Id.ToString() && a.At >= since).ToListAsync());
            var entry = Assert.Single(audit);
            Assert.Equal(TestUsers.Pengurus(57), entry.UserName);
            Assert.Contains("\"file\":\"campur.xlsx\"", entry.NewValues, StringComparison.Ordinal);
            Assert.Contains("\"saved\":3", entry.NewValues, StringComparison.Ordinal);
            Assert.Contains("\"skipped\":1", entry.NewValues, StringComparison.Ordinal);

            // The same file again: its people are now in the registry, at this WKSBM.
            var again = await client.CheckAsync(wksbm.Id, Xlsx(rows), "campur.xlsx");
            Assert.Equal((4L, 0L, 4L), (again.Rows, again.Valid, again.Invalid));
            Assert.Equal(3, again.Errors.Count(e => e.Message.StartsWith("NIK sudah terdaftar di registri, di WKSBM ini.", StringComparison.Ordinal)));
            Assert.DoesNotContain("handler=Commit", again.Html, StringComparison.Ordinal);
            using (var refused = await client.SubmitFormAsync(again.Url, again.Url + "?handler=Commit", new() { ["mode"] = "valid" }))
            {
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            }
            Assert.Equal("Diperiksa", (await client.WaitAsync(again.Url)).State);
            Assert.Equal(before + 3, await CountAsync(wksbm.Id));
        }
        finally
        {
            await factory.CleanUpAsync(wksbm.Id, names, since);
        }
        Assert.Equal(before, await CountAsync(wksbm.Id));
    }

    [ProviderFact]
    public async Task A_NIK_registered_between_the_dry_run_and_the_save_stops_all_or_nothing_and_only_its_row_is_skipped()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(57));
        var today = factory.Today;
        var tag = Tag();
        var serial = Serial();
        var rows = new List<Dictionary<string, object?>>
        {
            Person(wksbm, today, $"Painem {tag}", serial),
            Person(wksbm, today, $"Tukiyem {tag}", serial + 1),
        };
        var names = rows.Select(r => (string)r["nama"]!).ToList();
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(57));
        var before = await CountAsync(wksbm.Id);
        var since = DateTimeOffset.UtcNow;
        var registered = new Beneficiary
        {
            Name = $"Tukiyem Lain {tag}",
            Nik = (string)rows[1]["nik"]!,
            Sex = Sex.Perempuan,
            BirthDate = new DateOnly(1950, 3, 14),
            VillageCode = wksbm.VillageCode,
            InstitutionId = wksbm.Id,
            RegisteredOn = today,
        };
        try
        {
            var page = await client.CheckAsync(wksbm.Id, Xlsx(rows), "dua.xlsx");
            Assert.Equal((2L, 2L, 0L), (page.Rows, page.Valid, page.Invalid));

            // Meanwhile someone registers the second person by hand.
            await factory.WithDbAsync(async db =>
            {
                db.Beneficiaries.Add(registered);
                return await db.SaveChangesAsync();
            });

            page = await client.CommitAsync(page, "semua");
            Assert.Equal("Diperiksa", page.State);
            Assert.StartsWith("Tidak ada yang disimpan: sejak pemeriksaan, ada baris yang kini bermasalah", page.Message, StringComparison.Ordinal);
            Assert.Contains(page.Errors, e => e.Message.StartsWith("NIK sudah terdaftar di registri, di WKSBM ini.", StringComparison.Ordinal));
            Assert.Equal(before + 1, await CountAsync(wksbm.Id));

            page = await client.CommitAsync(page, "valid");
            Assert.Equal("Selesai", page.State);
            Assert.Equal(1, HttpHelpers.TestIdNumber(page.Html, "import-saved"));
            var saved = await factory.ImportedAsync(wksbm.Id, names);
            Assert.Equal(names[0], Assert.Single(saved).Name);
            Assert.Equal(before + 2, await CountAsync(wksbm.Id));
        }
        finally
        {
            await factory.CleanUpAsync(wksbm.Id, names, since);
            await factory.RemoveBeneficiariesAsync(registered.Id);
        }
        Assert.Equal(before, await CountAsync(wksbm.Id));
    }

    [ProviderFact]
    public async Task A_district_office_imports_a_clean_csv_all_or_nothing_into_a_WKSBM_of_its_kabupaten_and_not_elsewhere()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(58));
        var office = TestUsers.DistrictOffices.Single(o => o.RegencyCode == wksbm.RegencyCode).UserName;
        var elsewhere = TestUsers.DistrictOffices.First(o => o.RegencyCode != wksbm.RegencyCode).UserName;
        var today = factory.Today;
        var tag = Tag();
        var serial = Serial();
        var rows = Enumerable.Range(0, 5).Select(i => Person(wksbm, today, $"Warga {i}; {tag}", serial + i, i % 2 == 0 ? Sex.Perempuan : Sex.LakiLaki)).ToList();
        // A child: consent through a guardian.
        rows[4]["tanggal_lahir"] = today.AddYears(-9).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        rows[4]["nik"] = Nik.Compose(wksbm.KapanewonCode, today.AddYears(-9), Sex.Perempuan, serial + 4);
        rows[4]["persetujuan_wali"] = "ya";
        rows[4]["pemberi_persetujuan"] = "Ibu kandung";
        rows[4]["kategori"] = "anak-terlantar";
        // An office may register people anywhere in the WKSBM's kabupaten/kota, not outside it.
        var neighbour = RegionCatalog.Instance.AllDiy.First(r => r.Level == RegionLevel.Desa && r.RegencyCode == wksbm.RegencyCode && r.ParentCode != wksbm.KapanewonCode);
        var outside = RegionCatalog.Instance.AllDiy.First(r => r.Level == RegionLevel.Desa && r.RegencyCode != wksbm.RegencyCode);
        rows[1]["kode_kalurahan"] = neighbour.Code;
        var names = rows.Select(r => (string)r["nama"]!).ToList();
        var before = await CountAsync(wksbm.Id);
        var since = DateTimeOffset.UtcNow;

        using (var other = await factory.CreateLoggedInClientAsync(elsewhere))
        {
            using var response = await other.UploadAsync(wksbm.Id, Csv(rows), "warga.csv");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using var client = await factory.CreateLoggedInClientAsync(office);
        try
        {
            var wrong = rows.Select(r => new Dictionary<string, object?>(r)).ToList();
            wrong[2]["kode_kalurahan"] = outside.Code;
            var refused = await client.CheckAsync(wksbm.Id, Csv(wrong), "warga.csv");
            Assert.Equal(new ShownError(4, "kode_kalurahan",
                $"{outside.DisplayName} ({outside.Code}) ada di {RegencyName(outside.RegencyCode!)}, di luar wilayah WKSBM {wksbm.Name} ({RegencyName(wksbm.RegencyCode)})."),
                Assert.Single(refused.Errors));
            using (var dropped = await client.SubmitFormAsync(refused.Url, refused.Url + "?handler=Remove", [])) { }

            var page = await client.CheckAsync(wksbm.Id, Csv(rows), "warga.csv");
            Assert.Equal((5L, 5L, 0L), (page.Rows, page.Valid, page.Invalid));
            Assert.Contains("id=\"mode-semua\" value=\"semua\" checked=\"checked\"", page.Html, StringComparison.Ordinal);
            page = await client.CommitAsync(page, "semua");
            Assert.Equal("Selesai", page.State);
            Assert.Equal(5, HttpHelpers.TestIdNumber(page.Html, "import-saved"));
            var saved = await factory.ImportedAsync(wksbm.Id, names);
            Assert.Equal(5, saved.Count);
            Assert.Equal(neighbour.Code, saved.Single(p => p.Name == names[1]).VillageCode);
            var child = saved.Single(p => p.Name == names[4]);
            Assert.Equal((true, "Ibu kandung", today.AddYears(-9)), (child.ConsentByGuardian, child.ConsentGivenBy, child.BirthDate));
        }
        finally
        {
            await factory.CleanUpAsync(wksbm.Id, names, since);
        }
        Assert.Equal(before, await CountAsync(wksbm.Id));
    }

    [ProviderFact]
    public async Task Excel_numbers_and_date_cells_are_read_as_a_person_typed_them()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(59));
        var today = factory.Today;
        // A NIK whose last digit is not 0 (a number cell ending in 0 is sent back to be typed as text).
        var serial = Serial() / 10 * 10 + 1;
        var row = Person(wksbm, today, $"Angka {Tag()}", serial);
        row["nik"] = long.Parse((string)row["nik"]!, CultureInfo.InvariantCulture);
        row["tanggal_lahir"] = new DateTime(1950, 3, 14);
        row["tanggal_persetujuan"] = today.AddDays(-3).ToDateTime(TimeOnly.MinValue);
        row["desil"] = 3;
        row["rt"] = 5;
        row["telepon"] = 81234567890L;
        // Excel keeps 15 digits of a number: the 16th becomes 0 and the NIK is wrong.
        var cut = Person(wksbm, today, $"Terpotong {Tag()}", serial + 1);
        cut["nik"] = long.Parse((string)cut["nik"]!, CultureInfo.InvariantCulture) / 10 * 10;
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(59));

        var page = await client.CheckAsync(wksbm.Id, Xlsx([row, cut]), "angka.xlsx");

        Assert.Equal((2L, 1L, 1L), (page.Rows, page.Valid, page.Invalid));
        Assert.All(page.Errors, e => Assert.Equal((3, "nik"), (e.Row, e.Column)));
        Assert.Contains(page.Errors, e => e.Message.StartsWith("Kolom nik berformat angka di Excel", StringComparison.Ordinal));
        using var removed = await client.SubmitFormAsync(page.Url, page.Url + "?handler=Remove", []);
    }

    [ProviderFact]
    public async Task A_file_that_is_not_a_spreadsheet_has_wrong_columns_is_empty_or_too_long_is_refused_with_its_message()
    {
        var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(58));
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(58));
        var before = await CountAsync(wksbm.Id);

        var program = new byte[4096];
        "MZ"u8.CopyTo(program);
        Assert.Equal("Berkas ini bukan lembar kerja: unggah berkas Excel (.xlsx) atau CSV.",
            await client.UploadRefusedAsync(wksbm.Id, program, "penerima.xlsx"));

        using (var zip = new MemoryStream())
        {
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            {
                using var entry = new StreamWriter(archive.CreateEntry("catatan.txt").Open());
                entry.Write("bukan excel");
            }
            Assert.Equal("Berkas ini arsip zip, tetapi bukan buku kerja Excel (.xlsx).",
                await client.UploadRefusedAsync(wksbm.Id, zip.ToArray(), "penerima.xlsx"));
        }

        Assert.Equal(
            "Kolom wajib tidak ada: alasan_tanpa_nik, jenis_kelamin, tanggal_lahir, kode_kalurahan, kategori, tanggal_persetujuan, pemberi_persetujuan. "
            + "Kolom tidak dikenal: tgl_lahir. Pakai judul kolom dari templat (unduh di halaman ini).",
            await client.UploadRefusedAsync(wksbm.Id, Encoding.UTF8.GetBytes("nama;nik;tgl_lahir\nSri;3402154708900001;1990-08-07\n"), "penerima.csv"));

        Assert.Equal("Berkas kosong (0 byte).", await client.UploadRefusedAsync(wksbm.Id, [], "penerima.xlsx"));

        Assert.Equal(ImportRun.NoDataRows, await client.UploadRefusedAsync(wksbm.Id, Csv([]), "penerima.csv"));

        var header = Encoding.UTF8.GetString(Csv([]));
        var tooLong = new StringBuilder(header, header.Length + 100_001 * 40);
        for (var i = 0; i < 100_001; i++)
        {
            tooLong.Append("Orang ").Append(i).Append(";;;;;;;;;;;;;;;;;;\n");
        }
        Assert.Equal("Berkas berisi 100.001 baris data; satu impor paling banyak 100.000 baris. Bagi berkas menjadi beberapa bagian lalu impor satu per satu.",
            await client.UploadRefusedAsync(wksbm.Id, Encoding.UTF8.GetBytes(tooLong.ToString()), "besar.csv"));

        Assert.Equal(before, await CountAsync(wksbm.Id));
    }

    [ProviderFact]
    public async Task Only_the_board_and_the_offices_import_each_into_their_own_scope_and_a_job_is_its_owner_s()
    {
        var own = await factory.WksbmOfAsync(TestUsers.Pengurus(59));
        var other = await factory.WksbmOfAsync(TestUsers.Pengurus(55));
        var row = Person(own, factory.Today, $"Akses {Tag()}", Serial());

        // Volunteers, the forum and partners may not import at all.
        foreach (var user in new[] { TestUsers.Relawan01, TestUsers.Forum, "mitra.baznas" })
        {
            using var client = await factory.CreateLoggedInClientAsync(user);
            foreach (var url in new[] { "/penerima/impor", "/penerima/impor/templat.xlsx" })
            {
                using var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} GET {url}: {(int)response.StatusCode}");
            }
            using var home = await client.GetAsync("/");
            using var form = new MultipartFormDataContent
            {
                { new StringContent(HttpHelpers.AntiforgeryToken(await home.Content.ReadAsStringAsync())), "__RequestVerificationToken" },
                { new StringContent(own.Id.ToString()), "InstitutionId" },
                { new ByteArrayContent(Xlsx([row])), "Upload", "penerima.xlsx" },
            };
            using var post = await client.PostAsync("/penerima/impor", form);
            Assert.True(post.StatusCode == HttpStatusCode.Forbidden, $"{user} POST: {(int)post.StatusCode}");
        }

        // A board imports into its own WKSBM only.
        using var pengurus = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(59));
        using (var response = await pengurus.UploadAsync(other.Id, Xlsx([row]), "penerima.xlsx"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using (var form = await pengurus.GetAsync("/penerima/impor"))
        {
            var html = await form.Content.ReadAsStringAsync();
            Assert.Contains(own.Id.ToString(), html, StringComparison.Ordinal);
            Assert.DoesNotContain(other.Id.ToString(), html, StringComparison.Ordinal);
        }

        // Another user's job does not exist for them.
        var page = await pengurus.CheckAsync(own.Id, Xlsx([row]), "penerima.xlsx");
        Assert.Equal(1, page.Valid);
        using var stranger = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(55));
        foreach (var url in new[] { page.Url, page.Url + "?handler=Status", page.Url + "/kesalahan.xlsx" })
        {
            using var response = await stranger.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} by another user: {(int)response.StatusCode}");
        }
        using (var commit = await stranger.SubmitFormAsync("/penerima/impor", page.Url + "?handler=Commit", new() { ["mode"] = "semua" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, commit.StatusCode);
        }
        Assert.Equal("Diperiksa", (await pengurus.WaitAsync(page.Url)).State);
        using var removed = await pengurus.SubmitFormAsync(page.Url, page.Url + "?handler=Remove", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class BeneficiaryImportTestsOnSqlite(SqliteFixture app) : BeneficiaryImportTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class BeneficiaryImportTestsOnPostgres(PostgresFixture app) : BeneficiaryImportTests(app.Factory);
