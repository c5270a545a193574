using System.Net.Mail;

namespace Wahana.Web.Domain;

/// <summary>Checks of phone numbers and e-mail addresses shared by people, boards, volunteers and WKSBM.</summary>
public static class ContactRules
{
    public const string PhoneMessage = "Nomor telepon diisi angka 8-15 digit, boleh diawali + (contoh: 081234567890).";

    public static bool IsPhoneNumber(string value)
    {
        var digits = value.StartsWith('+') ? value[1..] : value;
        return digits.Length is >= 8 and <= 15 && digits.All(char.IsAsciiDigit);
    }

    public static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
