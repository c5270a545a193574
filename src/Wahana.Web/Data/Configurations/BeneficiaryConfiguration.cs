using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wahana.Web.Domain;

namespace Wahana.Web.Data.Configurations;

public sealed class BeneficiaryConfiguration : IEntityTypeConfiguration<Beneficiary>
{
    public void Configure(EntityTypeBuilder<Beneficiary> builder)
    {
        builder.Property(b => b.Nik).HasMaxLength(16).IsFixedLength();
        builder.Property(b => b.Kk).HasMaxLength(16).IsFixedLength();
        builder.Property(b => b.NoNikReason).HasMaxLength(300);
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.BirthPlace).HasMaxLength(100);
        builder.Property(b => b.VillageCode).HasMaxLength(13);
        builder.Property(b => b.RegencyCode).HasMaxLength(5);
        builder.Property(b => b.Hamlet).HasMaxLength(100);
        builder.Property(b => b.Rt).HasMaxLength(3);
        builder.Property(b => b.Rw).HasMaxLength(3);
        builder.Property(b => b.Address).HasMaxLength(500);
        builder.Property(b => b.Phone).HasMaxLength(16);
        builder.Property(b => b.ConsentGivenBy).HasMaxLength(200);
        builder.Property(b => b.Version).IsConcurrencyToken();
        // One person, one record: a NIK is unique where it is known.
        builder.HasIndex(b => b.Nik).IsUnique();
        builder.HasIndex(b => b.Kk);
        builder.HasIndex(b => b.RegencyCode);
        builder.HasIndex(b => b.InstitutionId);
        builder.HasOne(b => b.Institution).WithMany().HasForeignKey(b => b.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Categories).WithOne(c => c.Beneficiary).HasForeignKey(c => c.BeneficiaryId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(b => b.NeedsCivilRegistryFollowUp);
    }
}

public sealed class BeneficiaryCategoryConfiguration : IEntityTypeConfiguration<BeneficiaryCategory>
{
    public void Configure(EntityTypeBuilder<BeneficiaryCategory> builder)
    {
        builder.HasKey(c => new { c.BeneficiaryId, c.CategoryId });
        builder.HasOne<PpksCategory>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.CategoryId);
    }
}

public sealed class PpksCategoryConfiguration : IEntityTypeConfiguration<PpksCategory>
{
    public void Configure(EntityTypeBuilder<PpksCategory> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Slug).HasMaxLength(40);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.HasIndex(c => c.Slug).IsUnique();
    }
}
