using System.Threading.Tasks;
using KooPhone.Emulator.Admin;
using KooPhone.Emulator.Api.Contracts;
using KooPhone.Emulator.Hosting;
using KooPhone.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Api;

/// <summary>BatchBackupInstances (docs/api-reference.md §5.2): back instances up to OBS and release their machines.</summary>
public static class BackupEndpoints
{
    /// <summary>Maps the area's operations.</summary>
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/instances/backup", BatchBackupInstancesAsync)
            .WithMetadata(new OperationMarker("BatchBackupInstances"));
    }

    private static async Task<IResult> BatchBackupInstancesAsync(
        HttpContext httpContext, BackupOperations backups, TaskStore tasks, EmulatorOptions options, ActionLog actions, RunTimeOptions runTime)
    {
        InstanceIdListResult read = await InstanceIdListReader.ReadAsync(httpContext).ConfigureAwait(false);
        if (read.Ids is null)
        {
            return ApiResults.InvalidParameter(read.Error!);
        }

        // Whole-batch rejection (an inference from docs/api-reference.md §11 item 4): one bad instance fails the request.
        BatchResult started = backups.TryStart(read.Ids, options.JobDelay);
        if (started.Refusal is not null)
        {
            // Under --rejected-batches partly-applied the healthy IDs were carried out all the same.
            actions.Record(httpContext, started.Refusal.CarriedOutIds);
            return RefusalResults.From(started.Refusal, runTime.Current.RefusalIdNaming);
        }

        actions.Record(httpContext, read.Ids);
        EmulatorTask task = tasks.CreateSucceeding(TaskKind.Backup, read.Ids, started.At, started.At + options.JobDelay);
        return ApiResults.Success(TaskData.From(task));
    }
}
