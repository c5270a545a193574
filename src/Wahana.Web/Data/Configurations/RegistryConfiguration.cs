using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wahana.Web.Domain;

namespace Wahana.Web.Data.Configurations;

public sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.RegencyCode).HasMaxLength(5);
        builder.Property(v => v.Phone).HasMaxLength(16);
        builder.Property(v => v.Skills).HasMaxLength(500);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasOne<Institution>().WithMany().HasForeignKey(v => v.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WahanaUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(v => v.InstitutionId);
        builder.HasIndex(v => v.RegencyCode);
    }
}

public sealed class InstitutionDocumentConfiguration : IEntityTypeConfiguration<InstitutionDocument>
{
    public void Configure(EntityTypeBuilder<InstitutionDocument> builder)
    {
        builder.Property(d => d.RegencyCode).HasMaxLength(5);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.OriginalFileName).HasMaxLength(255);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.UploadedBy).HasMaxLength(256);
        builder.HasOne<Institution>().WithMany().HasForeignKey(d => d.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.InstitutionId);
    }
}

public sealed class AssessmentIndicatorConfiguration : IEntityTypeConfiguration<AssessmentIndicator>
{
    public void Configure(EntityTypeBuilder<AssessmentIndicator> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Code).HasMaxLength(40);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Guidance1).HasMaxLength(500);
        builder.Property(i => i.Guidance2).HasMaxLength(500);
        builder.Property(i => i.Guidance3).HasMaxLength(500);
        builder.Property(i => i.Guidance4).HasMaxLength(500);
        builder.HasIndex(i => i.Code).IsUnique();
    }
}

public sealed class StrengthThresholdsConfiguration : IEntityTypeConfiguration<StrengthThresholds>
{
    public void Configure(EntityTypeBuilder<StrengthThresholds> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
    }
}

public sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(a => a.RegencyCode).HasMaxLength(5);
        builder.Property(a => a.Score).HasPrecision(5, 1);
        builder.Property(a => a.Notes).HasMaxLength(2000);
        builder.Property(a => a.SubmittedBy).HasMaxLength(256);
        builder.Property(a => a.VerifiedBy).HasMaxLength(256);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Institution>().WithMany().HasForeignKey(a => a.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        // One assessment per WKSBM per semester.
        builder.HasIndex(a => new { a.InstitutionId, a.Year, a.Half }).IsUnique();
        builder.HasIndex(a => new { a.RegencyCode, a.Year, a.Half });
        builder.Ignore(a => a.Semester);
    }
}

public sealed class AssessmentScoreConfiguration : IEntityTypeConfiguration<AssessmentScore>
{
    public void Configure(EntityTypeBuilder<AssessmentScore> builder)
    {
        builder.HasKey(s => new { s.AssessmentId, s.IndicatorId });
        builder.HasOne<AssessmentIndicator>().WithMany().HasForeignKey(s => s.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(s => s.Points);
    }
}
