using System.Globalization;
using System.Text;

namespace Wahana.Web.Domain;

/// <summary>Names as search and duplicate detection compare them.</summary>
public static class PersonName
{
    public const int MaxLength = 200;

    /// <summary>
    /// The name's search key: lower case, accents removed, anything but letters and digits turned into single
    /// spaces ("Sri  Rahayu, S.Pd." → "sri rahayu s pd"). Stored beside the name and indexed.
    /// </summary>
    public static string Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && key.Length > 0)
                {
                    key.Append(' ');
                }
                pendingSpace = false;
                key.Append(char.ToLowerInvariant(c));
            }
            else if (c != '\'')
            {
                pendingSpace = true;
            }
        }
        return key.ToString();
    }
}
