using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace KooPhone.Emulator.Auth;

/// <summary>Accepts requests whose X-Auth-Token header is exactly one of the --token values.</summary>
public sealed class StaticTokenAuthenticator : IRequestAuthenticator
{
    /// <summary>The header carrying an IAM token (§2.2); header names are case-insensitive.</summary>
    public const string HeaderName = "X-Auth-Token";

    private static readonly AuthenticationOutcome Invalid = AuthenticationOutcome.Failure(
        "APIGW.0301", "Incorrect IAM authentication information: token invalid");

    private readonly byte[][] tokens;

    /// <summary>Creates an authenticator for the given accepted tokens.</summary>
    public StaticTokenAuthenticator(IEnumerable<string> acceptedTokens)
    {
        tokens = acceptedTokens.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    /// <inheritdoc />
    public ValueTask<AuthenticationOutcome> AuthenticateAsync(HttpContext context)
    {
        StringValues values = context.Request.Headers[HeaderName];
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return ValueTask.FromResult(Invalid);
        }

        // Constant-time comparison: good hygiene for secrets even in an emulator.
        byte[] presented = Encoding.UTF8.GetBytes(values[0]!);
        foreach (byte[] token in tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, token))
            {
                return ValueTask.FromResult(AuthenticationOutcome.Success);
            }
        }

        return ValueTask.FromResult(Invalid);
    }
}
