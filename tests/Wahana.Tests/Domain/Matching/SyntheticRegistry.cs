using System.Globalization;
using System.Text;
using Bogus;
using Wahana.Web.Data.Seeding;
using Wahana.Web.Domain;
using Wahana.Web.Domain.Matching;

namespace Wahana.Tests.Domain.Matching;

/// <summary>One record of the synthetic registry, with what the generator knows and the matcher does not.</summary>
public sealed record SyntheticRecord(PersonToMatch Record, int PersonNumber, int Household, string Made);

/// <summary>The labelled set: the records, and the pairs of records that are one person.</summary>
public sealed record LabelledSet(IReadOnlyList<SyntheticRecord> Records, IReadOnlySet<(Guid, Guid)> SamePerson)
{
    public static (Guid, Guid) Key(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);
}

/// <summary>
/// A deterministic synthetic registry for measuring the matcher: households of a few dozen neighbouring kalurahan
/// (families sharing a KK and often a surname, twins, old people living alone with one Javanese name and often an
/// estimated birth date, households without any papers, the very common names of the province), then a second
/// (now and then a third) record of some people, as another WKSBM would write it: typos, the old spelling, words
/// in another order, titles, a word more or less, an initial; birth dates a few days off, with day and month or
/// two digits swapped, estimated, a year off, one digit wrong, or a guessed age; the NIK missing on one side or
/// with a wrong serial; the same, a neighbouring or a farther kalurahan. The rates are judgement, not tuned to the
/// matcher: the mistakes are those seen in paper registers copied by volunteers.
/// </summary>
public static class SyntheticRegistry
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static readonly string[] OldWomen =
    [
        "Tukiyem", "Sukinem", "Ngatiyem", "Painem", "Tumini", "Kasiyem", "Suratmi", "Mujiyem", "Rubinem", "Tumirah",
        "Wakiyem", "Tukinah", "Samirah", "Poniyem", "Legiyem", "Sukiyem", "Wariyem", "Sumarni", "Parinem", "Sainem",
        "Ngadinem", "Jumiyem", "Sarinah", "Suwarni", "Tentrem", "Ginem", "Martini", "Surip", "Marsinah", "Karsini",
    ];

    private static readonly string[] OldMen =
    [
        "Paiman", "Slamet", "Wagiyo", "Karto", "Sarijo", "Sutarno", "Parjo", "Ngadiyo", "Sastro", "Marsudi",
        "Kemis", "Ponijo", "Tukiman", "Sukiman", "Wagimin", "Tugiyo", "Ngatijo", "Kasimin", "Suparjo", "Harjo",
        "Mulyono", "Sugiyono", "Sutrisno", "Suparman", "Ngatimin", "Rejo", "Sajiman", "Tarmuji", "Dalimin", "Paijo",
    ];

    private static readonly string[] CommonWomen =
    [
        "Sri Rahayu", "Siti Aminah", "Sri Wahyuni", "Siti Fatimah", "Dwi Lestari", "Tri Wahyuni", "Sri Mulyani", "Siti Maryam",
        "Nur Hayati", "Endang Sulistyowati",
    ];

    private static readonly string[] CommonMen =
    [
        "Agus Santoso", "Budi Santoso", "Muhammad Rizki", "Eko Prasetyo", "Agus Setiawan", "Joko Susilo", "Bambang Sutrisno",
        "Muhammad Ridwan", "Heru Purnomo", "Slamet Riyadi",
    ];

    private static readonly string[] Keyboard = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    // Spellings of one sound, old and new (a pattern of the one and what it becomes in the other, both ways).
    private static readonly (string Old, string New)[] Spellings =
    [
        ("oe", "u"), ("dj", "j"), ("tj", "c"), ("j", "y"), ("ch", "kh"), ("kh", "h"), ("sy", "s"), ("mm", "m"), ("ll", "l"),
        ("th", "t"), ("dh", "d"), ("ah$", "a$"), ("f", "p"), ("v", "f"), ("i$", "y$"), ("ny", "nj"), ("u", "oe"),
    ];

    private static readonly string[] TitlesBefore = ["Mbah ", "Hj. ", "Bu ", "Pak ", "Ibu ", "Sdr. "];

    private static readonly string[] TitlesAfter = [", S.Pd.", ", S.E.", ", A.Md."];

    public static LabelledSet Generate(int seed = 20261130, int households = 15000)
    {
        var faker = DemoFakes.NewFaker(seed);
        var area = Area(faker, 48);
        var records = new List<SyntheticRecord>();
        var niks = new HashSet<string>(StringComparer.Ordinal);
        var personNumber = 0;
        for (var h = 0; h < households; h++)
        {
            foreach (var (person, made) in Household(faker, area, niks))
            {
                records.Add(new SyntheticRecord(person, personNumber++, h, made));
            }
        }
        var originals = records.ToList();
        foreach (var original in originals)
        {
            if (!faker.Random.Bool(0.12f))
            {
                continue;
            }
            var copies = faker.Random.Bool(0.08f) ? 2 : 1;
            for (var c = 0; c < copies; c++)
            {
                var (copy, made) = Copy(faker, original.Record, area, niks);
                records.Add(new SyntheticRecord(copy, original.PersonNumber, original.Household, made));
            }
        }
        var samePerson = records.GroupBy(r => r.PersonNumber).Where(g => g.Count() > 1)
            .SelectMany(g => g.SelectMany(a => g.Where(b => a.Record.Id.CompareTo(b.Record.Id) < 0).Select(b => LabelledSet.Key(a.Record.Id, b.Record.Id))))
            .ToHashSet();
        return new LabelledSet(faker.Random.Shuffle(records).ToList(), samePerson);
    }

    /// <summary>Neighbouring kalurahan around one, found through the shipped boundaries.</summary>
    private static List<string> Area(Faker faker, int size)
    {
        var villages = RegionCatalog.Instance.AllDiy.Where(r => r.Level == RegionLevel.Desa).Select(r => r.Code).Order(StringComparer.Ordinal).ToList();
        var start = faker.PickRandom(villages);
        var area = new List<string> { start };
        for (var i = 0; i < area.Count && area.Count < size; i++)
        {
            foreach (var next in VillageNeighbours.Instance.Of(area[i]))
            {
                if (!area.Contains(next) && area.Count < size)
                {
                    area.Add(next);
                }
            }
        }
        return area;
    }

    private static IEnumerable<(PersonToMatch, string)> Household(Faker faker, List<string> area, HashSet<string> niks)
    {
        var village = faker.PickRandom(area);
        var papers = faker.Random.Bool(0.86f);
        var kind = faker.Random.Int(1, 100);
        var members = new List<(Sex Sex, int Age, string Name, string Made)>();
        if (kind <= 30)
        {
            var sex = faker.Random.Bool(0.62f) ? Sex.Perempuan : Sex.LakiLaki;
            members.Add((sex, faker.Random.Int(60, 95), OldName(faker, sex), "lansia"));
        }
        else if (kind <= 40)
        {
            var age = faker.Random.Int(62, 90);
            members.Add((Sex.LakiLaki, age, OldName(faker, Sex.LakiLaki), "lansia berdua"));
            members.Add((Sex.Perempuan, Math.Max(60, age - faker.Random.Int(0, 8)), OldName(faker, Sex.Perempuan), "lansia berdua"));
        }
        else if (kind <= 85)
        {
            var headSex = faker.Random.Bool(0.8f) ? Sex.LakiLaki : Sex.Perempuan;
            var headAge = faker.Random.Int(26, 58);
            var head = AdultName(faker, headSex);
            members.Add((headSex, headAge, head, "keluarga"));
            if (faker.Random.Bool(0.6f))
            {
                var spouse = headSex == Sex.LakiLaki ? Sex.Perempuan : Sex.LakiLaki;
                members.Add((spouse, Math.Clamp(headAge + faker.Random.Int(-6, 3), 20, 60), AdultName(faker, spouse), "keluarga"));
            }
            var family = headSex == Sex.LakiLaki ? head.Split(' ')[^1] : null;
            var children = faker.Random.Int(1, 4);
            var twins = children >= 2 && faker.Random.Bool(0.03f);
            for (var c = 0; c < children; c++)
            {
                var sex = faker.Random.Bool() ? Sex.Perempuan : Sex.LakiLaki;
                var age = twins && c == 1 ? members[^1].Age : faker.Random.Int(0, Math.Min(17, headAge - 19));
                var first = DemoFakes.PersonName(faker, sex).Split(' ')[0];
                var name = family is not null && faker.Random.Bool(0.5f) ? $"{first} {family}" : DemoFakes.PersonName(faker, sex);
                members.Add((sex, age, name, twins && c <= 1 ? "kembar" : "anak"));
            }
        }
        else
        {
            var sex = faker.Random.Bool() ? Sex.Perempuan : Sex.LakiLaki;
            members.Add((sex, faker.Random.Int(18, 59), AdultName(faker, sex), "dewasa"));
        }

        var kecamatan = faker.Random.Bool(0.9f) ? village[..8] : faker.PickRandom(area)[..8];
        DateOnly? twinDate = null;
        foreach (var (sex, age, name, made) in members)
        {
            DateOnly birthDate;
            if (made == "kembar" && twinDate is { } shared)
            {
                birthDate = shared;
            }
            else
            {
                birthDate = Today.AddYears(-age).AddDays(-faker.Random.Int(1, 364));
                if (age >= 60 && faker.Random.Bool(0.3f))
                {
                    birthDate = Estimated(faker, birthDate.Year);
                }
                if (made == "kembar")
                {
                    twinDate = birthDate;
                }
            }
            var nik = papers ? NewNik(faker, niks, kecamatan, birthDate, sex) : null;
            yield return (new PersonToMatch(Guid.CreateVersion7(), PersonName.Key(name), birthDate, sex, village, nik), made);
        }
    }

    private static (PersonToMatch, string) Copy(Faker faker, PersonToMatch original, List<string> area, HashSet<string> niks)
    {
        var made = new List<string>();
        var name = CopyName(faker, original.NameKey, made);
        // A NIK typed from the card (with its serial mistyped) comes with the card's birth date and sex: the entry
        // form checks that they agree with the NIK. Only records without NIK carry remembered or estimated dates.
        string? nik = null;
        if (original.Nik is { } originalNik && faker.Random.Bool(0.04f))
        {
            var serial = int.Parse(originalNik.AsSpan(12), CultureInfo.InvariantCulture);
            for (var attempt = 0; attempt < 20 && nik is null; attempt++)
            {
                var candidate = originalNik[..12] + Math.Clamp(serial + faker.Random.Int(-9, 9), 1, 9999).ToString("0000", CultureInfo.InvariantCulture);
                if (niks.Add(candidate))
                {
                    nik = candidate;
                }
            }
        }
        var fromCard = nik is not null;
        var birthDate = fromCard ? original.BirthDate : CopyDate(faker, original.BirthDate, made);
        if (fromCard)
        {
            made.Add("tanggal lahir sama");
        }
        var village = CopyVillage(faker, original.VillageCode, area, made);
        var sex = original.Sex;
        if (!fromCard && faker.Random.Bool(0.01f))
        {
            sex = sex == Sex.Perempuan ? Sex.LakiLaki : Sex.Perempuan;
            made.Add("jenis kelamin salah");
        }
        if (fromCard)
        {
            made.Add("nomor urut NIK salah");
        }
        else if (original.Nik is null && faker.Random.Bool(0.25f))
        {
            nik = NewNik(faker, niks, village[..8], birthDate, sex);
            made.Add("NIK hanya di satu sisi");
        }
        else
        {
            made.Add(original.Nik is null ? "tanpa NIK keduanya" : "NIK hanya di satu sisi");
        }
        return (new PersonToMatch(Guid.CreateVersion7(), PersonName.Key(name), birthDate, sex, village, nik), string.Join(", ", made));
    }

    private static string CopyName(Faker faker, string key, List<string> made)
    {
        // The key is lower case; people write names capitalised, which the key undoes again.
        var name = string.Join(' ', key.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        var roll = faker.Random.Int(1, 100);
        var changes = roll switch
        {
            <= 35 => 0,
            <= 92 => 1,
            _ => 2,
        };
        if (changes == 0)
        {
            made.Add("nama sama");
        }
        for (var i = 0; i < changes; i++)
        {
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            var kind = i == 1 ? 1 : faker.Random.Int(1, 57);
            switch (kind)
            {
                case <= 20:
                    name = Typo(faker, name);
                    made.Add("salah ketik nama");
                    break;
                case <= 30:
                    var applicable = Spellings.SelectMany(s => new[] { (From: s.Old, To: s.New), (From: s.New, To: s.Old) }).Where(s => FindSpelling(name, s.From) >= 0).ToList();
                    if (applicable.Count > 0)
                    {
                        var (from, to) = faker.PickRandom(applicable);
                        name = ReplaceSpelling(name, from, to);
                        made.Add("ejaan lain");
                    }
                    break;
                case <= 38 when words.Count >= 2:
                    words.Add(words[0]);
                    words.RemoveAt(0);
                    name = string.Join(' ', words);
                    made.Add("urutan nama tertukar");
                    break;
                case <= 45:
                    name = faker.Random.Bool(0.7f) ? faker.PickRandom(TitlesBefore) + name : name + faker.PickRandom(TitlesAfter);
                    made.Add("dengan gelar/sapaan");
                    break;
                case <= 52 when words.Count >= 2:
                    words.RemoveAt(words.Count - 1);
                    name = string.Join(' ', words);
                    made.Add("satu kata nama hilang");
                    break;
                case <= 52:
                    name = $"{name} {DemoFakes.PersonName(faker, Sex.LakiLaki).Split(' ')[^1]}";
                    made.Add("satu kata nama tambahan");
                    break;
                default:
                    if (words.Count >= 2)
                    {
                        words[0] = words[0][0] + ".";
                        name = string.Join(' ', words);
                        made.Add("nama depan disingkat");
                    }
                    break;
            }
        }
        return name;
    }

    private static string Typo(Faker faker, string name)
    {
        var letters = Enumerable.Range(0, name.Length).Where(i => char.IsLetter(name[i])).ToList();
        var at = faker.PickRandom(letters.Skip(1).DefaultIfEmpty(letters[0]));
        var chars = new StringBuilder(name);
        switch (faker.Random.Int(1, 4))
        {
            case 1:
                var row = Keyboard.FirstOrDefault(r => r.Contains(char.ToLowerInvariant(name[at]), StringComparison.Ordinal));
                if (row is null)
                {
                    goto case 2;
                }
                var k = row.IndexOf(char.ToLowerInvariant(name[at]), StringComparison.Ordinal);
                chars[at] = row[k == 0 ? 1 : k == row.Length - 1 ? k - 1 : k + (faker.Random.Bool() ? 1 : -1)];
                break;
            case 2:
                chars.Remove(at, 1);
                break;
            case 3:
                chars.Insert(at, char.ToLowerInvariant(name[at]));
                break;
            default:
                if (at + 1 < name.Length && char.IsLetter(name[at + 1]))
                {
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                }
                else
                {
                    chars.Remove(at, 1);
                }
                break;
        }
        return chars.ToString();
    }

    private static DateOnly CopyDate(Faker faker, DateOnly date, List<string> made)
    {
        var roll = faker.Random.Int(1, 100);
        // Volunteers estimate the birth date or guess the age of grown-ups without papers, not of children.
        if (roll is > 81 and <= 88 or > 98 && Today.Year - date.Year < 40)
        {
            roll = 1;
        }
        DateOnly? copy = roll switch
        {
            <= 62 => date,
            <= 70 => date.AddDays(faker.Random.Bool() ? faker.Random.Int(1, 3) : -faker.Random.Int(1, 3)),
            <= 75 => DateOrNull(date.Year, date.Day, date.Month),
            <= 81 => Transposed(faker, date),
            <= 88 => LooksEstimated(date) ? date.AddDays(faker.Random.Int(-150, 150)) : Estimated(faker, date.Year),
            <= 92 => date.AddYears(faker.Random.Bool() ? 1 : -1),
            <= 98 => OneDigitWrong(faker, date),
            _ => Estimated(faker, date.Year + faker.Random.Int(-5, 5)),
        };
        var result = copy is { } c && c <= Today && c.Year >= 1900 ? c : date;
        made.Add(result == date ? "tanggal lahir sama" : roll switch
        {
            <= 70 => "tanggal lahir selisih hari",
            <= 75 => "tanggal dan bulan tertukar",
            <= 81 => "angka tanggal tertukar",
            <= 88 => "tanggal perkiraan",
            <= 92 => "tahun selisih satu",
            <= 98 => "satu angka tanggal salah",
            _ => "umur ditaksir",
        });
        return result;
    }

    private static string CopyVillage(Faker faker, string village, List<string> area, List<string> made)
    {
        var roll = faker.Random.Int(1, 100);
        var regions = RegionCatalog.Instance;
        string? other = roll switch
        {
            <= 45 => village,
            <= 75 => faker.PickRandom(VillageNeighbours.Instance.Of(village).DefaultIfEmpty(village)),
            <= 90 => PickOrNull(faker, regions.ChildrenOf(village[..8]).Select(r => r.Code).Where(c => c != village && !VillageNeighbours.Instance.AreNeighbours(c, village))),
            <= 97 => PickOrNull(faker, regions.ChildrenOf(village[..5]).SelectMany(d => regions.ChildrenOf(d.Code)).Select(r => r.Code).Where(c => c[..8] != village[..8])),
            _ => PickOrNull(faker, area.Where(c => c[..5] != village[..5]).DefaultIfEmpty(regions.AllDiy.Where(r => r.Level == RegionLevel.Desa && r.Code[..5] != village[..5]).Select(r => r.Code).Order(StringComparer.Ordinal).First())),
        };
        other ??= village;
        made.Add(other == village ? "kalurahan sama" : roll <= 75 ? "kalurahan tetangga" : roll <= 90 ? "kapanewon sama" : roll <= 97 ? "kabupaten sama" : "kabupaten lain");
        return other;
    }

    private static string? PickOrNull(Faker faker, IEnumerable<string> codes)
    {
        var list = codes.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : faker.PickRandom(list);
    }

    private static DateOnly? Transposed(Faker faker, DateOnly date)
    {
        var digits = date.ToString("ddMMyyyy", CultureInfo.InvariantCulture).ToCharArray();
        var order = faker.Random.Shuffle(Enumerable.Range(0, 7)).ToList();
        foreach (var i in order)
        {
            if (digits[i] == digits[i + 1])
            {
                continue;
            }
            (digits[i], digits[i + 1]) = (digits[i + 1], digits[i]);
            if (DateOnly.TryParseExact(new string(digits), "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                return t;
            }
            (digits[i], digits[i + 1]) = (digits[i + 1], digits[i]);
        }
        return null;
    }

    private static DateOnly? OneDigitWrong(Faker faker, DateOnly date)
    {
        var digits = date.ToString("ddMMyyyy", CultureInfo.InvariantCulture).ToCharArray();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var copy = (char[])digits.Clone();
            var i = faker.Random.Int(0, 7);
            copy[i] = (char)('0' + faker.Random.Int(0, 9));
            if (copy[i] != digits[i]
                && DateOnly.TryParseExact(new string(copy), "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                && Math.Abs(t.Year - date.Year) <= 20)
            {
                return t;
            }
        }
        return null;
    }

    private static DateOnly? DateOrNull(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static bool LooksEstimated(DateOnly date) => BeneficiaryMatcher.LooksEstimated(date);

    private static DateOnly Estimated(Faker faker, int year) => faker.Random.Int(1, 3) switch
    {
        1 => new DateOnly(year, 7, 1),
        2 => new DateOnly(year, 12, 31),
        _ => new DateOnly(year, 1, 1),
    };

    /// <summary>
    /// An old person's name: often one Javanese word, a few of them very common (Tukiyem, Slamet), most from the
    /// long tail the syllables of such names make (Su-/Pa-/Nga- + -ki-/-gi- + -yem/-nem/-man/-jo).
    /// </summary>
    private static string OldName(Faker faker, Sex sex) => faker.Random.Int(1, 100) switch
    {
        <= 15 => faker.PickRandom(sex == Sex.Perempuan ? OldWomen : OldMen),
        <= 40 => JavaneseName(faker, sex),
        <= 50 => faker.PickRandom(sex == Sex.Perempuan ? CommonWomen : CommonMen),
        _ => DemoFakes.PersonName(faker, sex),
    };

    private static readonly string[] JavaneseStarts = ["Su", "Sa", "Tu", "Pa", "Nga", "Wa", "Ka", "Ma", "Da", "Mu", "Ha", "Ja", "Ra", "Po", "Ti", "Ru", "Se", "Ke", "Pra", "Sar"];

    private static readonly string[] JavaneseMiddles = ["ki", "gi", "ti", "ri", "di", "ji", "mi", "ni", "si", "wi", "ka", "ga", "ta", "ra", "da", "ja", "ma", "na", "sa", "tar", "kar", "par", "sar", "mar"];

    private static readonly string[] JavaneseWomenEnds = ["yem", "nem", "nah", "yati", "ni", "mi", "rah", "sih", "tun", "yah", "nten", "inah"];

    private static readonly string[] JavaneseMenEnds = ["man", "min", "mo", "no", "yo", "jo", "ran", "to", "yono", "ono", "din", "jan"];

    private static string JavaneseName(Faker faker, Sex sex) =>
        faker.PickRandom(JavaneseStarts) + faker.PickRandom(JavaneseMiddles) + faker.PickRandom(sex == Sex.Perempuan ? JavaneseWomenEnds : JavaneseMenEnds);

    private static string AdultName(Faker faker, Sex sex) => faker.Random.Int(1, 100) switch
    {
        <= 8 => faker.PickRandom(sex == Sex.Perempuan ? CommonWomen : CommonMen),
        <= 18 => $"{DemoFakes.PersonName(faker, sex).Split(' ')[0]} {DemoFakes.PersonName(faker, sex)}",
        _ => DemoFakes.PersonName(faker, sex),
    };

    private static string NewNik(Faker faker, HashSet<string> niks, string kecamatan, DateOnly birthDate, Sex sex)
    {
        var serial = faker.Random.Int(1, 60);
        while (true)
        {
            var nik = Nik.Compose(kecamatan, birthDate, sex, serial);
            if (niks.Add(nik))
            {
                return nik;
            }
            serial++;
        }
    }

    /// <summary>Where a spelling pattern first occurs ("ah$" only at the end of a word), or -1.</summary>
    private static int FindSpelling(string text, string pattern)
    {
        var atEnd = pattern.EndsWith('$');
        var letters = atEnd ? pattern[..^1] : pattern;
        for (var at = text.IndexOf(letters, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(letters, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + letters.Length;
            if (!atEnd || end == text.Length || !char.IsLetter(text[end]))
            {
                return at;
            }
        }
        return -1;
    }

    private static string ReplaceSpelling(string text, string from, string to)
    {
        var at = FindSpelling(text, from);
        var old = from.TrimEnd('$');
        var @new = to.TrimEnd('$');
        var replacement = char.IsUpper(text[at]) ? char.ToUpperInvariant(@new[0]) + @new[1..] : @new;
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }
}
