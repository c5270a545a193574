namespace Wahana.Web.Domain;

/// <summary>The family card number (No. KK): 16 digits, the kecamatan where it was issued first.</summary>
public static class Kk
{
    public static IReadOnlyList<RuleViolation> Check(string? kk, RegionCatalog regions, string field = "Kk")
    {
        var errors = new List<RuleViolation>();
        void Fail(string message) => errors.Add(new RuleViolation(field, message));
        if (IdentityNumber.CheckDigits(kk, "Nomor KK", Fail))
        {
            IdentityNumber.CheckRegion(kk!, "Nomor KK", regions, Fail);
            if (kk!.EndsWith("0000", StringComparison.Ordinal))
            {
                Fail("Nomor urut KK (4 digit terakhir) tidak boleh 0000.");
            }
        }
        return errors;
    }

    public static bool IsValid(string? kk, RegionCatalog regions) => Check(kk, regions).Count == 0;
}
