using Wahana.Web.Domain;

namespace Wahana.Web.Data;

/// <summary>A DIY region as a table row, so reports can join on region names in SQL.</summary>
public sealed class RegionRecord
{
    public required string Code { get; init; }

    public RegionLevel Level { get; init; }

    public required string Name { get; init; }

    public string? ParentCode { get; init; }
}
