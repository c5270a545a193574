using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Referrals;

/// <summary>
/// The referred person as a referral shows them: name, age, sex, kalurahan and the masked NIK. The receiving side (another
/// WKSBM, another district office) does not see the person in the registry; for a referral the user already sees, these
/// few fields are read explicitly, for that referral's person only.
/// </summary>
public sealed record ReferralPerson(Guid Id, string Name, int Age, Sex Sex, string VillageCode, string? NikMasked, bool InScope)
{
    /// <summary>Call only with a referral loaded through the query filter (in the user's scope).</summary>
    public static async Task<ReferralPerson?> OfAsync(WahanaDbContext db, Referral referral, DateOnly today, CancellationToken cancellationToken)
    {
        var inScope = await db.Beneficiaries.AsNoTracking().AnyAsync(b => b.Id == referral.BeneficiaryId, cancellationToken);
        var person = await db.Beneficiaries.IgnoreQueryFilters().AsNoTracking().Where(b => b.Id == referral.BeneficiaryId)
            .Select(b => new { b.Id, b.Name, b.BirthDate, b.Sex, b.VillageCode, b.Nik })
            .SingleOrDefaultAsync(cancellationToken);
        return person is null ? null : new ReferralPerson(
            person.Id, person.Name, AgeOn(person.BirthDate, today), person.Sex, person.VillageCode,
            person.Nik is null ? null : Nik.Mask(person.Nik), inScope);
    }

    private static int AgeOn(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year;
        return birthDate.AddYears(age) > date ? age - 1 : age;
    }
}
