using System.Net;
using System.Text.Json;
using Wahana.Tests.Support;

namespace Wahana.Tests.Features.Api;

/// <summary>The API describes itself (OpenAPI, Scalar) and answers errors as RFC 7807 ProblemDetails.</summary>
public abstract class OpenApiTests(WahanaFactory factory)
{
    [ProviderFact]
    public async Task The_OpenAPI_document_lists_the_v1_endpoints()
    {
        using var client = factory.CreateClient();
        var document = await client.GetJsonAsync("/openapi/v1.json");
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/institutions", paths);
        Assert.Contains("/api/v1/institutions/{id}", paths);
        Assert.Contains("/api/v1/regions", paths);
        Assert.Contains("/api/v1/auth/token", paths);
        Assert.Contains("/api/v1/me", paths);
    }

    [ProviderFact]
    public async Task The_Scalar_reference_is_served_at_api_docs()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = true });
        using var response = await client.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("scalar", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [ProviderFact]
    public async Task An_unauthenticated_API_call_is_a_401_problem_not_a_redirect_to_the_login_page()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/api/v1/institutions");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
    }

    [ProviderFact]
    public async Task Bad_query_parameters_are_a_400_validation_problem_with_field_errors()
    {
        using var client = factory.CreateApiClient(await factory.ObserverTokenAsync());
        using var response = await client.GetAsync("/api/v1/institutions?regency=99.99&page=0&pageSize=1000");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(["page", "pageSize", "regency"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("34.02", errors.GetProperty("regency")[0].GetString(), StringComparison.Ordinal);
    }
}

[Collection(OnSqlite.Name)]
public sealed class OpenApiTestsOnSqlite(SqliteFixture app) : OpenApiTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class OpenApiTestsOnPostgres(PostgresFixture app) : OpenApiTests(app.Factory);
