using System.Text.Json;
using System.Threading.Tasks;
using KooPhone.Emulator.Admin;
using KooPhone.Emulator.Api.Contracts;
using KooPhone.Emulator.Hosting;
using KooPhone.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Api;

/// <summary>BatchPrepareInstances (docs/api-reference.md §5.3) and ShowProgress (§5.18). Both report unknown instances as KOOPHONE.API.4001.</summary>
public static class PrepareEndpoints
{
    /// <summary>Maps the area's operations.</summary>
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/instances/prepare", BatchPrepareInstancesAsync)
            .WithMetadata(new OperationMarker("BatchPrepareInstances"));
        v1.MapPost("/instances/prepare-progress", ShowProgressAsync)
            .WithMetadata(new OperationMarker("ShowProgress"));
    }

    private static async Task<IResult> BatchPrepareInstancesAsync(
        HttpContext httpContext, PrepareOperations prepare, EmulatorOptions options, ActionLog actions, RunTimeOptions runTime)
    {
        (JsonDocument? document, string? error) = await JsonBody.ReadObjectAsync(httpContext).ConfigureAwait(false);
        if (document is null)
        {
            return ApiResults.InvalidParameter(error!);
        }

        string userId;
        InstanceIdListResult read;
        using (document)
        {
            if (!JsonFields.TryString(document.RootElement, "user_id", InstanceIdListReader.MaxIdLength, out userId, out error))
            {
                return ApiResults.InvalidParameter(error!);
            }

            read = InstanceIdListReader.ReadList(document.RootElement, InstanceIdListReader.InstanceIdsField);
            if (read.Ids is null)
            {
                return ApiResults.InvalidParameter(read.Error!);
            }
        }

        BatchResult<int[]> result = prepare.TryPrepare(userId, read.Ids, options.JobDelay);
        if (result.Refusal is not null)
        {
            // Under --rejected-batches partly-applied the healthy IDs were carried out all the same.
            actions.Record(httpContext, result.Refusal.CarriedOutIds);
            return RefusalResults.From(result.Refusal, runTime.Current.RefusalIdNaming, ApiErrorCodes.InstanceNotFound);
        }

        actions.Record(httpContext, read.Ids);
        var statuses = new PrepareStatus[read.Ids.Count];
        for (int i = 0; i < statuses.Length; i++)
        {
            statuses[i] = new PrepareStatus(read.Ids[i], result.Value![i]);
        }

        return ApiResults.Success(new PrepareData(statuses));
    }

    private static async Task<IResult> ShowProgressAsync(HttpContext httpContext, PrepareOperations prepare, RunTimeOptions runTime)
    {
        (JsonDocument? document, string? error) = await JsonBody.ReadObjectAsync(httpContext).ConfigureAwait(false);
        if (document is null)
        {
            return ApiResults.InvalidParameter(error!);
        }

        string instanceId;
        using (document)
        {
            if (!JsonFields.TryString(document.RootElement, "user_id", InstanceIdListReader.MaxIdLength, out _, out error)
                || !JsonFields.TryString(document.RootElement, "instance_id", InstanceIdListReader.MaxIdLength, out instanceId, out error))
            {
                return ApiResults.InvalidParameter(error!);
            }
        }

        BatchResult<PrepareProgress> result = prepare.TryShowProgress(instanceId);
        if (result.Refusal is not null)
        {
            return RefusalResults.From(result.Refusal, runTime.Current.RefusalIdNaming, ApiErrorCodes.InstanceNotFound);
        }

        return ApiResults.Success(new ProgressData(result.Value.Status, result.Value.WaitingSeconds));
    }
}
