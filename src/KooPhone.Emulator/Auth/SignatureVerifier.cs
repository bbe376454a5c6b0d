using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using KooPhone.Emulator.Api;
using KooPhone.Emulator.Auth.Signing;
using KooPhone.Emulator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace KooPhone.Emulator.Auth;

/// <summary>
/// Verifies an AK/SK-signed request (docs/api-reference.md §8) as the API gateway would: the access key, the
/// X-Sdk-Date and its skew, the signed-header list, the project and security token headers, and
/// finally the signature recomputed over what was actually received. Failure messages name the
/// rule that failed but never echo a key, token or signature.
/// </summary>
public sealed class SignatureVerifier : ICredentialVerifier
{
    /// <summary>The project header the SDK signs on every call of a project-level service (docs/api-reference.md §7.3).</summary>
    public const string ProjectIdHeader = "X-Project-Id";

    /// <summary>The temporary-credential header (docs/api-reference.md §7.4).</summary>
    public const string SecurityTokenHeader = "X-Security-Token";

    /// <summary>How far X-Sdk-Date may be from the gateway's clock (docs/api-reference.md §8.1).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    private readonly byte[] accessKey;
    private readonly string secretKey;
    private readonly byte[]? securityToken;
    private readonly string projectId;
    private readonly TimeProvider time;

    /// <summary>Creates the authenticator for the configured key pair and project.</summary>
    public SignatureVerifier(EmulatorOptions options, TimeProvider time)
    {
        accessKey = Encoding.UTF8.GetBytes(options.AccessKey);
        secretKey = options.SecretKey;
        securityToken = options.SecurityToken is null ? null : Encoding.UTF8.GetBytes(options.SecurityToken);
        projectId = options.ProjectId;
        this.time = time;
    }

    /// <inheritdoc />
    public ValueTask<AuthenticationOutcome> AuthenticateAsync(HttpContext context) => AuthenticateAsync(context, projectRequired: true);

    /// <summary>
    /// Verifies the signature; <paramref name="projectRequired"/> is false for IAM's project
    /// listing, which a client calls to learn the project and so signs without X-Project-Id.
    /// </summary>
    public async ValueTask<AuthenticationOutcome> AuthenticateAsync(HttpContext context, bool projectRequired)
    {
        HttpRequest request = context.Request;
        if (!SdkAuthorization.TryParse(request.Headers.Authorization.ToString(), out SdkAuthorization? authorization, out string? problem))
        {
            return Invalid(problem!);
        }

        if (!FixedTimeEquals(authorization!.AccessKey, accessKey))
        {
            return Invalid("unknown access key");
        }

        string? dateText = Single(request.Headers[SdkDate.HeaderName]);
        if (!SdkDate.TryParse(dateText, out DateTimeOffset date))
        {
            return Invalid($"the {SdkDate.HeaderName} header is missing or not in the form yyyyMMddTHHmmssZ");
        }

        if ((time.GetUtcNow() - date).Duration() > MaxClockSkew)
        {
            return AuthenticationOutcome.Failure(ApiErrorCodes.RequestDateSkewed, "the request date is more than 15 minutes off the gateway's");
        }

        string? headerProblem = CheckSignedHeaders(request, authorization.SignedHeaders, projectRequired);
        if (headerProblem is not null)
        {
            return Invalid(headerProblem);
        }

        string payloadHash = await HashBodyAsync(request).ConfigureAwait(false);
        (string rawPath, string rawQuery) = RawTarget(context);
        string canonical = CanonicalRequest.Build(
            request.Method, rawPath, rawQuery, SignedHeaderValues(request, authorization.SignedHeaders), payloadHash);
        string expected = SdkSignature.Compute(secretKey, SdkSignature.StringToSign(dateText!, canonical));
        return FixedTimeEquals(authorization.Signature, Encoding.ASCII.GetBytes(expected))
            ? AuthenticationOutcome.Success
            : Invalid("signature does not match");
    }

    // The header rules, in the order the reference lists them; null when all hold.
    private string? CheckSignedHeaders(HttpRequest request, IReadOnlyList<string> signed, bool projectRequired)
    {
        foreach (string required in new[] { "host", "x-sdk-date" })
        {
            if (!Contains(signed, required))
            {
                return $"SignedHeaders must include '{required}'";
            }
        }

        foreach (string name in signed)
        {
            if (!request.Headers.ContainsKey(name))
            {
                return $"the signed header '{name}' is missing from the request";
            }
        }

        if (!projectRequired)
        {
            return CheckSecurityToken(request, signed);
        }

        string? project = Single(request.Headers[ProjectIdHeader]);
        if (project is null)
        {
            return $"the {ProjectIdHeader} header is missing";
        }

        if (!Contains(signed, ProjectIdHeader.ToLowerInvariant()))
        {
            return $"the {ProjectIdHeader} header is not signed";
        }

        if (!string.Equals(project.Trim(), projectId, StringComparison.Ordinal))
        {
            return $"the {ProjectIdHeader} header does not name this account's project";
        }

        return CheckSecurityToken(request, signed);
    }

    // A temporary credential's token must be the configured one and signed (docs/api-reference.md §7.4); a permanent key
    // has no token, so a request carrying one with it is as wrong as a wrong token.
    private string? CheckSecurityToken(HttpRequest request, IReadOnlyList<string> signed)
    {
        StringValues presented = request.Headers[SecurityTokenHeader];
        if (presented.Count == 0)
        {
            return null;
        }

        if (securityToken is null || presented.Count != 1 || !FixedTimeEquals(presented[0]!, securityToken))
        {
            return $"the {SecurityTokenHeader} header is not valid for this access key";
        }

        return Contains(signed, SecurityTokenHeader.ToLowerInvariant()) ? null : $"the {SecurityTokenHeader} header is not signed";
    }

    private static IEnumerable<KeyValuePair<string, string>> SignedHeaderValues(HttpRequest request, IReadOnlyList<string> signed)
    {
        foreach (string name in signed)
        {
            yield return new KeyValuePair<string, string>(name, request.Headers[name].ToString());
        }
    }

    // The body stays readable for the endpoint: buffered, hashed, then rewound.
    private static async Task<string> HashBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        return SdkSignature.HashHex(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    // Path and query exactly as they came on the request line: Request.Path is already decoded
    // (except %2F), and the canonical form must decode and re-encode each part itself.
    private static (string Path, string Query) RawTarget(HttpContext context)
    {
        string? target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            HttpRequest request = context.Request;
            return (request.PathBase.Add(request.Path).ToUriComponent(), request.QueryString.Value ?? string.Empty);
        }

        if (!target.StartsWith('/') && Uri.TryCreate(target, UriKind.Absolute, out Uri? absolute))
        {
            // Absolute-form request target (a client talking as if to a proxy).
            target = absolute.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
        }

        int question = target.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (target, string.Empty) : (target.Substring(0, question), target.Substring(question + 1));
    }

    private static string? Single(StringValues values) => values.Count == 1 ? values[0] : null;

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (string item in list)
        {
            if (item == value)
            {
                return true;
            }
        }

        return false;
    }

    // Constant time, so response timing says nothing about how much of a secret matched.
    private static bool FixedTimeEquals(string presented, byte[] expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), expected);

    private static AuthenticationOutcome Invalid(string detail) =>
        AuthenticationOutcome.Failure(ApiErrorCodes.AuthenticationFailed, "Incorrect IAM authentication information: " + detail);
}
