using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.Institutions;
using Wahana.Web.Infrastructure;

namespace Wahana.Web.Features.Volunteers;

/// <summary>GET and POST /api/v1/institutions/{id}/volunteers, scoped like the pages (volunteers are personal data).</summary>
public static class VolunteersApi
{
    public sealed record VolunteerDto(Guid Id, string Name, Sex Sex, string? Phone, string Skills, DateOnly JoinedOn, bool IsActive, Guid? UserId);

    public static void MapVolunteersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/institutions/{id:guid}/volunteers", List).WithTags("Relawan").WithSummary("Relawan satu WKSBM.");
        api.MapPost("/institutions/{id:guid}/volunteers", Add).WithTags("Relawan").WithSummary("Tambah relawan WKSBM.");
    }

    private static async Task<Results<Ok<List<VolunteerDto>>, NotFound>> List(Guid id, WahanaDbContext db, CancellationToken cancellationToken)
    {
        if (await InstitutionOfAsync(db, id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var volunteers = await db.Volunteers.AsNoTracking().Where(v => v.InstitutionId == id).OrderBy(v => v.Name)
            .Select(v => new VolunteerDto(v.Id, v.Name, v.Sex, v.Phone, v.Skills, v.JoinedOn, v.IsActive, v.UserId))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(volunteers);
    }

    private static async Task<Results<Created<VolunteerDto>, NotFound, ForbidHttpResult, ValidationProblem>> Add(
        Guid id, VolunteerInput input, WahanaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var institution = await InstitutionOfAsync(db, id, cancellationToken);
        if (institution is null)
        {
            return TypedResults.NotFound();
        }
        if (!VolunteerInput.MayManage(db.CurrentUser.Role))
        {
            return TypedResults.Forbid();
        }
        var accounts = await VolunteerAccounts.OfAsync(db, id, cancellationToken);
        var (volunteer, errors) = input.ToVolunteer(institution, Wib.Today(clock), [.. accounts.Select(a => a.Id)]);
        if (errors.Count > 0)
        {
            return InstitutionsWriteApi.Problem(errors);
        }
        db.Volunteers.Add(volunteer);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/institutions/{id}/volunteers",
            new VolunteerDto(volunteer.Id, volunteer.Name, volunteer.Sex, volunteer.Phone, volunteer.Skills, volunteer.JoinedOn, volunteer.IsActive, volunteer.UserId));
    }

    /// <summary>The WKSBM, when the caller may see its people; otherwise null (404).</summary>
    private static async Task<Institution?> InstitutionOfAsync(WahanaDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.CurrentUser.Scope.SeesPeople
            ? await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            : null;
}
