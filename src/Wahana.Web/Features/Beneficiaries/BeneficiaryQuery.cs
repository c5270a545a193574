using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Beneficiaries;

public enum BeneficiarySort
{
    Name,
    Age,
    Registered,
}

/// <summary>The age groups of the semester report, computed from the birth date on today's date (WIB).</summary>
public enum AgeGroup
{
    Balita,
    Anak,
    Dewasa,
    Lansia,
}

/// <summary>
/// The one query of the beneficiary registry, shared by the list page (/penerima), its Excel export and
/// GET /api/v1/beneficiaries: search by name (partial, case- and accent-insensitive) or by a full NIK/KK, the
/// filters, the sort and the page. The user's access scope comes from the DbContext's query filters, never
/// from here. Read leniently from the page's query string (<see cref="ParsePage"/>: an unknown value is dropped)
/// and strictly from the API's (<see cref="ParseApi"/>: an unknown value is a field error).
/// </summary>
public sealed partial class BeneficiaryQuery
{
    public const int PageSize = 25;

    public const int MaxApiPageSize = 200;

    /// <summary>
    /// Totals are counted up to this and then shown as "lebih dari 100": counting every match of a filter among a
    /// million people costs many times the page itself (the count reads on until it has seen them all), and a
    /// list that long is narrowed, not paged through.
    /// </summary>
    public const int CountCap = 100;

    /// <summary>
    /// The API counts its total up to this (like a search engine's "10,000+"): an exact count of a broad filter
    /// over a kabupaten took 0.5 s on SQLite and 0.25 s on PostgreSQL at a million people, every page. Past it,
    /// <c>totalCapped</c> is true and a client pages on until a page is not full.
    /// </summary>
    public const int ApiCountCap = 1000;

    /// <summary>
    /// On SQLite, a name search whose words match at most this many names (the FTS5 trigram index counts them
    /// cheaply) reads them through the index; more are found by walking the list in order with LIKE.
    /// </summary>
    public const int MatchCap = 20_000;

    /// <summary>
    /// On PostgreSQL, a name search whose words match at most this many names sorts them (counting them through the
    /// pg_trgm index costs about as much as sorting them); more are found by walking the name index.
    /// </summary>
    public const int PostgresMatchCap = 10_000;

    public const int MaxSearchLength = 100;

    private static readonly Dictionary<string, BeneficiarySort> PageSortCodes = new(StringComparer.Ordinal)
    {
        ["nama"] = BeneficiarySort.Name,
        ["umur"] = BeneficiarySort.Age,
        ["terdaftar"] = BeneficiarySort.Registered,
    };

    private static readonly Dictionary<string, BeneficiarySort> ApiSortCodes = new(StringComparer.Ordinal)
    {
        ["name"] = BeneficiarySort.Name,
        ["age"] = BeneficiarySort.Age,
        ["registered"] = BeneficiarySort.Registered,
    };

    public static readonly IReadOnlyList<(AgeGroup Group, string Code, string Label, int From, int? To)> AgeGroups =
    [
        (AgeGroup.Balita, "0-5", "0-5 tahun (balita)", 0, 5),
        (AgeGroup.Anak, "6-17", "6-17 tahun (anak)", 6, 17),
        (AgeGroup.Dewasa, "18-59", "18-59 tahun (dewasa)", 18, 59),
        (AgeGroup.Lansia, "60+", "60 tahun ke atas (lansia)", 60, null),
    ];

    /// <summary>The words of the name searched for, as <see cref="PersonName.Key"/> writes them.</summary>
    public string? Search { get; private init; }

    /// <summary>A full 16-digit number typed into the search box: looked up as NIK or KK, exactly.</summary>
    public string? IdentityNumber { get; private init; }

    /// <summary>Digits typed into the search box that are not a full NIK/KK (never searched partially).</summary>
    public bool PartialNumber { get; private init; }

    public string? Nik { get; private init; }

    public string? Kk { get; private init; }

    public string? RegencyCode { get; private init; }

    public string? DistrictCode { get; private init; }

    public string? VillageCode { get; private init; }

    public Guid? InstitutionId { get; private init; }

    public PpksCategory? Category { get; private init; }

    public Sex? Sex { get; private init; }

    public AgeGroup? Age { get; private init; }

    public int? Desil { get; private init; }

    public bool WithoutNik { get; private init; }

    public bool NotServed { get; private init; }

    public BeneficiaryStatus? Status { get; private init; }

    public BeneficiarySort Sort { get; private init; }

    public bool Descending { get; private init; }

    public int Page { get; private init; } = 1;

    public int Size { get; private init; } = PageSize;

    /// <summary>The text typed in the search box, as typed (for the form).</summary>
    public string? SearchText { get; private init; }

    public bool HasIgnoredValues { get; private init; }

    public bool IsFiltered => SearchText is not null || Nik is not null || Kk is not null || RegencyCode is not null
        || InstitutionId is not null || Category is not null || Sex is not null || Age is not null || Desil is not null
        || WithoutNik || NotServed || Status is not null;

    /// <summary>The page's query string (Indonesian keys), read leniently.</summary>
    public static BeneficiaryQuery ParsePage(IQueryCollection query)
    {
        var ignored = false;
        string? Read(string key)
        {
            var value = query[key].FirstOrDefault()?.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }
        T? Known<T>(string key, Func<string, T?> parse) where T : struct
        {
            var text = Read(key);
            if (text is null)
            {
                return null;
            }
            var value = parse(text);
            ignored |= value is null;
            return value;
        }
        var (regency, district, village, regionIgnored) = Regions(Read("kabupaten"), Read("kapanewon"), Read("kalurahan"));
        ignored |= regionIgnored;
        var sortText = Read("urut");
        ignored |= sortText is not null && !PageSortCodes.ContainsKey(sortText);
        var categoryText = Read("kategori");
        var category = categoryText is null ? null : PpksCategory.FindBySlug(categoryText);
        ignored |= categoryText is not null && category is null;
        var search = Read("q");
        var (name, number, partial) = ReadSearch(search);
        return new BeneficiaryQuery
        {
            SearchText = search is { Length: > MaxSearchLength } ? search[..MaxSearchLength] : search,
            Search = name,
            IdentityNumber = number,
            PartialNumber = partial,
            RegencyCode = regency,
            DistrictCode = district,
            VillageCode = village,
            InstitutionId = Known("wksbm", t => Guid.TryParse(t, out var id) ? id : (Guid?)null),
            Category = category,
            Sex = Known("jk", ParseSex),
            Age = Known("umur", ParseAgeGroup),
            Desil = Known("desil", ParseDesil),
            WithoutNik = Read("tanpa-nik") is "1" or "ya",
            NotServed = Read("belum-dilayani") is "1" or "ya",
            Status = Known("status", t => Slug.TryParse<BeneficiaryStatus>(t, out var s) ? s : (BeneficiaryStatus?)null),
            Sort = sortText is not null && PageSortCodes.TryGetValue(sortText, out var sort) ? sort : BeneficiarySort.Name,
            Descending = Read("arah") == "turun",
            Page = int.TryParse(Read("halaman"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1,
            HasIgnoredValues = ignored,
        };
    }

    /// <summary>The API's query string (English keys), read strictly: every value it cannot use is a field error.</summary>
    public static BeneficiaryQuery? ParseApi(IQueryCollection query, out Dictionary<string, string[]> errors)
    {
        var problems = new Dictionary<string, string[]>();
        errors = problems;
        string? Read(string key)
        {
            var value = query[key].FirstOrDefault()?.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }
        T? Parse<T>(string key, Func<string, T?> parse, string message) where T : struct
        {
            var text = Read(key);
            if (text is null)
            {
                return null;
            }
            var value = parse(text);
            if (value is null)
            {
                problems[key] = [message];
            }
            return value;
        }
        bool Flag(string key)
        {
            var text = Read(key);
            if (text is null or "false" or "0")
            {
                return false;
            }
            if (text is "true" or "1")
            {
                return true;
            }
            problems[key] = ["Isi true atau false."];
            return false;
        }
        string? Number(string key, string label)
        {
            var text = Read(key);
            if (text is not null && !(text.Length == Domain.Nik.Length && text.All(char.IsAsciiDigit)))
            {
                problems[key] = [$"{label} dicari lengkap: 16 digit angka."];
                return null;
            }
            return text;
        }

        var catalog = RegionCatalog.Instance;
        var regency = Read("regency");
        if (regency is not null && !catalog.IsDiyRegency(regency))
        {
            problems["regency"] = ["Kode kabupaten/kota tidak dikenal (contoh: 34.02)."];
        }
        var district = Read("district");
        if (district is not null && catalog.Find(district)?.Level != RegionLevel.Kecamatan)
        {
            problems["district"] = ["Kode kapanewon/kemantren tidak dikenal (contoh: 34.02.15)."];
        }
        var village = Read("village");
        if (village is not null && !catalog.IsDiyVillage(village))
        {
            problems["village"] = ["Kode kalurahan/kelurahan tidak dikenal (contoh: 34.02.15.2001)."];
        }
        if (village is not null && district is not null && catalog.Find(village)?.ParentCode != district)
        {
            problems["village"] = ["Kalurahan/kelurahan ini tidak berada di kapanewon/kemantren yang dipilih."];
        }
        if ((district ?? village) is { } lower && regency is not null && Region.RegencyCodeOf(lower) != regency)
        {
            problems[district is not null ? "district" : "village"] = ["Wilayah ini tidak berada di kabupaten/kota yang dipilih."];
        }
        var categoryText = Read("category");
        var category = categoryText is null ? null : PpksCategory.FindBySlug(categoryText);
        if (categoryText is not null && category is null)
        {
            problems["category"] = ["Kategori PPKS tidak dikenal; pakai kodenya, misalnya lansia-terlantar."];
        }
        var sortText = Read("sort");
        var descending = sortText?.StartsWith('-') == true;
        var sortCode = descending ? sortText![1..] : sortText;
        if (sortCode is not null && !ApiSortCodes.ContainsKey(sortCode))
        {
            problems["sort"] = ["Urutan: name, age, atau registered (awali dengan - untuk urutan terbalik)."];
        }
        var page = Parse("page", t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : (int?)null,
            "Halaman dimulai dari 1.");
        var size = Parse("pageSize", t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= MaxApiPageSize ? p : (int?)null,
            $"Ukuran halaman 1 sampai {MaxApiPageSize}.");
        var search = Read("q");
        if (search is { Length: > MaxSearchLength })
        {
            problems["q"] = [$"Pencarian paling panjang {MaxSearchLength} karakter."];
        }
        var (name, number, partial) = ReadSearch(search);
        if (partial)
        {
            problems["q"] = ["NIK atau No. KK dicari lengkap: 16 digit angka."];
        }
        var parsed = new BeneficiaryQuery
        {
            SearchText = search,
            Search = name,
            IdentityNumber = number,
            Nik = Number("nik", "NIK"),
            Kk = Number("kk", "Nomor KK"),
            RegencyCode = regency,
            DistrictCode = district,
            VillageCode = village,
            InstitutionId = Parse("institution", t => Guid.TryParse(t, out var id) ? id : (Guid?)null, "Id WKSBM tidak valid."),
            Category = category,
            Sex = Parse("sex", ParseSex, "Jenis kelamin: L atau P."),
            Age = Parse("ageGroup", ParseAgeGroup, "Kelompok umur: 0-5, 6-17, 18-59, atau 60+."),
            Desil = Parse("desil", ParseDesil, "Desil DTSEN bernilai 1 sampai 10."),
            WithoutNik = Flag("withoutNik"),
            NotServed = Flag("notServed"),
            Status = Parse("status", t => Slug.TryParse<BeneficiaryStatus>(t, out var s) ? s : (BeneficiaryStatus?)null,
                "Status: aktif, pindah, meninggal, atau tidak-membutuhkan."),
            Sort = sortCode is not null && ApiSortCodes.TryGetValue(sortCode, out var sort) ? sort : BeneficiarySort.Name,
            Descending = descending,
            Page = page ?? 1,
            Size = size ?? 50,
        };
        return problems.Count == 0 ? parsed : null;
    }

    /// <summary>This query as the page's query string, with another sort or page if given.</summary>
    public string ToQueryString(BeneficiarySort? sort = null, bool? descending = null, int? page = null)
    {
        var builder = new QueryBuilder();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                builder.Add(key, value);
            }
        }
        Add("q", SearchText);
        Add("kabupaten", RegencyCode);
        Add("kapanewon", DistrictCode);
        Add("kalurahan", VillageCode);
        Add("wksbm", InstitutionId?.ToString());
        Add("kategori", Category?.Slug);
        Add("jk", Sex is { } sex ? SexCode(sex) : null);
        Add("umur", Age is { } age ? AgeGroupCode(age) : null);
        Add("desil", Desil?.ToString(CultureInfo.InvariantCulture));
        Add("tanpa-nik", WithoutNik ? "1" : null);
        Add("belum-dilayani", NotServed ? "1" : null);
        Add("status", Status is { } status ? Slug.Of(status) : null);
        Add("urut", SortCodeOf(sort ?? Sort));
        Add("arah", descending ?? Descending ? "turun" : null);
        Add("halaman", (page ?? Page) is > 1 and var p ? p.ToString(CultureInfo.InvariantCulture) : null);
        return builder.ToQueryString().Value ?? "";
    }

    /// <summary>The filters in force, for the audit entry of an export.</summary>
    public Dictionary<string, string> Describe()
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(ToQueryString(page: 1));
        return query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    public static string? SortCodeOf(BeneficiarySort sort) =>
        sort == BeneficiarySort.Name ? null : PageSortCodes.First(c => c.Value == sort).Key;

    public static string SexCode(Sex sex) => sex == Domain.Sex.Perempuan ? "P" : "L";

    public static string SexName(Sex sex) => sex == Domain.Sex.Perempuan ? "Perempuan" : "Laki-laki";

    public static string AgeGroupCode(AgeGroup group) => AgeGroups.First(g => g.Group == group).Code;

    public static string StatusName(BeneficiaryStatus status) => status switch
    {
        BeneficiaryStatus.Aktif => "Aktif",
        BeneficiaryStatus.Pindah => "Pindah",
        BeneficiaryStatus.Meninggal => "Meninggal",
        _ => "Tidak membutuhkan lagi",
    };

    public static int AgeOn(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year;
        return birthDate.AddYears(age) > date ? age - 1 : age;
    }

    private static Sex? ParseSex(string text) => text.ToUpperInvariant() switch
    {
        "L" => Domain.Sex.LakiLaki,
        "P" => Domain.Sex.Perempuan,
        _ => null,
    };

    private static AgeGroup? ParseAgeGroup(string text) =>
        AgeGroups.FirstOrDefault(g => g.Code == text.Replace(' ', '+')) is { Code: not null } g ? g.Group : null;

    private static int? ParseDesil(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 10 ? d : null;

    /// <summary>The search box: a full 16-digit NIK/KK, digits that are not one, or a name (its key).</summary>
    private static (string? Name, string? Number, bool Partial) ReadSearch(string? text)
    {
        if (text is null)
        {
            return (null, null, false);
        }
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-'));
        if (compact.Length > 0 && compact.All(char.IsAsciiDigit))
        {
            return compact.Length == Domain.Nik.Length ? (null, compact, false) : (null, null, true);
        }
        var key = PersonName.Key(text.Length > MaxSearchLength ? text[..MaxSearchLength] : text);
        return (key.Length == 0 ? null : key, null, false);
    }

    /// <summary>The region filters: a parent left out is filled in; a child outside the chosen parent is dropped.</summary>
    private static (string? Regency, string? District, string? Village, bool Ignored) Regions(string? regency, string? district, string? village)
    {
        var catalog = RegionCatalog.Instance;
        var ignored = false;
        if (regency is not null && !catalog.IsDiyRegency(regency))
        {
            (regency, ignored) = (null, true);
        }
        if (district is not null && catalog.Find(district)?.Level != RegionLevel.Kecamatan)
        {
            (district, ignored) = (null, true);
        }
        if (village is not null && !catalog.IsDiyVillage(village))
        {
            (village, ignored) = (null, true);
        }
        var villageDistrict = catalog.Find(village)?.ParentCode;
        if (district is null && (regency is null || Region.RegencyCodeOf(villageDistrict) == regency))
        {
            district = villageDistrict;
        }
        regency ??= Region.RegencyCodeOf(district);
        district = Region.RegencyCodeOf(district) == regency ? district : null;
        village = villageDistrict == district ? village : null;
        return (regency, district, village, ignored);
    }
}
