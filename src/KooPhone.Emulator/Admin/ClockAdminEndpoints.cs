using System;
using System.Text.Json;
using System.Threading.Tasks;
using KooPhone.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Admin;

/// <summary>
/// Reads the emulator's clock and, under <c>--clock manual</c>, moves it forward
/// (<c>{"advanceMs":N}</c>). A reset leaves the clock alone: time only goes forward.
/// </summary>
public static class ClockAdminEndpoints
{
    /// <summary>The largest single move, a day: far beyond any job delay, lag or test token lifetime.</summary>
    public const long MaxAdvanceMs = 86_400_000;

    /// <summary>Maps the endpoints onto the admin group.</summary>
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/clock", (TimeProvider time) => AdminResults.Json(Describe(time)));
        admin.MapPost("/clock", AdvanceAsync);
    }

    private static async Task<IResult> AdvanceAsync(HttpContext httpContext, TimeProvider time)
    {
        if (time is not ManualClock clock)
        {
            return AdminResults.Error(StatusCodes.Status409Conflict, "the clock follows real time; start the emulator with --clock manual to move it");
        }

        (JsonDocument? document, string? error) = await AdminJsonBody.ReadAsync(httpContext).ConfigureAwait(false);
        if (document is null)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, error!);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("advanceMs", out JsonElement advance)
                || !advance.TryGetInt64(out long advanceMs) || advanceMs < 0 || advanceMs > MaxAdvanceMs)
            {
                return AdminResults.Error(StatusCodes.Status400BadRequest, $"'advanceMs' must be an integer from 0 to {MaxAdvanceMs}");
            }

            clock.Advance(TimeSpan.FromMilliseconds(advanceMs));
            return AdminResults.Json(Describe(time));
        }
    }

    private static object Describe(TimeProvider time) => new { manual = time is ManualClock, now = time.GetUtcNow() };
}
