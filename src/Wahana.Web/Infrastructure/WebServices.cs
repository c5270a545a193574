using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Wahana.Web.Infrastructure.Auth;
using Wahana.Web.Infrastructure.Geo;
using Wahana.Web.Infrastructure.Health;

namespace Wahana.Web.Infrastructure;

/// <summary>The web pipeline: Razor Pages in Bahasa Indonesia, ProblemDetails for the API, health check.</summary>
public static class WebServices
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static IServiceCollection AddWahanaWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization();
        services.AddRazorPages(o =>
            {
                // Pages live in their feature folders (Features/<Capability>/), see ARCHITECTURE.md.
                o.RootDirectory = "/Features";
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Errors/Error");
                o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                o.Conventions.AllowAnonymousToPage("/Errors/StatusCode");
                o.Conventions.AuthorizeFolder("/Users", WahanaPolicies.Admin);
                o.Conventions.AddPageRoute("/Users/Edit", "/pengguna/{id:guid}");
                o.Conventions.AddPageRoute("/Institutions/Edit", "/wksbm/{id:guid}/ubah");
                o.Conventions.AuthorizeFolder("/Volunteers", WahanaPolicies.PersonalData);
                o.Conventions.AddPageRoute("/Assessments/Indicator", "/penilaian/indikator/{id:int}");
                o.Conventions.AddPageRoute("/Beneficiaries/Edit", "/penerima/{id:guid}/ubah");
                o.Conventions.AddPageRoute("/Services/Edit", "/layanan/{id:guid}/ubah");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();
        services.AddProblemDetails();
        services.Configure<Storage.StorageOptions>(configuration.GetSection(Storage.StorageOptions.Section));
        services.Configure<Features.Reports.ReportDeadlines>(configuration.GetSection(Features.Reports.ReportDeadlines.Section));
        services.AddOptions<Features.Referrals.ReferralOptions>().Bind(configuration.GetSection(Features.Referrals.ReferralOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Storage.DocumentStore>();
        services.AddSingleton<Features.Services.ServicePhotos>();
        services.Configure<Features.Reports.LetterheadOptions>(configuration.GetSection(Features.Reports.LetterheadOptions.Section));
        services.Configure<Pdf.PdfOptions>(configuration.GetSection(Pdf.PdfOptions.Section));
        services.AddSingleton<Pdf.PrintPageTransport>();
        services.AddSingleton<Pdf.PdfRenderer>();
        services.AddSingleton<Features.BeneficiaryImport.ImportJobs>();
        services.AddSingleton<Features.ServiceImport.ServiceImportJobs>();
        services.AddSingleton<Features.Duplicates.DuplicateScanRunner>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
        return services;
    }

    public static WebApplication UseWahanaWeb(this WebApplication app)
    {
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Indonesian),
            SupportedCultures = [Indonesian],
            SupportedUICultures = [Indonesian],
        });
        var isApi = (HttpContext c) => c.Request.Path.StartsWithSegments("/api");
        app.UseWhen(isApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(c => !isApi(c), pages =>
        {
            if (!app.Environment.IsDevelopment())
            {
                pages.UseExceptionHandler("/galat");
            }
            pages.UseStatusCodePagesWithReExecute("/galat/{0}");
        });
        app.Use(SecurityHeaders);
        // GeoJSON boundaries (wwwroot/data) are not among the default static file types.
        var staticTypes = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        staticTypes.Mappings[".geojson"] = "application/geo+json";
        app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = staticTypes });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapVillageBoundaries();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        return app;
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        return next();
    }
}
