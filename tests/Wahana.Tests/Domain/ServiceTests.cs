using Wahana.Web.Domain;

namespace Wahana.Tests.Domain;

/// <summary>The rules of one service record.</summary>
public sealed class ServiceTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static Service Valid() => new()
    {
        BeneficiaryId = Guid.CreateVersion7(),
        InstitutionId = Guid.CreateVersion7(),
        RegencyCode = "34.02",
        Date = new DateOnly(2026, 11, 2),
        Kind = ServiceKind.Santunan,
        Form = ServiceForm.Tunai,
        ValueRupiah = 300_000,
        FundingSource = FundingSource.DanaDesa,
    };

    private static void AssertOnlyError(Service service, string field)
    {
        var errors = service.Validate(Today);
        Assert.True(errors.Count == 1 && errors[0].Field == field,
            $"Expected one error on {field}, got: " + string.Join(" | ", errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    [Fact]
    public void The_valid_service_has_no_errors_and_belongs_to_its_semester()
    {
        var service = Valid();
        Assert.Empty(service.Validate(Today));
        Assert.Equal(new Semester(2026, 2), service.Semester);
    }

    [Fact]
    public void A_beneficiary_and_an_institution_are_required()
    {
        var noBeneficiary = Valid();
        noBeneficiary.BeneficiaryId = Guid.Empty;
        AssertOnlyError(noBeneficiary, nameof(Service.BeneficiaryId));

        var noInstitution = Valid();
        noInstitution.InstitutionId = Guid.Empty;
        AssertOnlyError(noInstitution, nameof(Service.InstitutionId));
    }

    [Fact]
    public void The_date_is_not_in_the_future_nor_before_2000()
    {
        var future = Valid();
        future.Date = Today.AddDays(1);
        AssertOnlyError(future, nameof(Service.Date));

        var ancient = Valid();
        ancient.Date = new DateOnly(1999, 12, 31);
        AssertOnlyError(ancient, nameof(Service.Date));

        var today = Valid();
        today.Date = Today;
        Assert.Empty(today.Validate(Today));
    }

    [Fact]
    public void A_value_is_never_negative()
    {
        var s = Valid();
        s.ValueRupiah = -1;
        AssertOnlyError(s, nameof(Service.ValueRupiah));
    }

    [Fact]
    public void Cash_aid_has_a_value_but_mentoring_may_be_free()
    {
        var cash = Valid();
        cash.ValueRupiah = 0;
        AssertOnlyError(cash, nameof(Service.ValueRupiah));

        var mentoring = Valid();
        mentoring.Kind = ServiceKind.Pemberdayaan;
        mentoring.Form = ServiceForm.Pendampingan;
        mentoring.ValueRupiah = 0;
        Assert.Empty(mentoring.Validate(Today));
    }

    [Theory]
    [InlineData(FundingSource.Donasi)]
    [InlineData(FundingSource.Csr)]
    public void Donations_and_CSR_name_their_partner(FundingSource source)
    {
        var s = Valid();
        s.FundingSource = source;
        AssertOnlyError(s, nameof(Service.PartnerId));

        s.PartnerId = Guid.CreateVersion7();
        Assert.Empty(s.Validate(Today));
    }
}
