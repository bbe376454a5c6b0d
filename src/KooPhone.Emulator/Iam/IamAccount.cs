using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using KooPhone.Emulator.Hosting;

namespace KooPhone.Emulator.Iam;

/// <summary>
/// The one IAM user the emulator knows, its account (domain) and its project, with stable IDs
/// derived from the names, and the checks of a token request against them.
/// </summary>
public sealed class IamAccount
{
    private readonly byte[] userName;
    private readonly byte[] password;
    private readonly byte[] domainName;

    /// <summary>Takes the user, domain and project from the options.</summary>
    public IamAccount(EmulatorOptions options)
    {
        UserName = options.IamUser;
        DomainName = options.IamDomain;
        ProjectId = options.ProjectId;
        ProjectName = options.ProjectName;
        Projects = new[] { new IamProjectEntry(options.ProjectName, options.ProjectId) }.Concat(options.OtherProjects).ToArray();
        UserId = DerivedId("user:" + options.IamDomain + "/" + options.IamUser);
        DomainId = DerivedId("domain:" + options.IamDomain);
        userName = Encoding.UTF8.GetBytes(options.IamUser);
        password = Encoding.UTF8.GetBytes(options.IamPassword);
        domainName = Encoding.UTF8.GetBytes(options.IamDomain);
    }

    /// <summary>The IAM user's name.</summary>
    public string UserName { get; }

    /// <summary>The user's ID (32 hex characters).</summary>
    public string UserId { get; }

    /// <summary>The account (domain) name.</summary>
    public string DomainName { get; }

    /// <summary>The account's ID (32 hex characters).</summary>
    public string DomainId { get; }

    /// <summary>The project's ID.</summary>
    public string ProjectId { get; }

    /// <summary>The project's name.</summary>
    public string ProjectName { get; }

    /// <summary>Every project of the account: the one above, then the --iam-project ones.</summary>
    public IReadOnlyList<IamProjectEntry> Projects { get; }

    /// <summary>
    /// Whether user, password and domain are all right. All three are compared in constant time
    /// and the results combined without short-circuiting, so timing tells nothing either.
    /// </summary>
    public bool CredentialsMatch(IamTokenRequest request) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(request.UserName), userName)
        & CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(request.Password), password)
        & CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(request.DomainName), domainName);

    /// <summary>Why the request's scope is not this account's project, or null when it is.</summary>
    public string? ScopeProblem(IamTokenRequest request)
    {
        if (request.DomainScoped)
        {
            return "a domain-scoped token cannot be used for KooPhone: scope the token to a project (auth.scope.project)";
        }

        if (request.ProjectName is not null && !string.Equals(request.ProjectName, ProjectName, StringComparison.Ordinal))
        {
            return $"auth.scope.project.name '{request.ProjectName}' is not a project of this account";
        }

        if (request.ProjectId is not null && !string.Equals(request.ProjectId, ProjectId, StringComparison.Ordinal))
        {
            return $"auth.scope.project.id '{request.ProjectId}' is not a project of this account";
        }

        return null;
    }

    // Stable across runs, so tests and logs can rely on the IDs.
    private static string DerivedId(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}
