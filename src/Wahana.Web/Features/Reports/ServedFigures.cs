using Wahana.Web.Domain;
using Wahana.Web.Features.Beneficiaries;

namespace Wahana.Web.Features.Reports;

/// <summary>A number of services and their value in rupiah.</summary>
public readonly record struct ServiceTotal(int Services, long Rupiah)
{
    public ServiceTotal Add(int services, long rupiah) => new(Services + services, Rupiah + rupiah);
}

/// <summary>
/// What a set of WKSBM did in one semester, compiled from the service records: the one set of figures behind the
/// semester report, the dashboards and the joint evaluation, so that they always agree (see
/// <see cref="ServedFiguresQuery"/>). People are counted once however many services they had; a person's age
/// group is their age on the last day of the semester.
/// </summary>
public sealed class ServedFigures
{
    /// <summary>Distinct people who received at least one service.</summary>
    public int PeopleServed { get; init; }

    /// <summary>Distinct people served, by PPKS category slug (a person in two categories counts in both).</summary>
    public required IReadOnlyDictionary<string, int> PeopleByCategory { get; init; }

    public required IReadOnlyDictionary<Sex, int> PeopleBySex { get; init; }

    public required IReadOnlyDictionary<AgeGroup, int> PeopleByAgeGroup { get; init; }

    /// <summary>All services and their rupiah.</summary>
    public ServiceTotal Total { get; init; }

    public required IReadOnlyDictionary<ServiceKind, ServiceTotal> ByKind { get; init; }

    public required IReadOnlyDictionary<ServiceForm, ServiceTotal> ByForm { get; init; }

    public required IReadOnlyDictionary<FundingSource, ServiceTotal> ByFunding { get; init; }

    /// <summary>Group distributions (kegiatan penyaluran) held.</summary>
    public int Activities { get; init; }

    /// <summary>Distinct volunteers who took part in at least one service.</summary>
    public int ActiveVolunteers { get; init; }

    /// <summary>Referrals sent in the semester, by their status now.</summary>
    public required IReadOnlyDictionary<ReferralStatus, int> ReferralsByStatus { get; init; }

    /// <summary>Active beneficiaries of these WKSBM (their home) who received no service in the semester, from anyone.</summary>
    public int NotServed { get; init; }

    /// <summary>Rupiah per person served (0 when nobody was served).</summary>
    public long RupiahPerPerson => PeopleServed == 0 ? 0 : Total.Rupiah / PeopleServed;

    /// <summary>Funding sources that paid for at least one service.</summary>
    public int FundingSources => ByFunding.Count(f => f.Value.Services > 0);

    /// <summary>PPKS categories with at least one person served.</summary>
    public int CategoriesCovered => PeopleByCategory.Count(c => c.Value > 0);

    public static ServedFigures Empty { get; } = new()
    {
        PeopleByCategory = new Dictionary<string, int>(),
        PeopleBySex = new Dictionary<Sex, int>(),
        PeopleByAgeGroup = new Dictionary<AgeGroup, int>(),
        ByKind = new Dictionary<ServiceKind, ServiceTotal>(),
        ByForm = new Dictionary<ServiceForm, ServiceTotal>(),
        ByFunding = new Dictionary<FundingSource, ServiceTotal>(),
        ReferralsByStatus = new Dictionary<ReferralStatus, int>(),
    };

    /// <summary>The age group of someone born on <paramref name="birthDate"/>, on <paramref name="day"/>.</summary>
    public static AgeGroup AgeGroupOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year - (birthDate > day.AddYears(-(day.Year - birthDate.Year)) ? 1 : 0);
        return BeneficiaryQuery.AgeGroups.LastOrDefault(g => age >= g.From).Group;
    }
}
