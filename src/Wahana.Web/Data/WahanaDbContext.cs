using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Data;

/// <summary>
/// The one DbContext of Wahana. Access scope lives here and only here: the global query filters below read
/// the signed-in user's scope, so every query of every page and endpoint sees only what that user may see.
/// Provider-specific subclasses (<see cref="SqliteWahanaDbContext"/>, <see cref="PostgresWahanaDbContext"/>)
/// carry one migration set each.
/// </summary>
public abstract class WahanaDbContext(DbContextOptions options, CurrentUser currentUser, ServedFiguresCache? figuresCache)
    : IdentityUserContext<WahanaUser, Guid>(options)
{
    public CurrentUser CurrentUser { get; } = currentUser;

    /// <summary>The semester figures kept between requests; each save forgets what it touched (<see cref="FiguresTouched"/>).</summary>
    public ServedFiguresCache FiguresCache { get; } = figuresCache ?? new ServedFiguresCache();

    /// <summary>The name of the access-scope query filter (on entities that have more than one).</summary>
    public const string ScopeFilter = "Scope";

    /// <summary>The name of the query filter that hides beneficiaries merged into another record.</summary>
    public const string MergedFilter = "NotMerged";

    /// <summary>The name of the query filter that hides deleted services and distributions (soft delete).</summary>
    public const string DeletedFilter = "NotDeleted";

    public DbSet<RegionRecord> Regions => Set<RegionRecord>();

    public DbSet<PpksCategory> Categories => Set<PpksCategory>();

    public DbSet<Institution> Institutions => Set<Institution>();

    public DbSet<BoardMember> BoardMembers => Set<BoardMember>();

    public DbSet<Beneficiary> Beneficiaries => Set<Beneficiary>();

    public DbSet<BeneficiaryCategory> BeneficiaryCategories => Set<BeneficiaryCategory>();

    public DbSet<BeneficiaryStatusChange> BeneficiaryStatusChanges => Set<BeneficiaryStatusChange>();

    public DbSet<DuplicatePair> DuplicatePairs => Set<DuplicatePair>();

    public DbSet<ServiceShareRequest> ServiceShareRequests => Set<ServiceShareRequest>();

    public DbSet<Service> Services => Set<Service>();

    public DbSet<Distribution> Distributions => Set<Distribution>();

    public DbSet<ServiceVolunteer> ServiceVolunteers => Set<ServiceVolunteer>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<ReferralStatusChange> ReferralStatusChanges => Set<ReferralStatusChange>();

    public DbSet<SemesterReport> SemesterReports => Set<SemesterReport>();

    public DbSet<SemesterReportStep> SemesterReportSteps => Set<SemesterReportStep>();

    public DbSet<Partner> Partners => Set<Partner>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<Volunteer> Volunteers => Set<Volunteer>();

    public DbSet<InstitutionDocument> InstitutionDocuments => Set<InstitutionDocument>();

    public DbSet<AssessmentIndicator> AssessmentIndicators => Set<AssessmentIndicator>();

    public DbSet<StrengthThresholds> StrengthThresholds => Set<StrengthThresholds>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<AssessmentScore> AssessmentScores => Set<AssessmentScore>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    // The forum and partners see no personal records, but may see how many there are: these are the only
    // queries that lift the people filter for them, and pages use them for counts and sums only.

    /// <summary>Beneficiaries to count: the user's own, or for the forum and partners all of them (numbers only).</summary>
    public IQueryable<Beneficiary> BeneficiariesToCount =>
        CountsEverything ? Beneficiaries.IgnoreQueryFilters([ScopeFilter]) : Beneficiaries;

    /// <summary>Services to count and sum, as <see cref="BeneficiariesToCount"/> (deleted services never count).</summary>
    public IQueryable<Service> ServicesToCount => CountsEverything ? Services.IgnoreQueryFilters([ScopeFilter]) : Services;

    /// <summary>Category memberships to count, as <see cref="BeneficiariesToCount"/>.</summary>
    public IQueryable<BeneficiaryCategory> BeneficiaryCategoriesToCount =>
        CountsEverything ? BeneficiaryCategories.IgnoreQueryFilters([ScopeFilter]) : BeneficiaryCategories;

    /// <summary>Volunteers of services to count, as <see cref="BeneficiariesToCount"/>.</summary>
    public IQueryable<ServiceVolunteer> ServiceVolunteersToCount =>
        CountsEverything ? ServiceVolunteers.IgnoreQueryFilters([ScopeFilter]) : ServiceVolunteers;

    // Only scope filters are lifted for aggregates, by name: lifting every filter (IgnoreQueryFilters()) anywhere in a
    // query lifts them for the whole query, deleted services and merged people included.

    /// <summary>The forum and partners of the whole province: they count every record, seeing none.</summary>
    public bool CountsEverything => !CurrentUser.Scope.SeesPeople && CurrentUser.Scope.AllInstitutions;

    /// <summary>Set by the demo seeder only: generated demo rows are not users' writes and are not audited.</summary>
    public bool AuditDisabled { get; set; }

    // The query filters read these per query, so one model serves every user.
    private bool ScopeAllInstitutions => CurrentUser.Scope.AllInstitutions;

    private bool ScopeAllPeople => CurrentUser.Scope.AllPeople;

    private string? ScopeRegencyCode => CurrentUser.Scope.RegencyCode;

    private Guid? ScopeInstitutionId => CurrentUser.Scope.InstitutionId;

    private Guid? ScopePartnerId => CurrentUser.Scope.PartnerId;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WahanaDbContext).Assembly);
        ClientGeneratedKeys(builder);

        builder.Entity<Institution>().HasQueryFilter(i =>
            ScopeAllInstitutions || i.RegencyCode == ScopeRegencyCode || i.Id == ScopeInstitutionId);
        builder.Entity<BoardMember>().HasQueryFilter(m =>
            ScopeAllInstitutions || m.Institution!.RegencyCode == ScopeRegencyCode || m.InstitutionId == ScopeInstitutionId);
        builder.Entity<Beneficiary>().HasQueryFilter(ScopeFilter, b =>
            ScopeAllPeople || b.RegencyCode == ScopeRegencyCode || b.InstitutionId == ScopeInstitutionId);
        // A record merged into another is history, reached only on purpose (IgnoreQueryFilters([MergedFilter])).
        builder.Entity<Beneficiary>().HasQueryFilter(MergedFilter, b => b.MergedIntoId == null);
        builder.Entity<BeneficiaryStatusChange>().HasQueryFilter(c => Beneficiaries.Any(b => b.Id == c.BeneficiaryId));
        // A pair is in scope when both of its people are.
        builder.Entity<DuplicatePair>().HasQueryFilter(p =>
            Beneficiaries.Any(b => b.Id == p.FirstId) && Beneficiaries.Any(b => b.Id == p.SecondId));
        // The holder and the requester both see a request; the requester sees the person only as holder's name.
        builder.Entity<ServiceShareRequest>().HasQueryFilter(r =>
            ScopeAllPeople || r.HolderRegencyCode == ScopeRegencyCode || r.RequesterRegencyCode == ScopeRegencyCode
            || r.HolderInstitutionId == ScopeInstitutionId || r.RequestingInstitutionId == ScopeInstitutionId);
        builder.Entity<BeneficiaryCategory>().HasQueryFilter(ScopeFilter, c =>
            ScopeAllPeople || c.Beneficiary!.RegencyCode == ScopeRegencyCode || c.Beneficiary!.InstitutionId == ScopeInstitutionId);
        builder.Entity<Service>().HasQueryFilter(ScopeFilter, s =>
            ScopeAllPeople || s.RegencyCode == ScopeRegencyCode || s.InstitutionId == ScopeInstitutionId);
        // A deleted service is kept for the audit trail, reached only on purpose (IgnoreQueryFilters([DeletedFilter])).
        builder.Entity<Service>().HasQueryFilter(DeletedFilter, s => s.DeletedAt == null);
        builder.Entity<ServiceVolunteer>().HasQueryFilter(ScopeFilter, v => Services.Any(s => s.Id == v.ServiceId));
        // The referring side and the receiving side (another WKSBM and its district office) both follow a referral.
        // The destination columns are null for most destinations, as is the user's own regency or WKSBM: compared only when set,
        // or EF's null semantics would match null to null and show every such referral to every WKSBM, office and the forum.
        builder.Entity<Referral>().HasQueryFilter(r =>
            ScopeAllPeople || r.RegencyCode == ScopeRegencyCode || r.InstitutionId == ScopeInstitutionId
            || (r.DestinationRegencyCode != null && r.DestinationRegencyCode == ScopeRegencyCode)
            || (r.DestinationInstitutionId != null && r.DestinationInstitutionId == ScopeInstitutionId));
        builder.Entity<ReferralStatusChange>().HasQueryFilter(c => Referrals.Any(r => r.Id == c.ReferralId));
        // Reports are about institutions and hold figures, not people: whoever sees the WKSBM sees its reports.
        builder.Entity<SemesterReport>().HasQueryFilter(r =>
            ScopeAllInstitutions || r.RegencyCode == ScopeRegencyCode || r.InstitutionId == ScopeInstitutionId);
        builder.Entity<SemesterReportStep>().HasQueryFilter(s => SemesterReports.Any(r => r.Id == s.ReportId));
        // Volunteers and documents hold personal data: the people scope, not the forum's or partners'.
        builder.Entity<Volunteer>().HasQueryFilter(v =>
            ScopeAllPeople || v.RegencyCode == ScopeRegencyCode || v.InstitutionId == ScopeInstitutionId);
        builder.Entity<InstitutionDocument>().HasQueryFilter(d =>
            ScopeAllPeople || d.RegencyCode == ScopeRegencyCode || d.InstitutionId == ScopeInstitutionId);
        // Assessments are about institutions: whoever sees the WKSBM sees how strong it is.
        builder.Entity<Assessment>().HasQueryFilter(a =>
            ScopeAllInstitutions || a.RegencyCode == ScopeRegencyCode || a.InstitutionId == ScopeInstitutionId);
        builder.Entity<AssessmentScore>().HasQueryFilter(s => Assessments.Any(a => a.Id == s.AssessmentId));
        builder.Entity<Distribution>().HasQueryFilter(ScopeFilter, d =>
            ScopeAllPeople || d.RegencyCode == ScopeRegencyCode || d.InstitutionId == ScopeInstitutionId
            || (ScopePartnerId != null && d.PartnerId == ScopePartnerId));
        builder.Entity<Distribution>().HasQueryFilter(DeletedFilter, d => d.DeletedAt == null);
    }

    /// <summary>
    /// Our ids are set by the code (GUID v7). Marked as never generated by the database, so a new child found
    /// through a navigation (a board member added to a WKSBM) is inserted rather than taken for an existing row.
    /// </summary>
    private static void ClientGeneratedKeys(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.FindPrimaryKey()?.Properties is [{ ClrType: var type } key] && type == typeof(Guid))
            {
                key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Sex>().HaveConversion<SlugConverter<Sex>>().HaveMaxLength(16);
        configurationBuilder.Properties<InstitutionStatus>().HaveConversion<SlugConverter<InstitutionStatus>>().HaveMaxLength(32);
        configurationBuilder.Properties<BoardPosition>().HaveConversion<SlugConverter<BoardPosition>>().HaveMaxLength(32);
        configurationBuilder.Properties<ServiceKind>().HaveConversion<SlugConverter<ServiceKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<ServiceForm>().HaveConversion<SlugConverter<ServiceForm>>().HaveMaxLength(32);
        configurationBuilder.Properties<FundingSource>().HaveConversion<SlugConverter<FundingSource>>().HaveMaxLength(32);
        configurationBuilder.Properties<Pillar>().HaveConversion<SlugConverter<Pillar>>().HaveMaxLength(32);
        configurationBuilder.Properties<WahanaRole>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<BeneficiaryStatus>().HaveConversion<SlugConverter<BeneficiaryStatus>>().HaveMaxLength(32);
        configurationBuilder.Properties<DuplicateDecision>().HaveConversion<SlugConverter<DuplicateDecision>>().HaveMaxLength(32);
        configurationBuilder.Properties<ShareRequestStatus>().HaveConversion<SlugConverter<ShareRequestStatus>>().HaveMaxLength(32);
        configurationBuilder.Properties<ReferralDestination>().HaveConversion<SlugConverter<ReferralDestination>>().HaveMaxLength(32);
        configurationBuilder.Properties<ReferralUrgency>().HaveConversion<SlugConverter<ReferralUrgency>>().HaveMaxLength(16);
        configurationBuilder.Properties<ReferralStatus>().HaveConversion<SlugConverter<ReferralStatus>>().HaveMaxLength(16);
        configurationBuilder.Properties<ReportStatus>().HaveConversion<SlugConverter<ReportStatus>>().HaveMaxLength(16);
        configurationBuilder.Properties<ReportAction>().HaveConversion<SlugConverter<ReportAction>>().HaveMaxLength(16);
        configurationBuilder.Properties<RegionLevel>().HaveConversion<SlugConverter<RegionLevel>>().HaveMaxLength(16);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        var touched = FiguresTouched.Of(ChangeTracker);
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        touched.Forget(this);
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        var touched = FiguresTouched.Of(ChangeTracker);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await touched.ForgetAsync(this, cancellationToken);
        return saved;
    }

    /// <summary>Derives region columns, renews row versions and writes the audit entries, in the same transaction.</summary>
    private void PrepareForSave()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case Institution institution:
                    institution.DeriveRegion();
                    if (entry.State == EntityState.Modified)
                    {
                        institution.Version = Guid.NewGuid();
                    }
                    break;
                case Beneficiary beneficiary:
                    beneficiary.DeriveRegion();
                    if (entry.State == EntityState.Modified)
                    {
                        beneficiary.Version = Guid.NewGuid();
                    }
                    break;
                case Service service when entry.State == EntityState.Modified:
                    service.Version = Guid.NewGuid();
                    break;
                case Referral referral when entry.State == EntityState.Modified:
                    referral.Version = Guid.NewGuid();
                    break;
                case SemesterReport report when entry.State == EntityState.Modified:
                    report.Version = Guid.NewGuid();
                    break;
                case Volunteer volunteer when entry.State == EntityState.Modified:
                    volunteer.Version = Guid.NewGuid();
                    break;
                case Assessment assessment when entry.State == EntityState.Modified:
                    assessment.Version = Guid.NewGuid();
                    break;
            }
        }
        if (!AuditDisabled)
        {
            AuditEntries.AddRange(AuditTrail.EntriesFor(ChangeTracker, CurrentUser));
        }
    }
}
