using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Distributions;

/// <summary>One activity with its WKSBM, partner, volunteers and recipients, as the activity page, the receipt list and the API show it.</summary>
public sealed record DistributionDetails(
    Distribution Distribution,
    string InstitutionName,
    string InstitutionHamlet,
    string InstitutionVillageCode,
    string? PartnerName,
    string? ChairName,
    string? TreasurerName,
    IReadOnlyList<(Guid Id, string Name)> Volunteers,
    IReadOnlyList<DistributionDetails.Recipient> Recipients)
{
    public sealed record Recipient(Guid ServiceId, Guid BeneficiaryId, string Name, string? Nik, string Hamlet, string? Rt, string? Rw, string Address, long Value)
    {
        public string MaskedNik => Nik is null ? "" : Domain.Nik.Mask(Nik);

        /// <summary>Padukuhan with RT/RW, as a receipt list writes the address.</summary>
        public string Place
        {
            get
            {
                var parts = new List<string>();
                if (!string.IsNullOrWhiteSpace(Hamlet))
                {
                    parts.Add(Hamlet);
                }
                if (Rt is not null || Rw is not null)
                {
                    parts.Add($"RT {Rt ?? "-"}/RW {Rw ?? "-"}");
                }
                return parts.Count == 0 ? Address : string.Join(", ", parts);
            }
        }
    }

    public int People => Recipients.Count;

    public long Rupiah => Recipients.Sum(r => r.Value);

    /// <summary>The activity in the user's scope (not deleted), or null: the caller answers 404.</summary>
    public static async Task<DistributionDetails?> LoadAsync(WahanaDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var distribution = await db.Distributions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (distribution is null)
        {
            return null;
        }
        var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == distribution.InstitutionId)
            .Select(i => new { i.Name, i.Hamlet, i.VillageCode }).SingleAsync(cancellationToken);
        var board = await db.BoardMembers.AsNoTracking()
            .Where(m => m.InstitutionId == distribution.InstitutionId && (m.Position == BoardPosition.Ketua || m.Position == BoardPosition.Bendahara))
            .Select(m => new { m.Position, m.Name }).ToListAsync(cancellationToken);
        var partner = distribution.PartnerId is { } partnerId
            ? await db.Partners.AsNoTracking().Where(p => p.Id == partnerId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var recipients = await db.Services.AsNoTracking().Where(s => s.DistributionId == id)
            .Join(db.Beneficiaries, s => s.BeneficiaryId, b => b.Id, (s, b) => new { Service = s, Person = b })
            .OrderBy(r => r.Person.NameKey)
            .Select(r => new Recipient(r.Service.Id, r.Person.Id, r.Person.Name, r.Person.Nik, r.Person.Hamlet, r.Person.Rt, r.Person.Rw,
                r.Person.Address, r.Service.ValueRupiah))
            .ToListAsync(cancellationToken);
        var serviceIds = recipients.Select(r => r.ServiceId).ToList();
        var volunteers = await db.ServiceVolunteers.AsNoTracking().Where(v => serviceIds.Contains(v.ServiceId))
            .Select(v => v.VolunteerId).Distinct()
            .Join(db.Volunteers, v => v, volunteer => volunteer.Id, (v, volunteer) => new { volunteer.Id, volunteer.Name })
            .OrderBy(v => v.Name).ToListAsync(cancellationToken);
        return new DistributionDetails(
            distribution, institution.Name, institution.Hamlet, institution.VillageCode, partner,
            board.FirstOrDefault(m => m.Position == BoardPosition.Ketua)?.Name,
            board.FirstOrDefault(m => m.Position == BoardPosition.Bendahara)?.Name,
            [.. volunteers.Select(v => (v.Id, v.Name))], recipients);
    }
}
