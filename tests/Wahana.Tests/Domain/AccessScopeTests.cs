using Wahana.Web.Domain;

namespace Wahana.Tests.Domain;

/// <summary>What each role may see, as the DbContext's query filters read it.</summary>
public sealed class AccessScopeTests
{
    private static readonly Guid InstitutionId = Guid.CreateVersion7();
    private static readonly Guid PartnerId = Guid.CreateVersion7();

    [Fact]
    public void The_province_admin_sees_all_institutions_and_all_people()
    {
        var scope = AccessScope.For(WahanaRole.AdminProvinsi, "34.02", InstitutionId, PartnerId);
        Assert.Equal(new AccessScope(true, true, null, null, null), scope);
        Assert.True(scope.SeesPeople);
    }

    [Fact]
    public void A_district_officer_sees_one_regency_only()
    {
        var scope = AccessScope.For(WahanaRole.PetugasKabupaten, "34.02", InstitutionId, PartnerId);
        Assert.Equal(new AccessScope(false, false, "34.02", null, null), scope);
        Assert.True(scope.SeesPeople);
    }

    [Theory]
    [InlineData(WahanaRole.PengurusWksbm)]
    [InlineData(WahanaRole.Relawan)]
    public void Board_members_and_volunteers_see_their_own_WKSBM_only(WahanaRole role)
    {
        var scope = AccessScope.For(role, "34.02", InstitutionId, PartnerId);
        Assert.Equal(new AccessScope(false, false, null, InstitutionId, null), scope);
        Assert.True(scope.SeesPeople);
    }

    [Fact]
    public void The_forum_sees_every_institution_but_no_person()
    {
        var scope = AccessScope.For(WahanaRole.Forum, null, null, null);
        Assert.True(scope.AllInstitutions);
        Assert.False(scope.SeesPeople);
    }

    [Fact]
    public void A_partner_sees_institutions_and_its_own_donations_but_no_person()
    {
        var scope = AccessScope.For(WahanaRole.Mitra, null, null, PartnerId);
        Assert.Equal(new AccessScope(true, false, null, null, PartnerId), scope);
        Assert.False(scope.SeesPeople);
    }

    [Fact]
    public void Nobody_sees_nothing()
    {
        Assert.False(AccessScope.Nobody.AllInstitutions);
        Assert.False(AccessScope.Nobody.SeesPeople);
    }

    [Fact]
    public void A_user_s_scope_must_fit_the_role_and_extra_scope_is_dropped()
    {
        var officer = new WahanaUser { Role = WahanaRole.PetugasKabupaten, ScopeRegencyCode = "34.99", ScopeInstitutionId = InstitutionId };
        Assert.Equal(nameof(WahanaUser.ScopeRegencyCode), Assert.Single(officer.ValidateScope(RegionCatalog.Instance)).Field);
        Assert.Null(officer.ScopeInstitutionId);

        var board = new WahanaUser { Role = WahanaRole.PengurusWksbm, ScopeRegencyCode = "34.02" };
        Assert.Equal(nameof(WahanaUser.ScopeInstitutionId), Assert.Single(board.ValidateScope(RegionCatalog.Instance)).Field);
        Assert.Null(board.ScopeRegencyCode);

        var partner = new WahanaUser { Role = WahanaRole.Mitra };
        Assert.Equal(nameof(WahanaUser.ScopePartnerId), Assert.Single(partner.ValidateScope(RegionCatalog.Instance)).Field);

        var admin = new WahanaUser { Role = WahanaRole.AdminProvinsi, ScopeRegencyCode = "34.02", ScopeInstitutionId = InstitutionId, ScopePartnerId = PartnerId };
        Assert.Empty(admin.ValidateScope(RegionCatalog.Instance));
        Assert.Equal(AccessScope.For(WahanaRole.AdminProvinsi, null, null, null), admin.Scope);
        Assert.Null(admin.ScopeRegencyCode);
        Assert.Null(admin.ScopeInstitutionId);
        Assert.Null(admin.ScopePartnerId);
    }
}
