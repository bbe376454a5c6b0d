using System.Collections.Generic;
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

/// <summary>BatchRebootInstance (docs/api-reference.md §5.4), BatchResetInstance (§5.5) and DeleteInstance (§5.10).</summary>
public static class LifecycleEndpoints
{
    /// <summary>Maps the area's operations.</summary>
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/instances/reboot", BatchRebootInstanceAsync)
            .WithMetadata(new OperationMarker("BatchRebootInstance"));
        v1.MapPost("/instances/batch-reset", BatchResetInstanceAsync)
            .WithMetadata(new OperationMarker("BatchResetInstance"));
        v1.MapPost("/instances/delete", DeleteInstanceAsync)
            .WithMetadata(new OperationMarker("DeleteInstance"));
    }

    // Fire-and-forget: no task, no data (docs/api-reference.md §5.4).
    private static async Task<IResult> BatchRebootInstanceAsync(
        HttpContext httpContext, LifecycleOperations lifecycle, EmulatorOptions options, ActionLog actions, RunTimeOptions runTime)
    {
        InstanceIdListResult read = await InstanceIdListReader.ReadAsync(httpContext).ConfigureAwait(false);
        if (read.Ids is null)
        {
            return ApiResults.InvalidParameter(read.Error!);
        }

        BatchResult result = lifecycle.TryReboot(read.Ids, options.JobDelay);
        if (result.Refusal is not null)
        {
            // Under --rejected-batches partly-applied the healthy IDs were carried out all the same.
            actions.Record(httpContext, result.Refusal.CarriedOutIds);
            return RefusalResults.From(result.Refusal, runTime.Current.RefusalIdNaming);
        }

        actions.Record(httpContext, read.Ids);
        return ApiResults.Success(null);
    }

    private static async Task<IResult> BatchResetInstanceAsync(
        HttpContext httpContext, LifecycleOperations lifecycle, TaskStore tasks, EmulatorOptions options, ActionLog actions,
        RunTimeOptions runTime)
    {
        InstanceIdListResult read = await InstanceIdListReader.ReadAsync(httpContext).ConfigureAwait(false);
        if (read.Ids is null)
        {
            return ApiResults.InvalidParameter(read.Error!);
        }

        BatchResult result = lifecycle.TryReset(read.Ids, options.JobDelay);
        if (result.Refusal is not null)
        {
            // Under --rejected-batches partly-applied the healthy IDs were carried out all the same.
            actions.Record(httpContext, result.Refusal.CarriedOutIds);
            return RefusalResults.From(result.Refusal, runTime.Current.RefusalIdNaming);
        }

        actions.Record(httpContext, read.Ids);
        EmulatorTask task = tasks.CreateSucceeding(TaskKind.Reset, read.Ids, result.At, result.At + options.JobDelay);
        return ApiResults.Success(TaskData.From(task));
    }

    // The body is camelCase here: {"instanceIdList":[...]}.
    private static async Task<IResult> DeleteInstanceAsync(
        HttpContext httpContext, LifecycleOperations lifecycle, ActionLog actions, RunTimeOptions runTime)
    {
        (JsonDocument? document, string? error) = await JsonBody.ReadObjectAsync(httpContext).ConfigureAwait(false);
        if (document is null)
        {
            return ApiResults.InvalidParameter(error!);
        }

        using (document)
        {
            InstanceIdListResult read = InstanceIdListReader.ReadList(document.RootElement, "instanceIdList");
            if (read.Ids is null)
            {
                return ApiResults.InvalidParameter(read.Error!);
            }

            BatchResult<IReadOnlyList<string>> result = lifecycle.TryDelete(read.Ids);
            if (result.Refusal is not null)
            {
                // Under --rejected-batches partly-applied the healthy IDs were carried out all the same.
                actions.Record(httpContext, result.Refusal.CarriedOutIds);
                return RefusalResults.From(result.Refusal, runTime.Current.RefusalIdNaming);
            }

            // Only the instances this request deleted: a repeat for one still listed does nothing.
            actions.Record(httpContext, result.Value!);
            return ApiResults.Deleted();
        }
    }
}
