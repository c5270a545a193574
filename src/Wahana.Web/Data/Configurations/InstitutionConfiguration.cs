using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wahana.Web.Domain;

namespace Wahana.Web.Data.Configurations;

public sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.VillageCode).HasMaxLength(13);
        builder.Property(i => i.RegencyCode).HasMaxLength(5);
        builder.Property(i => i.Hamlet).HasMaxLength(100);
        builder.Property(i => i.Address).HasMaxLength(500);
        builder.Property(i => i.DecreeNumber).HasMaxLength(100);
        builder.Property(i => i.DecreeIssuer).HasMaxLength(200);
        builder.Property(i => i.DeactivationReason).HasMaxLength(500);
        builder.Property(i => i.Phone).HasMaxLength(16);
        builder.Property(i => i.Email).HasMaxLength(254);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => i.RegencyCode);
        builder.HasIndex(i => i.VillageCode);
        builder.HasMany(i => i.BoardMembers).WithOne(m => m.Institution).HasForeignKey(m => m.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(i => i.HasMinimumStructure);
    }
}

public sealed class BoardMemberConfiguration : IEntityTypeConfiguration<BoardMember>
{
    public void Configure(EntityTypeBuilder<BoardMember> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Phone).HasMaxLength(20);
    }
}
