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

/// <summary>SyncInvokeInstance (docs/api-reference.md §5.21) and AsyncInvokeInstance (§5.1): ADB shell commands.</summary>
public static class CommandEndpoints
{
    /// <summary>Maps the area's operations.</summary>
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/instances/sync-command", SyncInvokeInstanceAsync)
            .WithMetadata(new OperationMarker("SyncInvokeInstance"));
        v1.MapPost("/instances/async-command", AsyncInvokeInstanceAsync)
            .WithMetadata(new OperationMarker("AsyncInvokeInstance"));
    }

    // A request-level "0" with per-instance results: a stopped instance fails in its own entry.
    private static async Task<IResult> SyncInvokeInstanceAsync(
        HttpContext httpContext, CommandOperations commands, ActionLog actions, RunTimeOptions runTime)
    {
        (string? command, IReadOnlyList<string>? ids, string? error) = await ReadAsync(httpContext).ConfigureAwait(false);
        if (command is null)
        {
            return ApiResults.InvalidParameter(error!);
        }

        BatchResult<JobOutcome[]> result = commands.TryRun(command, ids!);
        if (result.Refusal is not null)
        {
            // Under --rejected-batches partly-applied the healthy IDs were carried out all the same.
            actions.Record(httpContext, result.Refusal.CarriedOutIds);
            return RefusalResults.From(result.Refusal, runTime.Current.RefusalIdNaming);
        }

        actions.Record(httpContext, ids!);
        var results = new CmdResult[ids!.Count];
        for (int i = 0; i < results.Length; i++)
        {
            JobOutcome outcome = result.Value![i];
            results[i] = new CmdResult(ids[i], outcome.Status, outcome.ErrorCode, outcome.ErrorMessage, outcome.ExecuteMessage);
        }

        return ApiResults.Success(new CmdResultsData(results));
    }

    // The same outcomes, reported by ExecuteJob once the job delay has passed.
    private static async Task<IResult> AsyncInvokeInstanceAsync(
        HttpContext httpContext, CommandOperations commands, TaskStore tasks, EmulatorOptions options, ActionLog actions, RunTimeOptions runTime)
    {
        (string? command, IReadOnlyList<string>? ids, string? error) = await ReadAsync(httpContext).ConfigureAwait(false);
        if (command is null)
        {
            return ApiResults.InvalidParameter(error!);
        }

        BatchResult<JobOutcome[]> result = commands.TryRun(command, ids!);
        if (result.Refusal is not null)
        {
            // Under --rejected-batches partly-applied the healthy IDs were carried out all the same.
            actions.Record(httpContext, result.Refusal.CarriedOutIds);
            return RefusalResults.From(result.Refusal, runTime.Current.RefusalIdNaming);
        }

        actions.Record(httpContext, ids!);
        EmulatorTask task = tasks.Create(TaskKind.Command, ids!, result.Value!, result.At, result.At + options.JobDelay);
        return ApiResults.Success(TaskData.From(task));
    }

    private static async Task<(string? Command, IReadOnlyList<string>? Ids, string? Error)> ReadAsync(HttpContext httpContext)
    {
        (JsonDocument? document, string? error) = await JsonBody.ReadObjectAsync(httpContext).ConfigureAwait(false);
        if (document is null)
        {
            return (null, null, error);
        }

        using (document)
        {
            return CommandRequestReader.TryRead(document.RootElement, out string command, out IReadOnlyList<string> ids, out error)
                ? (command, ids, null)
                : (null, null, error);
        }
    }
}
