using Microsoft.AspNetCore.Http.HttpResults;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Regions;

/// <summary>GET /api/v1/regions?parent=CODE: the children of a region; without parent, the five kabupaten/kota.</summary>
public static class RegionsApi
{
    public sealed record RegionDto(string Code, string Name, string Level, string LevelName, string? ParentCode);

    public static void MapRegionsApi(this RouteGroupBuilder api) =>
        api.MapGet("/regions", List).WithTags("Wilayah").WithSummary("Wilayah DIY di bawah satu kode wilayah.");

    private static Results<Ok<List<RegionDto>>, NotFound> List(string? parent)
    {
        var catalog = RegionCatalog.Instance;
        var parentCode = string.IsNullOrWhiteSpace(parent) ? RegionCatalog.ProvinceCode : parent.Trim();
        if (catalog.Find(parentCode) is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(catalog.ChildrenOf(parentCode)
            .Select(r => new RegionDto(r.Code, r.Name, Slug.Of(r.Level), r.LevelName, r.ParentCode))
            .ToList());
    }
}
