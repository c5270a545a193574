using Wahana.Web.Domain;

namespace Wahana.Web.Data.Seeding;

/// <summary>The partners (mitra) of the demo province, one or more from each of the four pillars.</summary>
internal sealed record DemoPartners(
    Partner Baznas, Partner BankBpd, Partner Ugm, Partner SedekahRombongan, Partner VillageGovernment, string VillageCode)
{
    public IReadOnlyList<Partner> All => [Baznas, BankBpd, Ugm, SedekahRombongan, VillageGovernment];

    /// <param name="village">The kalurahan whose government is a partner (it funds its WKSBM from the Dana Desa).</param>
    public static DemoPartners Create(Institution village)
    {
        var villageName = RegionCatalog.Instance.Find(village.VillageCode)?.DisplayName ?? village.VillageCode;
        return new DemoPartners(
            new Partner { Name = "Baznas DIY", Pillar = Pillar.Masyarakat },
            new Partner { Name = "Bank BPD DIY", Pillar = Pillar.DuniaUsaha },
            new Partner { Name = "Universitas Gadjah Mada", Pillar = Pillar.PerguruanTinggi },
            new Partner { Name = "Sedekah Rombongan", Pillar = Pillar.Masyarakat },
            new Partner { Name = $"Pemerintah {villageName}", Pillar = Pillar.Pemerintah },
            village.VillageCode);
    }

    /// <summary>The partner behind a funding source at a WKSBM: the named one, or the kalurahan for its own Dana Desa.</summary>
    public Partner? FunderAt(Institution institution, FundingSource source, Partner? named) =>
        named ?? (source == FundingSource.DanaDesa && institution.VillageCode == VillageCode ? VillageGovernment : null);
}
