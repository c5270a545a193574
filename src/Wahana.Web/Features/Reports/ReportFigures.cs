using System.Text.Json;
using System.Text.Json.Serialization;
using Wahana.Web.Domain;
using Wahana.Web.Features.Beneficiaries;

namespace Wahana.Web.Features.Reports;

/// <summary>
/// <see cref="ServedFigures"/> as JSON: what a report stores in <see cref="SemesterReport.SubmittedFigures"/> at each
/// submission, and what the API answers. Keys are the stable codes of DOMAIN.md (slugs: "lansia-terlantar",
/// "laki-laki", "dana-desa", "dikirim"; age groups "0-5", "6-17", "18-59", "60+"), so a stored report reads the same
/// after a rename in the code.
/// </summary>
public static class ReportFigures
{
    /// <summary>A number of services and their rupiah.</summary>
    public sealed record Amount(int Services, long Rupiah);

    /// <summary>The document: one semester's figures of one WKSBM.</summary>
    public sealed record Document(
        int PeopleServed,
        IReadOnlyDictionary<string, int> PeopleByCategory,
        IReadOnlyDictionary<string, int> PeopleBySex,
        IReadOnlyDictionary<string, int> PeopleByAgeGroup,
        Amount Total,
        IReadOnlyDictionary<string, Amount> ByKind,
        IReadOnlyDictionary<string, Amount> ByForm,
        IReadOnlyDictionary<string, Amount> ByFunding,
        int Activities,
        int ActiveVolunteers,
        IReadOnlyDictionary<string, int> ReferralsByStatus,
        int NotServed);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static Document ToDocument(ServedFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new Document(
            figures.PeopleServed,
            PpksCategory.All.Where(c => figures.PeopleByCategory.GetValueOrDefault(c.Slug) > 0)
                .ToDictionary(c => c.Slug, c => figures.PeopleByCategory[c.Slug], StringComparer.Ordinal),
            Slugs(figures.PeopleBySex),
            BeneficiaryQuery.AgeGroups.Where(g => figures.PeopleByAgeGroup.GetValueOrDefault(g.Group) > 0)
                .ToDictionary(g => g.Code, g => figures.PeopleByAgeGroup[g.Group], StringComparer.Ordinal),
            new Amount(figures.Total.Services, figures.Total.Rupiah),
            Amounts(figures.ByKind),
            Amounts(figures.ByForm),
            Amounts(figures.ByFunding),
            figures.Activities,
            figures.ActiveVolunteers,
            Slugs(figures.ReferralsByStatus),
            figures.NotServed);
    }

    /// <summary>The figures of a document; parts missing from it (an older or hand-written document) read as zero.</summary>
    public static ServedFigures FromDocument(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var total = document.Total ?? new Amount(0, 0);
        return new ServedFigures
        {
            PeopleServed = document.PeopleServed,
            PeopleByCategory = new Dictionary<string, int>(document.PeopleByCategory ?? new Dictionary<string, int>(), StringComparer.Ordinal),
            PeopleBySex = Counts<Sex>(document.PeopleBySex),
            PeopleByAgeGroup = (document.PeopleByAgeGroup ?? new Dictionary<string, int>())
                .Select(p => (Group: BeneficiaryQuery.AgeGroups.FirstOrDefault(g => g.Code == p.Key), p.Value))
                .Where(p => p.Group.Code is not null)
                .ToDictionary(p => p.Group.Group, p => p.Value),
            Total = new ServiceTotal(total.Services, total.Rupiah),
            ByKind = Totals<ServiceKind>(document.ByKind),
            ByForm = Totals<ServiceForm>(document.ByForm),
            ByFunding = Totals<FundingSource>(document.ByFunding),
            Activities = document.Activities,
            ActiveVolunteers = document.ActiveVolunteers,
            ReferralsByStatus = Counts<ReferralStatus>(document.ReferralsByStatus),
            NotServed = document.NotServed,
        };
    }

    /// <summary>The JSON stored in a submitted report.</summary>
    public static string Serialize(ServedFigures figures) => JsonSerializer.Serialize(ToDocument(figures), Options);

    /// <summary>Reads what <see cref="Serialize"/> wrote.</summary>
    public static ServedFigures Deserialize(string json)
    {
        var document = JsonSerializer.Deserialize<Document>(json, Options)
            ?? throw new JsonException("The stored report figures are empty.");
        return FromDocument(document);
    }

    private static Dictionary<string, int> Slugs<TEnum>(IReadOnlyDictionary<TEnum, int> values) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(e => values.GetValueOrDefault(e) > 0).ToDictionary(e => Slug.Of(e), e => values[e], StringComparer.Ordinal);

    private static Dictionary<string, Amount> Amounts<TEnum>(IReadOnlyDictionary<TEnum, ServiceTotal> values) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(e => values.GetValueOrDefault(e).Services > 0)
            .ToDictionary(e => Slug.Of(e), e => new Amount(values[e].Services, values[e].Rupiah), StringComparer.Ordinal);

    private static Dictionary<TEnum, int> Counts<TEnum>(IReadOnlyDictionary<string, int>? values) where TEnum : struct, Enum
    {
        var result = new Dictionary<TEnum, int>();
        foreach (var (key, value) in values ?? new Dictionary<string, int>())
        {
            if (Slug.TryParse<TEnum>(key, out var parsed))
            {
                result[parsed] = value;
            }
        }
        return result;
    }

    private static Dictionary<TEnum, ServiceTotal> Totals<TEnum>(IReadOnlyDictionary<string, Amount>? values) where TEnum : struct, Enum
    {
        var result = new Dictionary<TEnum, ServiceTotal>();
        foreach (var (key, value) in values ?? new Dictionary<string, Amount>())
        {
            if (Slug.TryParse<TEnum>(key, out var parsed))
            {
                result[parsed] = new ServiceTotal(value.Services, value.Rupiah);
            }
        }
        return result;
    }
}
