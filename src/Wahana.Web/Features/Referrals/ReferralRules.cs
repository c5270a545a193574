using Wahana.Web.Domain;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Referrals;

/// <summary>Which way a list of referrals looks: sent by the user's side, received by it, or all the user may see.</summary>
public enum ReferralDirection
{
    All,
    Sent,
    Received,
}

/// <summary>
/// Who refers, who answers a referral, and which referrals are "sent" and "received" for a user. What a user may
/// see at all is the DbContext's query filter; these rules only pick among what is already in scope.
/// </summary>
public static class ReferralRules
{
    /// <summary>The roles that refer a person: the WKSBM (board and volunteers) and the offices; never the forum or partners.</summary>
    public static bool MayRefer(WahanaRole? role) =>
        role is WahanaRole.PengurusWksbm or WahanaRole.Relawan or WahanaRole.PetugasKabupaten or WahanaRole.AdminProvinsi;

    /// <summary>
    /// Whether the user answers this referral (changes its status): the province always; the district office of the
    /// referring WKSBM for referrals to it; a receiving WKSBM's board and its district office; for a puskesmas or another
    /// body (which have no account) the referring WKSBM's board and its district office record the outcome.
    /// </summary>
    public static bool MayChangeStatus(CurrentUser user, Referral referral)
    {
        var role = user.Role;
        var scope = user.Scope;
        if (role == WahanaRole.AdminProvinsi)
        {
            return true;
        }
        bool Office(string? regencyCode) => role == WahanaRole.PetugasKabupaten && regencyCode is not null && scope.RegencyCode == regencyCode;
        bool Board(Guid? institutionId) => role == WahanaRole.PengurusWksbm && institutionId is not null && scope.InstitutionId == institutionId;
        return referral.Destination switch
        {
            ReferralDestination.DinasKabupaten => Office(referral.RegencyCode),
            ReferralDestination.BalaiProvinsi => false,
            ReferralDestination.Wksbm => Board(referral.DestinationInstitutionId) || Office(referral.DestinationRegencyCode),
            _ => Board(referral.InstitutionId) || Office(referral.RegencyCode),
        };
    }

    /// <summary>Who answers this referral, for the page: "Dinas Sosial Kabupaten Bantul", "Admin Dinas Sosial DIY", ...</summary>
    public static string AnsweredBy(Referral referral) => referral.Destination switch
    {
        ReferralDestination.DinasKabupaten => "Petugas Dinas Sosial " + RegionCatalog.Instance.RegencyName(referral.RegencyCode),
        ReferralDestination.BalaiProvinsi => "Admin Dinas Sosial DIY",
        ReferralDestination.Wksbm => "Pengurus WKSBM tujuan atau petugas Dinas Sosial " + RegionCatalog.Instance.RegencyName(referral.DestinationRegencyCode),
        _ => "Pengurus WKSBM perujuk atau petugas Dinas Sosial " + RegionCatalog.Instance.RegencyName(referral.RegencyCode) + " (tujuan tidak memiliki akun)",
    };

    /// <summary>
    /// The referrals of one direction for the user. Sent: by the user's WKSBM, or from the WKSBM of the user's
    /// kabupaten/kota (the province: all). Received: to the user's WKSBM; for a district office those to the office and to
    /// the WKSBM of its kabupaten/kota; for the province those to its centres.
    /// </summary>
    public static IQueryable<Referral> InDirection(IQueryable<Referral> referrals, ReferralDirection direction, AccessScope scope)
    {
        if (direction == ReferralDirection.All)
        {
            return referrals;
        }
        var institutionId = scope.InstitutionId;
        var regencyCode = scope.RegencyCode;
        if (direction == ReferralDirection.Sent)
        {
            return institutionId is not null ? referrals.Where(r => r.InstitutionId == institutionId)
                : regencyCode is not null ? referrals.Where(r => r.RegencyCode == regencyCode)
                : referrals;
        }
        return institutionId is not null ? referrals.Where(r => r.DestinationInstitutionId == institutionId)
            : regencyCode is not null ? referrals.Where(r =>
                (r.Destination == ReferralDestination.DinasKabupaten && r.RegencyCode == regencyCode)
                || (r.Destination == ReferralDestination.Wksbm && r.DestinationRegencyCode == regencyCode))
            : referrals.Where(r => r.Destination == ReferralDestination.BalaiProvinsi);
    }

    /// <summary>Open referrals whose status has not changed since <paramref name="cutoff"/> (see <see cref="Referral.IsOverdue"/>).</summary>
    public static IQueryable<Referral> Overdue(IQueryable<Referral> referrals, DateTimeOffset cutoff) =>
        referrals.Where(r => r.Status != ReferralStatus.Selesai && r.Status != ReferralStatus.Ditolak && r.StatusChangedAt < cutoff);

    /// <summary>The moment before which an open referral's last change makes it overdue.</summary>
    public static DateTimeOffset OverdueCutoff(DateTimeOffset now, int overdueDays) => now.ToUniversalTime().AddDays(-overdueDays);
}
