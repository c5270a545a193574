using Wahana.Web.Domain;

namespace Wahana.Web.Data.Seeding;

/// <summary>
/// A handful of referrals across the five kabupaten/kota, in every status, three of them overdue (no change for more
/// than <see cref="Referral.DefaultOverdueDays"/> days). None from or to the WKSBM of pengurus.01 (the walk-through) or
/// of pengurus.30 to pengurus.34 (whose referrals the tests make and count).
/// </summary>
internal static class DemoReferrals
{
    private sealed record Step(ReferralStatus To, int DaysAgo, string Note, string By);

    private sealed record Plan(
        int From, ReferralDestination Destination, string Name, int? To, ReferralUrgency Urgency, int SentDaysAgo, string SentBy,
        string Reason, Step[] Steps);

    /// <summary>The WKSBM by pengurus number (1-based, in kalurahan code order), as <see cref="DemoAccounts"/> numbers them.</summary>
    private static readonly Plan[] Plans =
    [
        new(2, ReferralDestination.DinasKabupaten, "", null, ReferralUrgency.Segera, 20, "pengurus.02",
            "Lansia tinggal sendiri, sakit-sakitan dan tidak ada keluarga yang merawat; perlu asesmen untuk layanan lanjut.", []),
        new(5, ReferralDestination.BalaiProvinsi, "Balai Pelayanan Sosial Tresna Werdha (BPSTW)", null, ReferralUrgency.Biasa, 12, "pengurus.05",
            "Lansia terlantar, bersedia tinggal di panti; keluarga tidak mampu merawat.",
            [new(ReferralStatus.Diterima, 10, "Diterima, jadwal asesmen minggu depan.", "admin.diy")]),
        new(10, ReferralDestination.Lainnya, "LKS Sedekah Rombongan", null, ReferralUrgency.Segera, 2, "pengurus.10",
            "Butuh bantuan biaya transport berobat rutin ke rumah sakit.", []),
        new(20, ReferralDestination.Wksbm, "", 40, ReferralUrgency.Darurat, 16, "pengurus.20",
            "Anak pindah ke rumah neneknya di wilayah WKSBM tujuan; perlu pendampingan lanjutan di sana.", []),
        new(22, ReferralDestination.Puskesmas, "Puskesmas Sewon I", null, ReferralUrgency.Biasa, 40, "pengurus.22",
            "Penyandang disabilitas perlu pemeriksaan dan rujukan alat bantu dengar.",
            [
                new(ReferralStatus.Diterima, 38, "Puskesmas menerima, jadwal periksa sudah ada.", "pengurus.22"),
                new(ReferralStatus.Ditangani, 30, "Sudah diperiksa, menunggu hasil audiometri.", "pengurus.22"),
                new(ReferralStatus.Selesai, 25, "Alat bantu dengar diterima lewat BPJS.", "pengurus.22"),
            ]),
        new(45, ReferralDestination.BalaiProvinsi, "Balai Rehabilitasi Sosial dan Pengasuhan Anak (BRSPA)", null, ReferralUrgency.Segera, 30, "pengurus.45",
            "Anak putus sekolah dan terlantar, orang tua merantau; perlu pengasuhan sementara.",
            [
                new(ReferralStatus.Diterima, 27, "Diterima di BRSPA.", "admin.diy"),
                new(ReferralStatus.Ditangani, 18, "Anak dalam pengasuhan balai, asesmen keluarga berjalan.", "admin.diy"),
            ]),
        new(60, ReferralDestination.DinasKabupaten, "", null, ReferralUrgency.Biasa, 30, "pengurus.60",
            "Keluarga miskin belum terdaftar DTSEN; mohon diusulkan.",
            [new(ReferralStatus.Ditolak, 28, "Bukan kewenangan dinas; usulan DTSEN lewat kalurahan (musyawarah desa).", "dinsos.sleman")]),
        new(75, ReferralDestination.Wksbm, "", 62, ReferralUrgency.Biasa, 5, "pengurus.75",
            "Warga pindah domisili; mohon WKSBM tujuan melanjutkan santunan rutin.",
            [new(ReferralStatus.Diterima, 3, "Diterima, akan dikunjungi relawan kami.", "pengurus.62")]),
    ];

    public static List<Referral> Create(IReadOnlyList<Institution> institutions, IReadOnlyList<Beneficiary> people, DateOnly today)
    {
        var byVillage = institutions.OrderBy(i => i.VillageCode, StringComparer.Ordinal).ToList();
        // 09:00 WIB of a day, as a UTC instant.
        DateTimeOffset At(int daysAgo) => new(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        var referrals = new List<Referral>();
        foreach (var plan in Plans)
        {
            var from = byVillage[plan.From - 1];
            var person = people.First(p => p.InstitutionId == from.Id && p.Status == BeneficiaryStatus.Aktif);
            var to = plan.To is { } number ? byVillage[number - 1] : null;
            var sentAt = At(plan.SentDaysAgo);
            var referral = new Referral
            {
                BeneficiaryId = person.Id,
                InstitutionId = from.Id,
                RegencyCode = from.RegencyCode,
                Destination = plan.Destination,
                DestinationInstitutionId = to?.Id,
                DestinationRegencyCode = plan.Destination == ReferralDestination.DinasKabupaten ? from.RegencyCode : to?.RegencyCode,
                DestinationName = plan.Destination switch
                {
                    ReferralDestination.DinasKabupaten => "Dinas Sosial " + RegionCatalog.Instance.RegencyName(from.RegencyCode),
                    ReferralDestination.Wksbm => to!.Name,
                    _ => plan.Name,
                },
                Reason = plan.Reason,
                Urgency = plan.Urgency,
                SentOn = DateOnly.FromDateTime(sentAt.UtcDateTime),
                SentBy = plan.SentBy,
                CreatedAt = sentAt,
                StatusChangedAt = sentAt,
            };
            var status = ReferralStatus.Dikirim;
            foreach (var step in plan.Steps)
            {
                var at = At(step.DaysAgo);
                referral.Changes.Add(new ReferralStatusChange
                {
                    ReferralId = referral.Id, From = status, To = step.To, Note = step.Note, ChangedBy = step.By, ChangedAt = at,
                });
                status = step.To;
                referral.StatusChangedAt = at;
            }
            referral.Status = status;
            DemoFakes.EnsureValid(referral.Validate(today), $"referral from {from.Name}");
            referrals.Add(referral);
        }
        return referrals;
    }
}
