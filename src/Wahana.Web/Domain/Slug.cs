using System.Collections.Concurrent;
using System.Text;

namespace Wahana.Web.Domain;

/// <summary>
/// The stable lower-case codes of DOMAIN.md (e.g. <c>rehabilitasi-sosial</c>, <c>apbd-kabupaten</c>),
/// derived from enum member names by splitting PascalCase words with hyphens.
/// </summary>
public static class Slug
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Cache.GetOrAdd(value, v => ToKebab(v.ToString()));

    public static bool TryParse<TEnum>(string? slug, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), slug, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static TEnum Parse<TEnum>(string slug) where TEnum : struct, Enum =>
        TryParse<TEnum>(slug, out var value)
            ? value
            : throw new FormatException($"'{slug}' is not a code of {typeof(TEnum).Name}.");

    private static string ToKebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('-');
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
