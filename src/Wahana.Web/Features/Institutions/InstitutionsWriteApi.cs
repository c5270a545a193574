using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Institutions;

/// <summary>POST /api/v1/institutions and PUT /api/v1/institutions/{id}, with the same rules as the pages.</summary>
public static class InstitutionsWriteApi
{
    public static void MapInstitutionsWriteApi(this RouteGroupBuilder api)
    {
        api.MapPost("/institutions", Create).WithTags("WKSBM").WithSummary("Daftarkan WKSBM baru (Dinas Sosial DIY dan kabupaten/kota).");
        api.MapPut("/institutions/{id:guid}", Update).WithTags("WKSBM").WithSummary("Ubah WKSBM; pengurus hanya kontak dan pengurus.");
    }

    private static async Task<Results<Created<InstitutionsApi.InstitutionDetail>, ValidationProblem, ForbidHttpResult>> Create(
        InstitutionInput input, WahanaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var institution = new Institution { Name = "", VillageCode = "", Hamlet = "" };
        var (outcome, errors) = InstitutionEditor.Apply(institution, input, db.CurrentUser.Scope, db.CurrentUser.Role, Wib.Today(clock), isNew: true);
        if (outcome == InstitutionEditor.Outcome.Forbidden)
        {
            return TypedResults.Forbid();
        }
        if (errors.Count > 0)
        {
            return Problem(errors);
        }
        db.Institutions.Add(institution);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/institutions/{institution.Id}", InstitutionsApi.Detail(institution));
    }

    private static async Task<Results<Ok<InstitutionsApi.InstitutionDetail>, NotFound, ValidationProblem, ForbidHttpResult, Conflict<string>>> Update(
        Guid id, InstitutionInput input, WahanaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.Include(i => i.BoardMembers).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (institution is null)
        {
            return TypedResults.NotFound();
        }
        if (input.Version is { } version && version != institution.Version)
        {
            return TypedResults.Conflict("WKSBM ini sudah diubah orang lain; ambil versi terbaru lalu ulangi.");
        }
        var (outcome, errors) = InstitutionEditor.Apply(institution, input, db.CurrentUser.Scope, db.CurrentUser.Role, Wib.Today(clock), isNew: false);
        if (outcome == InstitutionEditor.Outcome.Forbidden)
        {
            return TypedResults.Forbid();
        }
        if (errors.Count > 0)
        {
            return Problem(errors);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Conflict("WKSBM ini sudah diubah orang lain; ambil versi terbaru lalu ulangi.");
        }
        return TypedResults.Ok(InstitutionsApi.Detail(institution));
    }

    public static ValidationProblem Problem(IEnumerable<RuleViolation> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => ApiFieldName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray()),
            title: "Data tidak valid.");

    /// <summary>"VillageCode" → "villageCode", as the JSON field is named.</summary>
    private static string ApiFieldName(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
