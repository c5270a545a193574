using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wahana.Web.Domain;

namespace Wahana.Web.Data.Configurations;

public sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.Property(s => s.RegencyCode).HasMaxLength(5);
        builder.Property(s => s.Notes).HasMaxLength(1000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.Beneficiary).WithMany().HasForeignKey(s => s.BeneficiaryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Institution).WithMany().HasForeignKey(s => s.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Distribution>().WithMany().HasForeignKey(s => s.DistributionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.InstitutionId, s.Date });
        builder.HasIndex(s => new { s.RegencyCode, s.Date });
        builder.HasIndex(s => new { s.BeneficiaryId, s.Date });
        builder.Ignore(s => s.Semester);
    }
}

public sealed class DistributionConfiguration : IEntityTypeConfiguration<Distribution>
{
    public void Configure(EntityTypeBuilder<Distribution> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.RegencyCode).HasMaxLength(5);
        builder.HasOne<Institution>().WithMany().HasForeignKey(d => d.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(d => d.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.InstitutionId, d.Date });
    }
}

public sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
    }
}
