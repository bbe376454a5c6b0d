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

/// <summary>ProvisionInstance (docs/api-reference.md §5.16) and CancelInstance (§5.8): binding instances to end users and back.</summary>
public static class AssignmentEndpoints
{
    /// <summary>Maps the area's operations.</summary>
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/instances/assign", ProvisionInstanceAsync)
            .WithMetadata(new OperationMarker("ProvisionInstance"));
        v1.MapPost("/instances/unassign", CancelInstanceAsync)
            .WithMetadata(new OperationMarker("CancelInstance"));
    }

    // Synchronous: the binding exists when the answer arrives; no data.
    private static async Task<IResult> ProvisionInstanceAsync(
        HttpContext httpContext, AssignmentOperations assignments, ActionLog actions, RunTimeOptions runTime)
    {
        (UserInstancePair[]? pairs, string? error) = await ReadPairsAsync(httpContext).ConfigureAwait(false);
        if (pairs is null)
        {
            return ApiResults.InvalidParameter(error!);
        }

        BatchResult result = assignments.TryAssign(pairs);
        if (result.Refusal is not null)
        {
            // Under --rejected-batches partly-applied the healthy IDs were carried out all the same.
            actions.Record(httpContext, result.Refusal.CarriedOutIds);
            return RefusalResults.From(result.Refusal, runTime.Current.RefusalIdNaming);
        }

        actions.Record(httpContext, AssignmentOperations.InstanceIdsOf(pairs));
        return ApiResults.Success(null);
    }

    // Asynchronous (SDK 3.1.198+): a task whose jobs end when the bindings do.
    private static async Task<IResult> CancelInstanceAsync(
        HttpContext httpContext, AssignmentOperations assignments, TaskStore tasks, EmulatorOptions options, ActionLog actions,
        RunTimeOptions runTime)
    {
        (UserInstancePair[]? pairs, string? error) = await ReadPairsAsync(httpContext).ConfigureAwait(false);
        if (pairs is null)
        {
            return ApiResults.InvalidParameter(error!);
        }

        BatchResult result = assignments.TryUnassign(pairs, options.JobDelay);
        if (result.Refusal is not null)
        {
            // Under --rejected-batches partly-applied the healthy IDs were carried out all the same.
            actions.Record(httpContext, result.Refusal.CarriedOutIds);
            return RefusalResults.From(result.Refusal, runTime.Current.RefusalIdNaming);
        }

        string[] ids = AssignmentOperations.InstanceIdsOf(pairs);
        actions.Record(httpContext, ids);
        EmulatorTask task = tasks.CreateSucceeding(TaskKind.Unassign, ids, result.At, result.At + options.JobDelay);
        return ApiResults.Success(TaskData.From(task));
    }

    private static async Task<(UserInstancePair[]? Pairs, string? Error)> ReadPairsAsync(HttpContext httpContext)
    {
        (JsonDocument? document, string? error) = await JsonBody.ReadObjectAsync(httpContext).ConfigureAwait(false);
        if (document is null)
        {
            return (null, error);
        }

        using (document)
        {
            return UserInstancePairsReader.TryRead(document.RootElement, out UserInstancePair[] pairs, out error)
                ? (pairs, null)
                : (null, error);
        }
    }
}
