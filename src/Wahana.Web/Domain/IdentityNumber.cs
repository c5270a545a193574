namespace Wahana.Web.Domain;

/// <summary>What NIK and KK numbers share: 16 digits, a kecamatan code first, masked on screen.</summary>
internal static class IdentityNumber
{
    public static bool CheckDigits(string? number, string label, Action<string> fail)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            fail($"{label} wajib diisi.");
            return false;
        }
        if (!number.All(char.IsAsciiDigit))
        {
            fail($"{label} hanya boleh berisi angka 0-9, tanpa spasi, titik atau huruf.");
            return false;
        }
        if (number.Length != Nik.Length)
        {
            fail($"{label} harus 16 digit; yang diisi {number.Length} digit.");
            return false;
        }
        return true;
    }

    public static void CheckRegion(string number, string label, RegionCatalog regions, Action<string> fail)
    {
        var code = $"{number[..2]}.{number[2..4]}.{number[4..6]}";
        if (!regions.IsKnownKecamatan(code))
        {
            fail($"Kode wilayah {label} (6 digit pertama: {number[..6]}) bukan kode kecamatan yang dikenal.");
        }
    }

    public static string Mask(string? number) =>
        number is { Length: Nik.Length } ? $"{number[..4]}********{number[^4..]}" : number ?? "";
}
