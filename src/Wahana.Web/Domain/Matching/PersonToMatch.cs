namespace Wahana.Web.Domain.Matching;

/// <summary>What the matcher compares of a beneficiary record.</summary>
public sealed record PersonToMatch(
    Guid Id, string NameKey, DateOnly BirthDate, Sex Sex, string VillageCode, string? Nik)
{
    public static PersonToMatch Of(Beneficiary b) =>
        new(b.Id, b.NameKey.Length > 0 ? b.NameKey : PersonName.Key(b.Name), b.BirthDate, b.Sex, b.VillageCode, b.Nik);
}

/// <summary>How alike two records are (0-1) and, for people to read, why.</summary>
public sealed record MatchScore(double Score, string Reasons);
