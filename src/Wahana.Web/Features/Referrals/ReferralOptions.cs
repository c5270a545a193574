using System.ComponentModel.DataAnnotations;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Referrals;

/// <summary>Settings of referrals (section <c>Wahana:Referrals</c>).</summary>
public sealed class ReferralOptions
{
    public const string Section = "Wahana:Referrals";

    /// <summary>An open referral with no status change for this many days is overdue (terlambat). Default 14.</summary>
    [Range(1, 365)]
    public int OverdueDays { get; set; } = Referral.DefaultOverdueDays;
}
