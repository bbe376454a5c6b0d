using System.Text.Json;
using System.Threading.Tasks;
using KooPhone.Emulator.Admin;
using KooPhone.Emulator.Hosting;
using KooPhone.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Api;

/// <summary>
/// ExecuteInstanceAuthToken (docs/api-reference.md §5.11), StopInstancesSession (§5.19) and StopInstancesStreaming
/// (docs/api-reference.md §5.20): one instance each. The device token is a secret: it is only ever in the response.
/// </summary>
public static class StreamingEndpoints
{
    /// <summary>Maps the area's operations.</summary>
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/instances/{instance_id}/auth", ExecuteInstanceAuthToken)
            .WithMetadata(new OperationMarker("ExecuteInstanceAuthToken"));
        v1.MapPost("/instances/session/release", StopInstancesSessionAsync)
            .WithMetadata(new OperationMarker("StopInstancesSession"));
        v1.MapPost("/instances/streaming/stop", StopInstancesStreamingAsync)
            .WithMetadata(new OperationMarker("StopInstancesStreaming"));
    }

    // No body: the instance is in the path, stream_type (1 SDK, 2 H5) optionally in the query.
    private static IResult ExecuteInstanceAuthToken(
        [FromRoute(Name = "instance_id")] string instanceId, HttpContext httpContext, StreamingOperations streaming, RunTimeOptions runTime)
    {
        string? error = InstanceIdListReader.CheckId(instanceId, "instance_id");
        if (error is not null
            || !QueryParameters.TryOptionalInt(httpContext.Request.Query, "stream_type", 1, 2, out int? streamType, out error))
        {
            return ApiResults.InvalidParameter(error!);
        }

        BatchResult<StreamTarget> result = streaming.TryAuthorize(instanceId);
        return result.Refusal is null
            ? ApiResults.Success(DeviceTokenFactory.Create(result.Value!, streamType))
            : RefusalResults.From(result.Refusal, runTime.Current.RefusalIdNaming);
    }

    private static async Task<IResult> StopInstancesSessionAsync(
        HttpContext httpContext, StreamingOperations streaming, ActionLog actions, RunTimeOptions runTime)
    {
        (string? instanceId, string? error) = await ReadInstanceIdAsync(httpContext).ConfigureAwait(false);
        if (instanceId is null)
        {
            return ApiResults.InvalidParameter(error!);
        }

        BatchResult result = streaming.TryReleaseSession(instanceId);
        if (result.Refusal is not null)
        {
            return RefusalResults.From(result.Refusal, runTime.Current.RefusalIdNaming);
        }

        actions.Record(httpContext, new[] { instanceId });
        return ApiResults.Success(null);
    }

    private static async Task<IResult> StopInstancesStreamingAsync(
        HttpContext httpContext, StreamingOperations streaming, ActionLog actions, RunTimeOptions runTime)
    {
        (string? instanceId, string? error) = await ReadInstanceIdAsync(httpContext).ConfigureAwait(false);
        if (instanceId is null)
        {
            return ApiResults.InvalidParameter(error!);
        }

        BatchResult result = streaming.TryStopStreaming(instanceId);
        if (result.Refusal is not null)
        {
            return RefusalResults.From(result.Refusal, runTime.Current.RefusalIdNaming);
        }

        actions.Record(httpContext, new[] { instanceId });
        return ApiResults.Success(null);
    }

    // {"instance_id":"…"}, at most 32 characters.
    private static async Task<(string? InstanceId, string? Error)> ReadInstanceIdAsync(HttpContext httpContext)
    {
        (JsonDocument? document, string? error) = await JsonBody.ReadObjectAsync(httpContext).ConfigureAwait(false);
        if (document is null)
        {
            return (null, error);
        }

        using (document)
        {
            return JsonFields.TryString(document.RootElement, "instance_id", InstanceIdListReader.MaxIdLength, out string id, out error)
                ? (id, null)
                : (null, error);
        }
    }
}
