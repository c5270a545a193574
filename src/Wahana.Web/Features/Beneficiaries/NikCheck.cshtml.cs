using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Beneficiaries;

/// <summary>
/// htmx, while the entry form's NIK (or KK) is typed: every rule the number breaks, or what a valid NIK says
/// (sex, birth date, kecamatan of first registration). It looks at the number alone and never at the registry,
/// so it cannot tell anyone whether a NIK belongs to a registered person (DOMAIN.md); duplicates are found on save.
/// </summary>
[Authorize(Policy = WahanaPolicies.PersonalData)]
public sealed class NikCheckModel(TimeProvider clock) : PageModel
{
    public enum NumberKind
    {
        Nik,
        Kk,
    }

    public NumberKind Kind { get; private set; }

    public string? Number { get; private set; }

    public IReadOnlyList<RuleViolation> Errors { get; private set; } = [];

    /// <summary>What a valid NIK tells, or null.</summary>
    public NikFacts? Facts { get; private set; }

    /// <summary>Where a valid KK was first issued, or null.</summary>
    public string? KkRegion { get; private set; }

    public IActionResult OnGet([FromQuery(Name = "Input.Nik")] string? nik, [FromQuery(Name = "Input.BirthDate")] string? birthDate)
    {
        Kind = NumberKind.Nik;
        Number = nik?.Trim();
        if (!string.IsNullOrEmpty(Number))
        {
            var today = Wib.Today(clock);
            Errors = Nik.Check(Number, null, null, today, RegionCatalog.Instance);
            if (Errors.Count == 0)
            {
                DateOnly? declared = DateOnly.TryParseExact(birthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
                Facts = NikFacts.Of(Number, declared, today);
            }
        }
        return Page();
    }

    public IActionResult OnGetKk([FromQuery(Name = "Input.Kk")] string? kk)
    {
        Kind = NumberKind.Kk;
        Number = kk?.Trim();
        if (!string.IsNullOrEmpty(Number))
        {
            Errors = Kk.Check(Number, RegionCatalog.Instance);
            if (Errors.Count == 0)
            {
                KkRegion = NikFacts.RegionName(Number);
            }
        }
        return Page();
    }
}

/// <summary>What a valid NIK says about its holder.</summary>
public sealed record NikFacts(Sex Sex, DateOnly BirthDate, string Region)
{
    /// <summary>
    /// Reads a NIK that passed <see cref="Nik.Check"/>. The century of the two-digit year is that of the birth date
    /// already entered when it agrees, otherwise the latest that is not in the future (the user may correct it).
    /// </summary>
    public static NikFacts Of(string nik, DateOnly? declared, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(nik);
        var day = int.Parse(nik.AsSpan(6, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(nik.AsSpan(8, 2), CultureInfo.InvariantCulture);
        var twoDigitYear = int.Parse(nik.AsSpan(10, 2), CultureInfo.InvariantCulture);
        var sex = day > 40 ? Sex.Perempuan : Sex.LakiLaki;
        var realDay = day > 40 ? day - 40 : day;
        // As Nik.Check read it: the latest such year that is not after this one (the check found that date valid and past).
        var year = today.Year / 100 * 100 + twoDigitYear;
        if (year > today.Year)
        {
            year -= 100;
        }
        if (declared is { } d && d.Year % 100 == twoDigitYear && realDay <= DateTime.DaysInMonth(d.Year, month)
            && new DateOnly(d.Year, month, realDay) <= today)
        {
            year = d.Year;
        }
        return new(sex, new DateOnly(year, month, realDay), RegionName(nik));
    }

    /// <summary>"Kapanewon Sewon, Kabupaten Bantul" for the first six digits of a NIK or KK.</summary>
    public static string RegionName(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var code = $"{number[..2]}.{number[2..4]}.{number[4..6]}";
        var catalog = RegionCatalog.Instance;
        if (catalog.Find(code) is { } diy)
        {
            return catalog.Describe(code);
        }
        return catalog.FindKecamatan(code) is { } elsewhere ? $"Kecamatan {elsewhere.Name} ({code}), di luar DIY" : code;
    }
}
