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
        builder.Property(s => s.RecordedBy).HasMaxLength(256);
        builder.Property(s => s.PhotoFile).HasMaxLength(100);
        builder.Property(s => s.DeletedBy).HasMaxLength(256);
        builder.Property(s => s.DeletionReason).HasMaxLength(500);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasMany(s => s.Volunteers).WithOne().HasForeignKey(v => v.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Beneficiary).WithMany().HasForeignKey(s => s.BeneficiaryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Institution).WithMany().HasForeignKey(s => s.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Distribution>().WithMany().HasForeignKey(s => s.DistributionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.InstitutionId, s.Date });
        builder.HasIndex(s => new { s.RegencyCode, s.Date });
        builder.HasIndex(s => new { s.BeneficiaryId, s.Date });
        // The semester figures (reports, dashboard, evaluation) read a date range of every service in scope: this
        // index holds every column they group and sum, so they read it alone, never the table (deleted rows left out).
        builder.HasIndex(s => new { s.Date, s.RegencyCode, s.InstitutionId, s.BeneficiaryId, s.Kind, s.Form, s.FundingSource, s.ValueRupiah })
            .HasDatabaseName("IX_Services_Figures")
            .HasFilter("\"DeletedAt\" IS NULL");
        builder.Ignore(s => s.Semester);
    }
}

public sealed class DistributionConfiguration : IEntityTypeConfiguration<Distribution>
{
    public void Configure(EntityTypeBuilder<Distribution> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.RegencyCode).HasMaxLength(5);
        builder.Property(d => d.Notes).HasMaxLength(1000);
        builder.Property(d => d.RecordedBy).HasMaxLength(256);
        builder.Property(d => d.DeletedBy).HasMaxLength(256);
        builder.Property(d => d.DeletionReason).HasMaxLength(500);
        builder.HasOne<Institution>().WithMany().HasForeignKey(d => d.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(d => d.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.InstitutionId, d.Date });
    }
}

public sealed class ServiceVolunteerConfiguration : IEntityTypeConfiguration<ServiceVolunteer>
{
    public void Configure(EntityTypeBuilder<ServiceVolunteer> builder)
    {
        builder.HasKey(v => new { v.ServiceId, v.VolunteerId });
        builder.HasOne<Volunteer>().WithMany().HasForeignKey(v => v.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => v.VolunteerId);
    }
}

public sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.RegencyCode).HasMaxLength(5);
        builder.Property(r => r.DestinationRegencyCode).HasMaxLength(5);
        builder.Property(r => r.DestinationName).HasMaxLength(200);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.SentBy).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Beneficiary>().WithMany().HasForeignKey(r => r.BeneficiaryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(r => r.DestinationInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Changes).WithOne().HasForeignKey(c => c.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.InstitutionId, r.Status });
        builder.HasIndex(r => new { r.RegencyCode, r.Status });
        builder.HasIndex(r => new { r.DestinationInstitutionId, r.Status });
        builder.HasIndex(r => new { r.DestinationRegencyCode, r.Status });
        builder.HasIndex(r => r.BeneficiaryId);
        builder.Ignore(r => r.IsClosed);
    }
}

public sealed class ReferralStatusChangeConfiguration : IEntityTypeConfiguration<ReferralStatusChange>
{
    public void Configure(EntityTypeBuilder<ReferralStatusChange> builder)
    {
        builder.Property(c => c.Note).HasMaxLength(1000);
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
        builder.HasIndex(c => c.ReferralId);
    }
}

public sealed class SemesterReportConfiguration : IEntityTypeConfiguration<SemesterReport>
{
    public void Configure(EntityTypeBuilder<SemesterReport> builder)
    {
        builder.Property(r => r.RegencyCode).HasMaxLength(5);
        builder.Property(r => r.Achievements).HasMaxLength(SemesterReport.NarrativeMaxLength);
        builder.Property(r => r.Obstacles).HasMaxLength(SemesterReport.NarrativeMaxLength);
        builder.Property(r => r.Plans).HasMaxLength(SemesterReport.NarrativeMaxLength);
        builder.Property(r => r.SubmittedBy).HasMaxLength(256);
        builder.Property(r => r.ApprovedBy).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Institution>().WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.InstitutionId, r.Year, r.Half }).IsUnique();
        builder.HasIndex(r => new { r.Year, r.Half, r.RegencyCode });
        builder.Ignore(r => r.Semester);
        builder.Ignore(r => r.LocksServices);
        builder.Ignore(r => r.FiguresAreLive);
    }
}

public sealed class SemesterReportStepConfiguration : IEntityTypeConfiguration<SemesterReportStep>
{
    public void Configure(EntityTypeBuilder<SemesterReportStep> builder)
    {
        builder.Property(s => s.Note).HasMaxLength(2000);
        builder.Property(s => s.By).HasMaxLength(256);
        builder.HasIndex(s => s.ReportId);
    }
}

public sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
    }
}
