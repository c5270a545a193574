using System.Collections.Frozen;
using System.Globalization;
using Wahana.Web.Domain;
using static Wahana.Web.Features.BeneficiaryImport.ImportColumns;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>One error of one row: the row number as the spreadsheet shows it, the column, the message.</summary>
public sealed record RowError(int Row, string Column, string Message);

/// <summary>A data row read into a beneficiary, with every error found in the row itself.</summary>
public sealed class ParsedRow(int number, Beneficiary person)
{
    public int Number { get; } = number;

    public Beneficiary Person { get; } = person;

    public List<RowError> Errors { get; } = [];

    /// <summary>The NIK when it is 16 digits (whatever else is wrong with it): the key of duplicate checks.</summary>
    public string? NikKey { get; set; }

    /// <summary>Name key, birth date and kalurahan: the key of duplicate checks of rows without NIK.</summary>
    public string? PersonKey { get; set; }

    /// <summary>An earlier row of the file is the same person (the registry check then has nothing to add).</summary>
    public bool DuplicateInFile { get; set; }

    public bool IsValid => Errors.Count == 0;

    public void Fail(string column, string message) => Errors.Add(new RowError(Number, column, message));
}

/// <summary>
/// The WKSBM an import goes to (every row is registered there). A WKSBM's own board registers people of its
/// kapanewon (<paramref name="KapanewonCode"/>, as the entry form does); an office, people of the WKSBM's kabupaten/kota.
/// </summary>
public sealed record ImportTarget(Guid InstitutionId, string Name, string RegencyCode, string? KapanewonCode = null);

/// <summary>
/// Reads one row of the sheet into a <see cref="Beneficiary"/> and checks it with the domain's rules
/// (<see cref="Beneficiary.Validate"/>, and through it <see cref="Nik.Check"/> and <see cref="Kk.Check"/>), plus what
/// only an import can get wrong: unreadable dates and codes, unknown categories, a kalurahan outside the WKSBM's
/// kabupaten/kota, texts longer than their columns.
/// </summary>
public sealed class RowParser
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-M-d", "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "yyyy/MM/dd", "yyyy/M/d", "dd.MM.yyyy", "d.M.yyyy",
        "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fff",
    ];

    private static readonly FrozenDictionary<string, int> CategoryIds =
        PpksCategory.All.ToFrozenDictionary(c => c.Slug, c => c.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>Which column a rule of <see cref="Beneficiary.Validate"/> is about.</summary>
    private static readonly FrozenDictionary<string, string> ColumnOfField = new Dictionary<string, string>
    {
        [nameof(Beneficiary.Name)] = ImportColumns.Name,
        [nameof(Beneficiary.Nik)] = ImportColumns.Nik,
        [nameof(Beneficiary.NoNikReason)] = ImportColumns.NoNikReason,
        [nameof(Beneficiary.Kk)] = ImportColumns.Kk,
        [nameof(Beneficiary.Sex)] = ImportColumns.Sex,
        [nameof(Beneficiary.BirthDate)] = ImportColumns.BirthDate,
        [nameof(Beneficiary.VillageCode)] = Village,
        [nameof(Beneficiary.Rt)] = ImportColumns.Rt,
        [nameof(Beneficiary.Rw)] = ImportColumns.Rw,
        [nameof(Beneficiary.Phone)] = ImportColumns.Phone,
        [nameof(Beneficiary.Desil)] = ImportColumns.Desil,
        [nameof(Beneficiary.Categories)] = ImportColumns.Categories,
        [nameof(Beneficiary.ConsentGivenOn)] = ConsentOn,
        [nameof(Beneficiary.ConsentByGuardian)] = ConsentByGuardian,
        [nameof(Beneficiary.RegisteredOn)] = ImportColumns.RegisteredOn,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly (string Column, int MaxLength, string Label)[] TextLimits =
    [
        (NoNikReason, 300, "Alasan tanpa NIK"),
        (BirthPlace, 100, "Tempat lahir"),
        (Hamlet, 100, "Padukuhan"),
        (Address, 500, "Alamat"),
        (ConsentBy, 200, "Pemberi persetujuan"),
    ];

    private readonly Dictionary<string, int> _columns;
    private readonly ImportTarget _target;
    private readonly DateOnly _today;
    private readonly RegionCatalog _regions = RegionCatalog.Instance;
    private readonly Dictionary<string, List<Region>> _villagesByName;
    private readonly string _targetRegencyName;

    /// <param name="columns">Header → position of the cell in a row.</param>
    public RowParser(Dictionary<string, int> columns, ImportTarget target, DateOnly today)
    {
        _columns = columns;
        _target = target;
        _today = today;
        _targetRegencyName = _regions.RegencyName(target.RegencyCode);
        _villagesByName = _regions.AllDiy
            .Where(r => r.Level == RegionLevel.Desa && r.RegencyCode == target.RegencyCode)
            .GroupBy(r => VillageNameKey(r.Name), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>The mapping of the canonical column order, used for rows read back from the job's own spill file.</summary>
    public static Dictionary<string, int> CanonicalColumns() =>
        All.Select((c, i) => (c.Header, i)).ToDictionary(x => x.Header, x => x.i, StringComparer.Ordinal);

    public ParsedRow Parse(SourceRow row)
    {
        var person = new Beneficiary { Name = Text(row, ImportColumns.Name) ?? "", VillageCode = "", InstitutionId = _target.InstitutionId };
        var parsed = new ParsedRow(row.Number, person);

        var nik = IdentityText(row, ImportColumns.Nik);
        person.Nik = nik;
        person.NoNikReason = nik is null ? Text(row, NoNikReason) : null;
        person.Kk = IdentityText(row, ImportColumns.Kk);

        var sex = ParseSex(row, parsed);
        var birthDate = ParseDate(row, ImportColumns.BirthDate, "Tanggal lahir", parsed, required: true);
        // When sex or birth date cannot be read, compare the NIK with what the NIK itself says, so the row shows the
        // one real error rather than a second "does not match the NIK".
        person.Sex = sex ?? SexFromNik(nik) ?? Domain.Sex.Perempuan;
        person.BirthDate = birthDate ?? BirthDateFromNik(nik) ?? _today.AddYears(-30);
        person.BirthPlace = Text(row, BirthPlace) ?? "";
        person.VillageCode = ParseVillage(row, parsed) ?? "";
        person.Hamlet = Text(row, Hamlet) ?? "";
        person.Rt = NumberText(row, ImportColumns.Rt);
        person.Rw = NumberText(row, ImportColumns.Rw);
        person.Address = Text(row, Address) ?? "";
        person.Phone = PhoneText(row);
        person.Desil = ParseDesil(row, parsed);
        ParseCategories(row, parsed);
        person.ConsentGivenOn = ParseDate(row, ConsentOn, "Tanggal persetujuan", parsed, required: false);
        person.ConsentGivenBy = Text(row, ConsentBy);
        person.ConsentByGuardian = ParseYesNo(row, parsed);
        person.RegisteredOn = ParseDate(row, ImportColumns.RegisteredOn, "Tanggal terdaftar", parsed, required: false) ?? _today;
        person.DeriveRegion();

        foreach (var (column, max, label) in TextLimits)
        {
            if (Text(row, column) is { } text && text.Length > max)
            {
                parsed.Fail(column, $"{label} paling banyak {max} karakter; yang diisi {text.Length} karakter.");
            }
        }

        var unreadable = parsed.Errors.Select(e => e.Column).ToHashSet(StringComparer.Ordinal);
        foreach (var violation in person.Validate(_regions, _today))
        {
            var column = ColumnOf(violation, person);
            if (!unreadable.Contains(column))
            {
                parsed.Fail(column, violation.Message);
            }
        }
        HintNumericIdentity(row, parsed, ImportColumns.Nik, "NIK");
        HintNumericIdentity(row, parsed, ImportColumns.Kk, "Nomor KK");

        if (nik is { Length: Domain.Nik.Length } && nik.All(char.IsAsciiDigit))
        {
            parsed.NikKey = nik;
        }
        if (person.NameKey.Length > 0 && birthDate is not null && person.VillageCode.Length > 0)
        {
            parsed.PersonKey = PersonKeyOf(person.NameKey, person.BirthDate, person.VillageCode);
        }
        return parsed;
    }

    public static string PersonKeyOf(string nameKey, DateOnly birthDate, string villageCode) =>
        string.Create(CultureInfo.InvariantCulture, $"{nameKey}|{birthDate:yyyy-MM-dd}|{villageCode}");

    private static string ColumnOf(RuleViolation violation, Beneficiary person)
    {
        // The consent rule covers date and giver: point at the one that is missing.
        if (violation.Field == nameof(Beneficiary.ConsentGivenOn) && person.ConsentGivenOn is not null && string.IsNullOrWhiteSpace(person.ConsentGivenBy))
        {
            return ConsentBy;
        }
        return ColumnOfField.GetValueOrDefault(violation.Field, violation.Field);
    }

    private Cell CellOf(SourceRow row, string column) =>
        _columns.TryGetValue(column, out var index) ? row[index] : Cell.Empty;

    private string? Text(SourceRow row, string column)
    {
        var cell = CellOf(row, column);
        if (cell.IsBlank)
        {
            return null;
        }
        return cell.Display.Trim();
    }

    /// <summary>NIK and KK: digits as typed; an apostrophe some tools put before long numbers is dropped.</summary>
    private string? IdentityText(SourceRow row, string column)
    {
        var text = Text(row, column);
        return text is ['\'', .. var rest] ? (rest.Trim() is { Length: > 0 } trimmed ? trimmed : null) : text;
    }

    private string? NumberText(SourceRow row, string column) => Text(row, column);

    /// <summary>A phone typed into a number cell has lost its leading 0 (81234567890): put it back.</summary>
    private string? PhoneText(SourceRow row)
    {
        var cell = CellOf(row, Phone);
        var text = Text(row, Phone);
        if (text is not null && cell.Kind == CellKind.Number && text.All(char.IsAsciiDigit) && text[0] != '0' && !text.StartsWith("62", StringComparison.Ordinal))
        {
            return "0" + text;
        }
        return text;
    }

    private Sex? ParseSex(SourceRow row, ParsedRow parsed)
    {
        var text = Text(row, ImportColumns.Sex);
        switch (text?.ToUpperInvariant())
        {
            case null:
                parsed.Fail(ImportColumns.Sex, "Jenis kelamin wajib diisi: L (laki-laki) atau P (perempuan).");
                return null;
            case "L" or "LK" or "LAKI-LAKI" or "LAKI LAKI" or "LAKI":
                return Domain.Sex.LakiLaki;
            case "P" or "PR" or "PEREMPUAN" or "WANITA":
                return Domain.Sex.Perempuan;
            default:
                parsed.Fail(ImportColumns.Sex, $"Jenis kelamin '{text}' tidak dikenal: isi L (laki-laki) atau P (perempuan).");
                return null;
        }
    }

    private DateOnly? ParseDate(SourceRow row, string column, string label, ParsedRow parsed, bool required)
    {
        var cell = CellOf(row, column);
        if (cell.IsBlank)
        {
            if (required)
            {
                parsed.Fail(column, $"{label} wajib diisi.");
            }
            return null;
        }
        var text = cell.Value!.Trim();
        // An Excel date cell holds the days since 1899-12-30.
        if (cell.Kind == CellKind.Number && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            && serial is >= 1 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            return DateOnly.FromDateTime(date);
        }
        parsed.Fail(column, $"{label} '{cell.Display.Trim()}' tidak terbaca: tulis TTTT-BB-HH (contoh 1990-08-07) atau HH-BB-TTTT (07-08-1990).");
        return null;
    }

    private string? ParseVillage(SourceRow row, ParsedRow parsed)
    {
        var text = Text(row, Village);
        if (text is null)
        {
            parsed.Fail(Village, "Kalurahan/kelurahan wajib diisi: kode Kemendagri, contoh 34.02.15.2003.");
            return null;
        }
        var code = text.Length == 10 && text.All(char.IsAsciiDigit) ? $"{text[..2]}.{text[2..4]}.{text[4..6]}.{text[6..]}" : text;
        var village = _regions.IsDiyVillage(code) ? _regions.Find(code) : null;
        if (village is null)
        {
            if (_villagesByName.TryGetValue(VillageNameKey(text), out var named))
            {
                if (named.Count == 1)
                {
                    village = named[0];
                }
                else
                {
                    parsed.Fail(Village, $"Nama kalurahan '{text}' ada lebih dari satu di {_targetRegencyName} ({string.Join(", ", named.Select(v => v.Code))}): tulis kodenya.");
                    return null;
                }
            }
            else
            {
                parsed.Fail(Village, $"Kalurahan/kelurahan '{text}' tidak dikenal: tulis kode Kemendagri kalurahan/kelurahan di DIY, contoh 34.02.15.2003.");
                return null;
            }
        }
        if (_target.KapanewonCode is { } kapanewon && village.ParentCode != kapanewon)
        {
            parsed.Fail(Village, $"{village.DisplayName} ({village.Code}) di luar wilayah kerja WKSBM Anda ({_regions.Find(kapanewon)?.DisplayName ?? kapanewon}).");
            return null;
        }
        if (village.RegencyCode != _target.RegencyCode)
        {
            parsed.Fail(Village, $"{village.DisplayName} ({village.Code}) ada di {_regions.RegencyName(village.RegencyCode)}, di luar wilayah WKSBM {_target.Name} ({_targetRegencyName}).");
            return null;
        }
        return village.Code;
    }

    private int? ParseDesil(SourceRow row, ParsedRow parsed)
    {
        var text = Text(row, ImportColumns.Desil);
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var desil))
        {
            return desil;
        }
        parsed.Fail(ImportColumns.Desil, $"Desil '{text}' bukan angka: isi 1 sampai 10, atau kosongkan.");
        return null;
    }

    private void ParseCategories(SourceRow row, ParsedRow parsed)
    {
        var text = Text(row, ImportColumns.Categories);
        if (text is null)
        {
            return;
        }
        var unknown = new List<string>();
        foreach (var part in text.Split([';', ',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (CategoryIds.TryGetValue(part, out var id))
            {
                if (!parsed.Person.Categories.Exists(c => c.CategoryId == id))
                {
                    parsed.Person.Categories.Add(new BeneficiaryCategory { BeneficiaryId = parsed.Person.Id, CategoryId = id });
                }
            }
            else
            {
                unknown.Add(part);
            }
        }
        if (unknown.Count > 0)
        {
            parsed.Fail(ImportColumns.Categories, $"Kategori tidak dikenal: {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Pakai kode dari lembar petunjuk templat, contoh lansia-terlantar.");
        }
    }

    private bool ParseYesNo(SourceRow row, ParsedRow parsed)
    {
        var text = Text(row, ConsentByGuardian);
        switch (text?.ToLowerInvariant())
        {
            case null or "tidak" or "t" or "no" or "n" or "false" or "0" or "bukan":
                return false;
            case "ya" or "y" or "yes" or "true" or "1" or "wali":
                return true;
            default:
                parsed.Fail(ConsentByGuardian, $"Persetujuan wali '{text}' tidak dikenal: isi ya atau tidak.");
                return false;
        }
    }

    /// <summary>
    /// Excel keeps 15 digits of a number: a NIK or KK typed into a number cell has its 16th digit turned into 0.
    /// A number cell ending in 0, or one that fails the checks, is sent back to be typed again as text.
    /// </summary>
    private void HintNumericIdentity(SourceRow row, ParsedRow parsed, string column, string label)
    {
        var cell = CellOf(row, column);
        if (cell.Kind == CellKind.Number && (cell.Display.EndsWith('0') || parsed.Errors.Exists(e => e.Column == column)))
        {
            parsed.Fail(column, $"Kolom {column} berformat angka di Excel, yang hanya menyimpan 15 digit: digit ke-16 {label} bisa berubah menjadi 0. Ubah format kolom menjadi Teks lalu ketik ulang {label}.");
        }
    }

    private static Sex? SexFromNik(string? nik) =>
        nik is { Length: Domain.Nik.Length } && int.TryParse(nik.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            ? day > 40 ? Domain.Sex.Perempuan : Domain.Sex.LakiLaki
            : null;

    private DateOnly? BirthDateFromNik(string? nik)
    {
        if (nik is not { Length: Domain.Nik.Length }
            || !int.TryParse(nik.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(nik.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(nik.AsSpan(10, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }
        day = day > 40 ? day - 40 : day;
        year += 2000;
        if (year > _today.Year)
        {
            year -= 100;
        }
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static string VillageNameKey(string name)
    {
        var key = PersonName.Key(name);
        foreach (var prefix in new[] { "kalurahan ", "kelurahan ", "desa " })
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return key[prefix.Length..];
            }
        }
        return key;
    }
}
