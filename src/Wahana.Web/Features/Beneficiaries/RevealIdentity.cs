using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Beneficiaries;

/// <summary>
/// Showing a person's full NIK and KK on purpose: with a reason, by the roles of
/// <see cref="WahanaPolicies.IdentityReveal"/>, within scope, and written to the audit trail.
/// </summary>
public static class RevealIdentity
{
    public const string Action = "RevealIdentity";

    public const int MaxReasonLength = 300;

    /// <summary>The reason, trimmed, or the message to show when there is none or it is too long.</summary>
    public static (string? Reason, string? Error) CheckReason(string? reason)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length == 0)
        {
            return (null, "Tuliskan alasan membuka NIK dan No. KK lengkap (misalnya: verifikasi data dengan Dukcapil).");
        }
        if (text.Length > MaxReasonLength)
        {
            return (null, $"Alasan paling banyak {MaxReasonLength} karakter; yang diisi {text.Length} karakter.");
        }
        return (text, null);
    }

    /// <summary>The audit entry of a reveal, with the reason in its new values.</summary>
    public static AuditEntry Audit(CurrentUser user, Guid beneficiaryId, string reason) =>
        ActionAudit.Entry(user, Action, nameof(Beneficiary), beneficiaryId.ToString(), new Dictionary<string, object?> { ["reason"] = reason });
}
