using Wahana.Web.Domain;

namespace Wahana.Web.Features.Institutions;

/// <summary>What a user may send to create or change a WKSBM, from the form or the API.</summary>
public sealed class InstitutionInput
{
    public string? Name { get; set; }

    public string? VillageCode { get; set; }

    public string? Hamlet { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public DateOnly? EstablishedOn { get; set; }

    public string? DecreeNumber { get; set; }

    public DateOnly? DecreeDate { get; set; }

    public string? DecreeIssuer { get; set; }

    public InstitutionStatus Status { get; set; } = InstitutionStatus.Aktif;

    public string? DeactivationReason { get; set; }

    public List<BoardMemberInput> BoardMembers { get; set; } = [];

    /// <summary>The row version the user started from, to detect concurrent edits.</summary>
    public Guid? Version { get; set; }

    public static InstitutionInput From(Institution institution) => new()
    {
        Name = institution.Name,
        VillageCode = institution.VillageCode,
        Hamlet = institution.Hamlet,
        Address = institution.Address,
        Phone = institution.Phone,
        Email = institution.Email,
        EstablishedOn = institution.EstablishedOn,
        DecreeNumber = institution.DecreeNumber,
        DecreeDate = institution.DecreeDate,
        DecreeIssuer = institution.DecreeIssuer,
        Status = institution.Status,
        DeactivationReason = institution.DeactivationReason,
        Version = institution.Version,
        BoardMembers = [.. institution.BoardMembers.OrderBy(m => m.Position).ThenBy(m => m.Id).Select(m => new BoardMemberInput
        {
            Name = m.Name,
            Position = m.Position,
            Phone = m.Phone,
            TermStart = m.TermStart,
            TermEnd = m.TermEnd,
        })],
    };
}

public sealed class BoardMemberInput
{
    public string? Name { get; set; }

    public BoardPosition Position { get; set; } = BoardPosition.Anggota;

    public string? Phone { get; set; }

    public DateOnly? TermStart { get; set; }

    public DateOnly? TermEnd { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Phone);
}
