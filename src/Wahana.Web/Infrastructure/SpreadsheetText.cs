namespace Wahana.Web.Infrastructure;

/// <summary>Text written into a spreadsheet cell.</summary>
public static class SpreadsheetText
{
    /// <summary>
    /// Neutralises formula text: a value starting with = + - @ (or a tab or carriage return) gets a leading
    /// apostrophe, so Excel shows "=HYPERLINK(...)" as text and never runs it (OWASP CSV injection).
    /// </summary>
    public static string Safe(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value ?? "";
}
