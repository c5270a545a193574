using Wahana.Web.Domain;

namespace Wahana.Web.Features.Evaluation;

/// <summary>A peer in the same kabupaten/kota that does best on an indicator ("belajar dari").</summary>
/// <param name="Linked">Whether the user sees the peer's profile (a pengurus sees its peers' figures, not their profiles).</param>
public sealed record Peer(Guid InstitutionId, string Name, decimal? Value, bool Linked);

/// <summary>One indicator of a WKSBM's card: its value, the medians, whether it is weak, and whom to learn from.</summary>
public sealed record CardIndicator(
    string Code, string Name, string Rule, decimal? Value, decimal KabupatenMedian, decimal ProvinceMedian, bool Weak, IReadOnlyList<Peer> LearnFrom);

/// <summary>A WKSBM's evaluation card: its indicators against the medians of its kabupaten/kota and of the province.</summary>
public sealed record EvaluationCard(EvaluationRow Row, EvaluationMedians Kabupaten, EvaluationMedians Province, IReadOnlyList<CardIndicator> Indicators)
{
    public const int PeersShown = 3;

    /// <summary>The card of <paramref name="institutionId"/>, or null when the user does not see that WKSBM.</summary>
    public static EvaluationCard? Of(EvaluationQuery.Compiled compiled, Guid institutionId)
    {
        var figures = compiled.All.FirstOrDefault(f => f.InstitutionId == institutionId);
        if (figures is null || !compiled.InScope.Contains(institutionId))
        {
            return null;
        }
        var peers = compiled.All.Where(f => f.RegencyCode == figures.RegencyCode).ToList();
        var kabupaten = EvaluationQuery.MediansOf(peers);
        var province = EvaluationQuery.MediansOf(compiled.All);
        bool Hidden(Guid id) => !compiled.PeopleSeen.Contains(id);
        var row = EvaluationQuery.RowOf(figures, kabupaten, Hidden(institutionId));
        var others = peers.Where(f => f.InstitutionId != institutionId).ToList();
        var indicators = Evaluation.Indicators.All.Select(code =>
        {
            var weak = row.Weak.Contains(code);
            var best = weak ? BestOn(code, figures, others) : [];
            return new CardIndicator(code, Evaluation.Indicators.NameOf(code), Evaluation.Indicators.RuleOf(code), row.ValueOf(code),
                kabupaten.ValueOf(code) ?? 0, province.ValueOf(code) ?? 0, weak,
                [.. best.Take(PeersShown).Select(p => new Peer(p.InstitutionId, p.Name,
                    EvaluationQuery.RowOf(p, kabupaten, Hidden(p.InstitutionId)).ValueOf(code), compiled.InScope.Contains(p.InstitutionId)))]);
        }).ToList();
        return new EvaluationCard(row, kabupaten, province, indicators);
    }

    /// <summary>
    /// The peers that do best on an indicator, better than this WKSBM: inside the 30-80 band with the most people (people
    /// served), reports in on time earliest first (report), the highest value otherwise (level: the assessment score).
    /// </summary>
    public static IEnumerable<EvaluationQuery.Figures> BestOn(string code, EvaluationQuery.Figures self, IEnumerable<EvaluationQuery.Figures> others) => code switch
    {
        Evaluation.Indicators.PeopleServed => others.Where(f => f.InBand).OrderByDescending(f => f.PeopleServed).ThenBy(f => f.Name, StringComparer.Ordinal),
        Evaluation.Indicators.Report => others.Where(f => f.Report == ReportTimeliness.TepatWaktu).OrderBy(f => f.SubmittedAt).ThenBy(f => f.Name, StringComparer.Ordinal),
        _ => others.Where(f => Value(code, f) > Value(code, self)).OrderByDescending(f => Value(code, f)).ThenBy(f => f.Name, StringComparer.Ordinal),
    };

    private static decimal Value(string code, EvaluationQuery.Figures f) => code switch
    {
        Evaluation.Indicators.Categories => f.CategoriesCovered,
        Evaluation.Indicators.RupiahPerPerson => f.RupiahPerPerson,
        Evaluation.Indicators.FundingSources => f.FundingSources,
        Evaluation.Indicators.Volunteers => f.ActiveVolunteers,
        Evaluation.Indicators.Level => f.Score ?? 0,
        _ => f.PeopleServed,
    };
}
