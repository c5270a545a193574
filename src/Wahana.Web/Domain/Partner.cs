namespace Wahana.Web.Domain;

/// <summary>A partner (mitra) of one of the four pillars: government, community, business or university.</summary>
public sealed class Partner
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public Pillar Pillar { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public static string PillarName(Pillar pillar) => pillar switch
    {
        Pillar.Pemerintah => "Pemerintah",
        Pillar.Masyarakat => "Masyarakat",
        Pillar.DuniaUsaha => "Dunia usaha",
        _ => "Perguruan tinggi",
    };
}
