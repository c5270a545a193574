namespace Wahana.Web.Features.Services;

/// <summary>
/// One service as the form and the API send it. Codes are the slugs of DOMAIN.md; the value is text as typed
/// ("150.000", "150000", "Rp 150.000"), or a whole number from the API.
/// </summary>
public sealed class ServiceInput
{
    /// <summary>The id a client chose for a new service (API, optional).</summary>
    public Guid? Id { get; set; }

    public Guid? BeneficiaryId { get; set; }

    /// <summary>The WKSBM that gave the service: the person's WKSBM (or the user's own); may be left out.</summary>
    public Guid? InstitutionId { get; set; }

    public DateOnly? Date { get; set; }

    public string? Kind { get; set; }

    public string? Form { get; set; }

    /// <summary>The value as typed on the form; blank means no rupiah value (0).</summary>
    public string? Value { get; set; }

    /// <summary>The value as a whole number (API), used when <see cref="Value"/> is null.</summary>
    public long? ValueRupiah { get; set; }

    /// <summary>The API sent a value that is no whole number (1.5, true, an object).</summary>
    public bool ValueUnreadable { get; set; }

    public string? FundingSource { get; set; }

    public Guid? PartnerId { get; set; }

    public List<Guid> VolunteerIds { get; set; } = [];

    public string? Notes { get; set; }

    /// <summary>The user confirms a value above Rp 100.000.000 for one person.</summary>
    public bool ConfirmLargeValue { get; set; }

    /// <summary>The version of the service the user read (edits only).</summary>
    public Guid? Version { get; set; }
}
