using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wahana.Web.Data;

namespace Wahana.Web.Infrastructure.Health;

/// <summary>Healthy when the database answers; /healthz then gives 200, otherwise 503.</summary>
public sealed class DatabaseHealthCheck(WahanaDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Basis data tidak dapat dihubungi.");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("Basis data tidak dapat dihubungi.", ex);
        }
    }
}
