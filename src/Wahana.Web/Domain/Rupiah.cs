using System.Globalization;

namespace Wahana.Web.Domain;

/// <summary>Money is whole rupiah in a <c>long</c>; shown as "Rp 1.500.000".</summary>
public static class Rupiah
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Format(long amount) =>
        amount < 0
            ? "-Rp " + (-amount).ToString("N0", Indonesian)
            : "Rp " + amount.ToString("N0", Indonesian);
}
