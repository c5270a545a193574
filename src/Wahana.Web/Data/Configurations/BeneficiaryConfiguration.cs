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
        builder.Property(b => b.Name).HasMaxLength(PersonName.MaxLength);
        builder.Property(b => b.NameKey).HasMaxLength(PersonName.MaxLength);
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
        // Lists sort by name within a scope; duplicate checks look people up by birth date.
        builder.HasIndex(b => b.NameKey);
        builder.HasIndex(b => new { b.RegencyCode, b.NameKey });
        builder.HasIndex(b => new { b.InstitutionId, b.NameKey });
        builder.HasIndex(b => new { b.VillageCode, b.NameKey });
        builder.HasIndex(b => b.BirthDate);
        builder.HasIndex(b => b.MergedIntoId);
        builder.HasOne(b => b.Institution).WithMany().HasForeignKey(b => b.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Beneficiary>().WithMany().HasForeignKey(b => b.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.StatusChanges).WithOne().HasForeignKey(c => c.BeneficiaryId).OnDelete(DeleteBehavior.Cascade);
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

public sealed class BeneficiaryStatusChangeConfiguration : IEntityTypeConfiguration<BeneficiaryStatusChange>
{
    public void Configure(EntityTypeBuilder<BeneficiaryStatusChange> builder)
    {
        builder.Property(c => c.Note).HasMaxLength(500);
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
        builder.HasIndex(c => c.BeneficiaryId);
    }
}

public sealed class DuplicatePairConfiguration : IEntityTypeConfiguration<DuplicatePair>
{
    public void Configure(EntityTypeBuilder<DuplicatePair> builder)
    {
        builder.Property(p => p.Reasons).HasMaxLength(500);
        builder.Property(p => p.DecidedBy).HasMaxLength(256);
        builder.Property(p => p.Note).HasMaxLength(500);
        builder.HasOne<Beneficiary>().WithMany().HasForeignKey(p => p.FirstId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Beneficiary>().WithMany().HasForeignKey(p => p.SecondId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.FirstId, p.SecondId }).IsUnique();
        builder.HasIndex(p => p.SecondId);
        builder.HasIndex(p => new { p.Decision, p.Score });
    }
}

public sealed class ServiceShareRequestConfiguration : IEntityTypeConfiguration<ServiceShareRequest>
{
    public void Configure(EntityTypeBuilder<ServiceShareRequest> builder)
    {
        builder.Property(r => r.HolderRegencyCode).HasMaxLength(5);
        builder.Property(r => r.RequesterRegencyCode).HasMaxLength(5);
        builder.Property(r => r.Note).HasMaxLength(500);
        builder.Property(r => r.RequestedBy).HasMaxLength(256);
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.DecisionNote).HasMaxLength(500);
        builder.HasOne<Beneficiary>().WithMany().HasForeignKey(r => r.BeneficiaryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(r => r.HolderInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(r => r.RequestingInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.HolderInstitutionId, r.Status });
        builder.HasIndex(r => r.RequestingInstitutionId);
    }
}
