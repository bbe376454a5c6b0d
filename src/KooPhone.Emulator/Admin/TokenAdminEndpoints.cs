using System;
using KooPhone.Emulator.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Admin;

/// <summary>Counts and revokes the IAM tokens the emulator issued. Answers hold counts only, never tokens.</summary>
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
    }
}
