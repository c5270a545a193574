using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Wahana.Web.Domain;
using Wahana.Web.Features.BeneficiaryImport;
using Col = Wahana.Web.Features.ServiceImport.ServiceImportColumns;

namespace Wahana.Web.Features.ServiceImport;

/// <summary>A row of the service import: what the row itself says, and every error found in it.</summary>
public sealed class ServiceRow(int number)
{
    public int Number { get; } = number;

    public string? Nik { get; set; }

    public Guid? WahanaId { get; set; }

    public DateOnly? Date { get; set; }

    public ServiceKind? Kind { get; set; }

    public ServiceForm? Form { get; set; }

    public long? Value { get; set; }

    public FundingSource? FundingSource { get; set; }

    public string? PartnerName { get; set; }

    public string? Notes { get; set; }

    /// <summary>Set by the registry check: the person and the partner found.</summary>
    public Guid? BeneficiaryId { get; set; }

    public Guid? PartnerId { get; set; }

    public List<RowError> Errors { get; } = [];

    public bool IsValid => Errors.Count == 0;

    public bool HasError(string column) => Errors.Exists(e => e.Column == column);

    public void Fail(string column, string message) => Errors.Add(new RowError(Number, column, message));
}

/// <summary>
/// Reads one row of the service sheet (cells in <see cref="ServiceImportColumns.All"/> order): identity, date, kind,
/// form, value, funding source, partner and notes, each with the reason when it cannot be read. What needs the
/// database (the person, the partner, locks, services already recorded) is checked by <see cref="ServiceImportRun"/>.
/// </summary>
public static partial class ServiceRowParser
{
    private static readonly string[] DateFormats =
    [
        "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd", "yyyy-M-d",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "dd-MM-yyyy HH:mm:ss", "dd/MM/yyyy HH:mm:ss",
    ];

    private static readonly FrozenDictionary<string, ServiceKind> KindCodes = Codes(
        Col.Kinds.Select(k => (k, new[] { Slug.Of(k), Col.KindName(k) })));

    private static readonly FrozenDictionary<string, ServiceForm> FormCodes = Codes(
        Enum.GetValues<ServiceForm>().Select(f => (f, new[] { Slug.Of(f), Col.FormName(f) })));

    private static readonly FrozenDictionary<string, FundingSource> FundingCodes = Codes(
        Enum.GetValues<FundingSource>().Select(s => (s, new[] { Slug.Of(s), Col.FundingName(s) }))
            .Append((Domain.FundingSource.ApbdKabupaten, ["apbd kota", "apbd kabupaten/kota", "apbd kab"]))
            .Append((Domain.FundingSource.ZakatInfaq, ["zakat", "infak", "infaq", "zakat infak", "zakat, infak, sedekah", "zis"]))
            .Append((Domain.FundingSource.Apbn, ["dekonsentrasi", "apbn dekonsentrasi"]))
            .Append((Domain.FundingSource.DanaDesa, ["dana kalurahan", "dana kelurahan"])));

    public static string KindList => "santunan, pemberdayaan, perlindungan atau rehabilitasi-sosial";

    public static string FormList => string.Join(", ", Enum.GetValues<ServiceForm>().SkipLast(1).Select(Slug.Of)) + " atau lainnya";

    public static string FundingList => string.Join(", ", Enum.GetValues<FundingSource>().SkipLast(1).Select(Slug.Of)) + " atau lainnya";

    /// <summary>"Rehabilitasi Sosial", "rehabilitasi_sosial", "APBD kabupaten/kota" → "rehabilitasi-sosial", "apbd-kabupaten-kota".</summary>
    public static string CodeKey(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(c);
            }
            else if (key.Length > 0 && key[^1] != '-')
            {
                key.Append('-');
            }
        }
        return key.ToString().TrimEnd('-');
    }

    /// <summary>A partner's name as compared: case, spaces and punctuation ignored.</summary>
    public static string PartnerKey(string name) => CodeKey(name);

    public static ServiceRow Parse(SourceRow row)
    {
        var parsed = new ServiceRow(row.Number);
        ParseIdentity(row, parsed);
        parsed.Date = ParseDate(row, parsed);
        parsed.Kind = ParseKind(row, parsed);
        parsed.Form = ParseCode(row, parsed, Col.Form, "Bentuk layanan", FormCodes, FormList);
        parsed.Value = ParseValue(row, parsed);
        parsed.FundingSource = ParseCode(row, parsed, Col.FundingSource, "Sumber dana", FundingCodes, FundingList);
        parsed.PartnerName = Text(row, Col.Partner);
        if (parsed.PartnerName is null && parsed.FundingSource is Domain.FundingSource.Donasi or Domain.FundingSource.Csr)
        {
            parsed.Fail(Col.Partner, $"Sumber dana {Slug.Of(parsed.FundingSource.Value)} wajib menyebut mitra pemberi dana: isi nama mitra di kolom mitra.");
        }
        parsed.Notes = Text(row, Col.Notes);
        if (parsed.Notes is { Length: > Col.MaxNotesLength } notes)
        {
            parsed.Fail(Col.Notes, string.Create(CultureInfo.InvariantCulture, $"Catatan paling banyak {Col.MaxNotesLength} karakter; yang diisi {notes.Length} karakter."));
        }
        return parsed;
    }

    private static Cell CellOf(SourceRow row, string column) => row[Col.IndexOf(column)];

    private static string? Text(SourceRow row, string column)
    {
        var cell = CellOf(row, column);
        return cell.IsBlank ? null : cell.Display.Trim();
    }

    private static void ParseIdentity(SourceRow row, ServiceRow parsed)
    {
        var nikCell = CellOf(row, Col.Nik);
        var nik = Text(row, Col.Nik) is { } text ? (text is ['\'', .. var rest] ? rest.Trim() : text) : null;
        var id = Text(row, Col.WahanaId);
        if (nik is null or "" && id is null)
        {
            parsed.Fail(Col.Nik, "Isi NIK penerima, atau untuk penerima tanpa NIK isi id_wahana (ID Wahana di profilnya).");
            return;
        }
        if (nik is { Length: > 0 })
        {
            // A NIK typed into a number cell keeps only 15 significant digits: the 16th may have become 0.
            if (nikCell.Kind == CellKind.Number && nik.Length == Domain.Nik.Length && nik.EndsWith('0'))
            {
                parsed.Fail(Col.Nik, "Kolom nik berformat angka di Excel, yang hanya menyimpan 15 digit: digit ke-16 NIK bisa berubah menjadi 0. Ubah format kolom menjadi Teks lalu ketik ulang NIK.");
                return;
            }
            var problems = Domain.Nik.Check(nik, null, null, DateOnly.MaxValue, RegionCatalog.Instance);
            if (problems.Count > 0)
            {
                parsed.Fail(Col.Nik, problems[0].Message);
                return;
            }
            parsed.Nik = nik;
        }
        if (id is not null)
        {
            if (!Guid.TryParse(id, out var wahanaId))
            {
                parsed.Fail(Col.WahanaId, $"ID Wahana '{Shorten(id)}' tidak terbaca: salin 36 karakternya dari profil penerima (contoh 0193a6f2-7c1e-7d4b-9a51-3f0c2b8e4d17).");
                return;
            }
            parsed.WahanaId = wahanaId;
        }
    }

    private static DateOnly? ParseDate(SourceRow row, ServiceRow parsed)
    {
        var cell = CellOf(row, Col.Date);
        if (cell.IsBlank)
        {
            parsed.Fail(Col.Date, "Tanggal layanan wajib diisi.");
            return null;
        }
        var text = cell.Value!.Trim();
        // An Excel date cell holds the days since 1899-12-30.
        if (cell.Kind == CellKind.Number)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
            {
                return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
            }
        }
        else if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            return DateOnly.FromDateTime(date);
        }
        parsed.Fail(Col.Date, $"Tanggal '{Shorten(cell.Display.Trim())}' tidak terbaca: tulis HH-BB-TTTT (contoh 15-03-2026) atau pakai sel tanggal Excel.");
        return null;
    }

    private static ServiceKind? ParseKind(SourceRow row, ServiceRow parsed)
    {
        var text = Text(row, Col.Kind);
        if (text is not null && CodeKey(text) == "rujukan")
        {
            parsed.Fail(Col.Kind, "Rujukan tidak diimpor sebagai layanan: catat di menu Rujukan, yang juga mengikuti statusnya.");
            return null;
        }
        return ParseCode(row, parsed, Col.Kind, "Jenis layanan", KindCodes, KindList);
    }

    private static T? ParseCode<T>(SourceRow row, ServiceRow parsed, string column, string label, FrozenDictionary<string, T> codes, string list)
        where T : struct
    {
        var text = Text(row, column);
        if (text is null)
        {
            parsed.Fail(column, $"{label} wajib diisi: {list}.");
            return null;
        }
        if (codes.TryGetValue(CodeKey(text), out var value))
        {
            return value;
        }
        parsed.Fail(column, $"{label} '{Shorten(text)}' tidak dikenal: pakai {list}.");
        return null;
    }

    private static long? ParseValue(SourceRow row, ServiceRow parsed)
    {
        var cell = CellOf(row, Col.Value);
        if (cell.IsBlank)
        {
            parsed.Fail(Col.Value, "Nilai wajib diisi (0 bila tanpa nilai rupiah). " + Rupiah.ParseMessage);
            return null;
        }
        var text = cell.Value!.Trim();
        long amount;
        if (cell.Kind == CellKind.Number)
        {
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number != decimal.Truncate(number)
                || number > long.MaxValue / 10 || number < long.MinValue / 10)
            {
                parsed.Fail(Col.Value, $"Nilai '{Shorten(cell.Display)}' tidak terbaca. {Rupiah.ParseMessage}");
                return null;
            }
            amount = (long)number;
        }
        else if (text.StartsWith('-') && Rupiah.TryParse(text[1..], out var negative) && negative > 0)
        {
            amount = -negative;
        }
        // A dot groups thousands ("150.000"); "150000.50" or "1.50" is no rupiah amount, never read as 15.000.050.
        else if ((text.Contains('.', StringComparison.Ordinal) && !GroupedThousands().IsMatch(text)) || !Rupiah.TryParse(text, out amount))
        {
            parsed.Fail(Col.Value, $"Nilai '{Shorten(text)}' tidak terbaca. {Rupiah.ParseMessage}");
            return null;
        }
        if (amount < 0)
        {
            parsed.Fail(Col.Value, "Nilai layanan tidak boleh negatif.");
            return null;
        }
        if (amount > Service.ConfirmValueAbove)
        {
            parsed.Fail(Col.Value,
                $"Nilai {Rupiah.Format(amount)} untuk satu orang melebihi {Rupiah.Format(Service.ConfirmValueAbove)}. Nilai sebesar itu perlu dikonfirmasi satu per satu, jadi tidak dapat diimpor: catat layanan ini lewat formulir layanan di profil penerima.");
            return null;
        }
        return amount;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static FrozenDictionary<string, T> Codes<T>(IEnumerable<(T Value, string[] Names)> entries)
    {
        var codes = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (value, names) in entries)
        {
            foreach (var name in names)
            {
                codes.TryAdd(CodeKey(name), value);
            }
        }
        return codes.ToFrozenDictionary(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^(Rp\.?\s*)?\d{1,3}(\.\d{3})+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GroupedThousands();
}
