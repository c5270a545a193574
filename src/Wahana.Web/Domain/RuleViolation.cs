namespace Wahana.Web.Domain;

/// <summary>A broken domain rule: the field it concerns and a message in Indonesian for the user.</summary>
public sealed record RuleViolation(string Field, string Message);
