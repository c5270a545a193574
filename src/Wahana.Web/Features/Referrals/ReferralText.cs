using Wahana.Web.Domain;

namespace Wahana.Web.Features.Referrals;

/// <summary>The screen names of the referral codes, and the provincial centres a WKSBM refers to.</summary>
public static class ReferralText
{
    /// <summary>A provincial centre (balai) of Dinas Sosial DIY: its short code and its full name.</summary>
    public sealed record Centre(string Code, string Name)
    {
        /// <summary>What is stored as the destination's name: "Balai Rehabilitasi Sosial dan Pengasuhan Anak (BRSPA)".</summary>
        public string DestinationName => $"{Name} ({Code})";
    }

    /// <summary>The centres offered in the pick list; any other name may be typed.</summary>
    public static readonly IReadOnlyList<Centre> Centres =
    [
        new("BRSPA", "Balai Rehabilitasi Sosial dan Pengasuhan Anak"),
        new("BPRSR", "Balai Perlindungan dan Rehabilitasi Sosial Remaja"),
        new("BPSTW", "Balai Pelayanan Sosial Tresna Werdha"),
        new("BRTPD", "Balai Rehabilitasi Terpadu Penyandang Disabilitas"),
    ];

    /// <summary>A centre by its code (case-insensitive), or null.</summary>
    public static Centre? FindCentre(string? code) =>
        Centres.FirstOrDefault(c => string.Equals(c.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string DestinationName(ReferralDestination destination) => destination switch
    {
        ReferralDestination.DinasKabupaten => "Dinas Sosial kabupaten/kota",
        ReferralDestination.BalaiProvinsi => "Balai Dinas Sosial DIY",
        ReferralDestination.Puskesmas => "Puskesmas",
        ReferralDestination.Wksbm => "WKSBM lain",
        _ => "Lainnya",
    };

    public static string UrgencyName(ReferralUrgency urgency) => urgency switch
    {
        ReferralUrgency.Biasa => "Biasa",
        ReferralUrgency.Segera => "Segera",
        _ => "Darurat",
    };

    public static string UrgencyBadge(ReferralUrgency urgency) => urgency switch
    {
        ReferralUrgency.Biasa => "text-bg-light border",
        ReferralUrgency.Segera => "text-bg-warning",
        _ => "text-bg-danger",
    };

    public static string StatusName(ReferralStatus status) => status switch
    {
        ReferralStatus.Dikirim => "Dikirim",
        ReferralStatus.Diterima => "Diterima",
        ReferralStatus.Ditangani => "Ditangani",
        ReferralStatus.Selesai => "Selesai",
        _ => "Ditolak",
    };

    public static string StatusBadge(ReferralStatus status) => status switch
    {
        ReferralStatus.Dikirim => "text-bg-secondary",
        ReferralStatus.Diterima => "text-bg-info",
        ReferralStatus.Ditangani => "text-bg-primary",
        ReferralStatus.Selesai => "text-bg-success",
        _ => "text-bg-dark",
    };

    public static string SexName(Sex sex) => sex == Sex.Perempuan ? "Perempuan" : "Laki-laki";

    /// <summary>"Diterima atau Ditolak": the statuses a referral may move to, for messages.</summary>
    public static string Choices(IReadOnlyList<ReferralStatus> statuses) => statuses.Count switch
    {
        0 => "",
        1 => StatusName(statuses[0]),
        _ => string.Join(", ", statuses.Take(statuses.Count - 1).Select(StatusName)) + " atau " + StatusName(statuses[^1]),
    };
}
