using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Wahana.Web.Infrastructure.Geo;

/// <summary>
/// GET /peta/kalurahan.geojson (every DIY kalurahan) and /peta/kalurahan/{code}.geojson (one), for signed-in
/// users. Boundaries are public data, so no access scope applies; the browser may keep them for a day.
/// </summary>
public static class GeoEndpoints
{
    public static IEndpointRouteBuilder MapVillageBoundaries(this IEndpointRouteBuilder app)
    {
        var maps = app.MapGroup("/peta").RequireAuthorization()
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.CacheControl = "private, max-age=86400";
                return await next(context);
            });
        maps.MapGet("/kalurahan.geojson", All);
        maps.MapGet("/kalurahan/{code}.geojson", One);
        return app;
    }

    private static FileContentHttpResult All(HttpContext context)
    {
        var boundaries = VillageBoundaries.Instance;
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        var acceptsGzip = context.Request.GetTypedHeaders().AcceptEncoding
            .Any(e => e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && e.Quality is not 0);
        if (!acceptsGzip)
        {
            return TypedResults.Bytes(boundaries.All, VillageBoundaries.ContentType);
        }
        context.Response.Headers.ContentEncoding = "gzip";
        return TypedResults.Bytes(boundaries.AllGzip, VillageBoundaries.ContentType);
    }

    private static Results<FileContentHttpResult, NotFound> One(string code) =>
        VillageBoundaries.Instance.Feature(code) is { } feature
            ? TypedResults.Bytes(feature, VillageBoundaries.ContentType)
            : TypedResults.NotFound();
}
