using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wahana.Web.Domain;

namespace Wahana.Web.Data.Configurations;

public sealed class RegionRecordConfiguration : IEntityTypeConfiguration<RegionRecord>
{
    public void Configure(EntityTypeBuilder<RegionRecord> builder)
    {
        builder.ToTable("Regions");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(13);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.ParentCode).HasMaxLength(13);
        builder.HasIndex(r => r.ParentCode);
    }
}

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasOne<WahanaUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(40);
        builder.Property(a => a.EntityType).HasMaxLength(60);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.At);
    }
}

public sealed class WahanaUserConfiguration : IEntityTypeConfiguration<WahanaUser>
{
    public void Configure(EntityTypeBuilder<WahanaUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.ScopeRegencyCode).HasMaxLength(5);
        builder.HasOne<Institution>().WithMany().HasForeignKey(u => u.ScopeInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(u => u.ScopePartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(u => u.Scope);
    }
}
