using Wahana.Web.Domain;

namespace Wahana.Tests.Domain;

/// <summary>The rules of a WKSBM: a DIY kalurahan, a padukuhan, an SK, and at least a chair and a secretary when active.</summary>
public sealed class InstitutionTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly RegionCatalog Regions = RegionCatalog.Instance;

    private static Institution Valid() => new()
    {
        Name = "WKSBM Ngudi Rahayu",
        VillageCode = "34.02.15.2003",
        Hamlet = "Padukuhan Glugo",
        EstablishedOn = new DateOnly(2014, 3, 1),
        DecreeNumber = "141/12/SK/2014",
        DecreeDate = new DateOnly(2014, 3, 10),
        DecreeIssuer = "Lurah Bangunharjo",
        Status = InstitutionStatus.Aktif,
        BoardMembers =
        [
            new BoardMember { Name = "Suparman", Position = BoardPosition.Ketua },
            new BoardMember { Name = "Wulandari", Position = BoardPosition.Sekretaris },
        ],
    };

    private static void AssertOnlyError(Institution institution, string field)
    {
        var errors = institution.Validate(Regions, Today);
        Assert.True(errors.Count == 1 && errors[0].Field == field,
            $"Expected one error on {field}, got: " + string.Join(" | ", errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    [Fact]
    public void The_valid_institution_has_no_errors()
    {
        var institution = Valid();
        Assert.Empty(institution.Validate(Regions, Today));
        Assert.True(institution.HasMinimumStructure);
    }

    [Fact]
    public void A_name_is_required()
    {
        var i = Valid();
        i.Name = " ";
        AssertOnlyError(i, nameof(Institution.Name));
    }

    [Theory]
    [InlineData("34.02.15")]
    [InlineData("33.01.01.2001")]
    [InlineData("")]
    public void The_village_must_be_a_DIY_kalurahan(string villageCode)
    {
        var i = Valid();
        i.VillageCode = villageCode;
        AssertOnlyError(i, nameof(Institution.VillageCode));
    }

    [Fact]
    public void A_city_kelurahan_is_a_valid_village()
    {
        var i = Valid();
        i.VillageCode = RegionCatalog.Instance.ChildrenOf("34.71.01")[0].Code;
        Assert.Empty(i.Validate(Regions, Today));
    }

    [Fact]
    public void The_padukuhan_or_RW_is_required()
    {
        var i = Valid();
        i.Hamlet = "";
        AssertOnlyError(i, nameof(Institution.Hamlet));
    }

    [Fact]
    public void Dates_cannot_be_in_the_future()
    {
        var established = Valid();
        established.EstablishedOn = Today.AddDays(1);
        AssertOnlyError(established, nameof(Institution.EstablishedOn));

        var decree = Valid();
        decree.DecreeDate = Today.AddDays(1);
        AssertOnlyError(decree, nameof(Institution.DecreeDate));

        var today = Valid();
        today.EstablishedOn = Today;
        today.DecreeDate = Today;
        Assert.Empty(today.Validate(Regions, Today));
    }

    [Fact]
    public void A_decree_date_needs_a_decree_number()
    {
        var i = Valid();
        i.DecreeNumber = null;
        AssertOnlyError(i, nameof(Institution.DecreeNumber));
    }

    [Theory]
    [InlineData(BoardPosition.Ketua)]
    [InlineData(BoardPosition.Sekretaris)]
    public void An_active_WKSBM_needs_both_a_chair_and_a_secretary(BoardPosition missing)
    {
        var i = Valid();
        i.BoardMembers.RemoveAll(m => m.Position == missing);
        Assert.False(i.HasMinimumStructure);
        AssertOnlyError(i, nameof(Institution.BoardMembers));
    }

    [Fact]
    public void A_WKSBM_being_formed_may_lack_its_board()
    {
        var i = Valid();
        i.BoardMembers.Clear();
        i.Status = InstitutionStatus.Pembentukan;
        Assert.Empty(i.Validate(Regions, Today));
    }

    [Fact]
    public void Every_board_member_needs_a_name()
    {
        var i = Valid();
        i.BoardMembers.Add(new BoardMember { Name = "", Position = BoardPosition.Bendahara });
        AssertOnlyError(i, nameof(Institution.BoardMembers));
    }

    [Fact]
    public void DeriveRegion_takes_the_regency_from_the_village()
    {
        var i = Valid();
        i.VillageCode = RegionCatalog.Instance.ChildrenOf("34.71.01")[0].Code;
        i.DeriveRegion();
        Assert.Equal("34.71", i.RegencyCode);
    }
}
