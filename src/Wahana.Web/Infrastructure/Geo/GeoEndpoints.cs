using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Wahana.Web.Infrastructure.Geo;

/// <summary>
/// GET /peta/kalurahan.geojson (every DIY kalurahan) and /peta/kalurahan/{code}.geojson (one), for signed-in
/// users. Boundaries are public data, so no access scope applies. (No Cache-Control of our own: the cookie
/// handler marks every signed-in response no-store when it renews the cookie, which it does on each request.)
/// </summary>
public static class GeoEndpoints
{
    public static IEndpointRouteBuilder MapVillageBoundaries(this IEndpointRouteBuilder app)
    {
        var maps = app.MapGroup("/peta").RequireAuthorization();
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
