namespace KooPhone.Emulator.Iam;

/// <summary>
/// A password token request (docs/api-reference.md §7.1) that is well-formed. Whether its credentials and
/// scope are right is decided afterwards, in that order, as IAM does.
/// </summary>
public sealed class IamTokenRequest
{
    /// <summary>auth.identity.password.user.name.</summary>
    public required string UserName { get; init; }

    /// <summary>auth.identity.password.user.password.</summary>
    public required string Password { get; init; }

    /// <summary>auth.identity.password.user.domain.name.</summary>
    public required string DomainName { get; init; }

    /// <summary>True when auth.scope names a domain instead of a project.</summary>
    public bool DomainScoped { get; init; }

    /// <summary>auth.scope.project.name, if given.</summary>
    public string? ProjectName { get; init; }

    /// <summary>auth.scope.project.id, if given.</summary>
    public string? ProjectId { get; init; }
}
