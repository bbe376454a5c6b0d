using System;
using System.Text.Json;
using System.Threading.Tasks;
using KooPhone.Emulator.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Admin;

/// <summary>
/// Counts and revokes the IAM tokens the emulator issued, and revokes --token values. Answers
/// hold counts only, never tokens.
/// </summary>
public static class TokenAdminEndpoints
{
    /// <summary>Maps the endpoints onto the admin group.</summary>
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/tokens", (IssuedTokenStore tokens, TimeProvider time) => AdminResults.Json(tokens.Count(time.GetUtcNow())));

        // Simulates IAM invalidating tokens early (a password change, say): clients must log in again.
        admin.MapPost("/tokens/revoke", (IssuedTokenStore tokens, TimeProvider time) =>
        {
            tokens.RevokeAll();
            return AdminResults.Json(tokens.Count(time.GetUtcNow()));
        });

        admin.MapPost("/tokens/revoke-static", RevokeStaticAsync);
    }

    // The body names the token, so the message on a mismatch must not repeat it.
    private static async Task<IResult> RevokeStaticAsync(HttpContext httpContext, StaticTokenSet staticTokens)
    {
        (JsonDocument? document, string? error) = await AdminJsonBody.ReadAsync(httpContext).ConfigureAwait(false);
        if (document is null)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, error!);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.GetPropertyCount() != 1
                || !root.TryGetProperty("token", out JsonElement token) || token.ValueKind != JsonValueKind.String)
            {
                return AdminResults.Error(StatusCodes.Status400BadRequest, "body must be {\"token\":\"<a --token value>\"}");
            }

            return staticTokens.Revoke(token.GetString()!)
                ? Results.NoContent()
                : AdminResults.Error(StatusCodes.Status404NotFound, "the token is not one of the --token values");
        }
    }
}
