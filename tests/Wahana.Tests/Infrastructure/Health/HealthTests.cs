using System.Net;
using Wahana.Tests.Support;

namespace Wahana.Tests.Infrastructure.Health;

/// <summary>GET /healthz answers 200 without log-in while the database is reachable.</summary>
public abstract class HealthTests(WahanaFactory factory)
{
    [ProviderFact]
    public async Task Healthz_is_200_Healthy_for_anyone()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [ProviderFact]
    public async Task Responses_carry_the_security_headers()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/healthz");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}

[Collection(OnSqlite.Name)]
public sealed class HealthTestsOnSqlite(SqliteFixture app) : HealthTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class HealthTestsOnPostgres(PostgresFixture app) : HealthTests(app.Factory);
