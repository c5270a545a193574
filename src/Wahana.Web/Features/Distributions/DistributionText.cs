using System.Globalization;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Distributions;

/// <summary>The screen names of service kinds, forms and funding sources (<see cref="ServiceNames"/>), and the period codes ("2026-1").</summary>
public static class DistributionText
{
    public static string KindName(ServiceKind kind) => ServiceNames.Kind(kind);

    public static string FormName(ServiceForm form) => ServiceNames.Form(form);

    public static string FundingName(FundingSource source) => ServiceNames.Funding(source);

    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
}
