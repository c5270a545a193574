using System.Text.Json;
using System.Text.Json.Serialization;
using Scalar.AspNetCore;
using Wahana.Web.Features.Account;
using Wahana.Web.Features.Assessments;
using Wahana.Web.Features.Beneficiaries;
using Wahana.Web.Features.Dashboard;
using Wahana.Web.Features.Distributions;
using Wahana.Web.Features.Duplicates;
using Wahana.Web.Features.Evaluation;
using Wahana.Web.Features.Institutions;
using Wahana.Web.Features.Referrals;
using Wahana.Web.Features.Regions;
using Wahana.Web.Features.Reports;
using Wahana.Web.Features.Services;
using Wahana.Web.Features.Volunteers;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Api;

/// <summary>The JSON API under /api/v1, its OpenAPI document and the Scalar reference.</summary>
public static class ApiServices
{
    public static IServiceCollection AddWahanaApi(this IServiceCollection services)
    {
        // Enums travel as the slugs of DOMAIN.md: "rehabilitasi-sosial", "laki-laki", "tidak-aktif".
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
        // A body that cannot be read (malformed JSON, "31-02-1990" as a date) is the client's error, answered 400 with a
        // ProblemDetails by the status-code pages, also in Development (where minimal APIs would otherwise throw: 500).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Wahana API";
            document.Info.Description = "API Wahana, sistem informasi WKSBM Dinas Sosial DIY. Masuk dengan POST /api/v1/auth/token, lalu kirim Authorization: Bearer <token>.";
            return Task.CompletedTask;
        }));
        return services;
    }

    public static WebApplication MapWahanaApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs", scalar => scalar
            .WithTitle("Wahana API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();

        var v1 = app.MapGroup("/api/v1");
        v1.MapAccountApi();
        var secured = v1.MapGroup("").RequireAuthorization(WahanaPolicies.Api);
        secured.MapRegionsApi();
        secured.MapInstitutionsApi();
        secured.MapInstitutionsWriteApi();
        secured.MapVolunteersApi();
        secured.MapAssessmentsApi();
        secured.MapBeneficiariesApi();
        secured.MapBeneficiariesWriteApi();
        secured.MapDuplicatesApi();
        secured.MapDistributionsApi();
        secured.MapReportsApi();
        secured.MapServicesApi();
        secured.MapReferralsApi();
        secured.MapDashboardApi();
        secured.MapEvaluationApi();
        return app;
    }
}
