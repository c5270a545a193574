namespace Wahana.Web.Domain;

/// <summary>Semester 1 is January-June, semester 2 is July-December; written as 2026-1.</summary>
public readonly record struct Semester(int Year, int Half)
{
    public static Semester Of(DateOnly date) => new(date.Year, date.Month <= 6 ? 1 : 2);

    public DateOnly Start => new(Year, Half == 1 ? 1 : 7, 1);

    public DateOnly End => Half == 1 ? new DateOnly(Year, 6, 30) : new DateOnly(Year, 12, 31);

    public Semester Previous => Half == 1 ? new(Year - 1, 2) : new(Year, 1);

    public Semester Next => Half == 1 ? new(Year, 2) : new(Year + 1, 1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>How people say it, on every page: "Semester 1 2026 (Januari–Juni)".</summary>
    public string Name => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"Semester {Half} {Year} ({(Half == 1 ? "Januari–Juni" : "Juli–Desember")})");

    public override string ToString() => $"{Year}-{Half}";

    /// <summary>Reads a semester written as "2026-1" or "2026-2" (spaces around allowed); null when it is not one.</summary>
    public static Semester? Parse(string? text)
    {
        var value = text?.Trim();
        if (value is not { Length: 6 } || value[4] != '-' || value[5] is not ('1' or '2')
            || !int.TryParse(value.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            || year < 2000 || year > 2100)
        {
            return null;
        }
        return new Semester(year, value[5] - '0');
    }
}
