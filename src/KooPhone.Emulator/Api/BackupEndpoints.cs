using System.Threading.Tasks;
using KooPhone.Emulator.Api.Contracts;
using KooPhone.Emulator.Hosting;
using KooPhone.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Api;

/// <summary>BatchBackupInstances (§5.2): back instances up to OBS and release their machines.</summary>
public static class BackupEndpoints
{
    /// <summary>Maps the area's operations.</summary>
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/instances/backup", BatchBackupInstancesAsync)
            .WithMetadata(new KooPhoneOperation("BatchBackupInstances"));
    }

    private static async Task<IResult> BatchBackupInstancesAsync(
        HttpContext httpContext, InstanceStore store, TaskStore tasks, EmulatorOptions options)
    {
        InstanceIdListResult read = await InstanceIdListReader.ReadAsync(httpContext).ConfigureAwait(false);
        if (read.Ids is null)
        {
            return ApiResults.InvalidParameter(read.Error!);
        }

        // Whole-batch rejection (an inference from §11 item 4): one bad instance fails the request.
        BackupStartResult started = store.TryStartBackup(read.Ids, options.JobDelay);
        switch (started.Rejection)
        {
            case BackupRejection.UnknownInstances:
                return ApiResults.BusinessError(ApiErrorCodes.NoPermissionOnInstance,
                    "no permission on instances (not found for this tenant): " + IdListText.Format(started.OffendingIds));
            case BackupRejection.AlreadyBackingUp:
                return ApiResults.BusinessError(ApiErrorCodes.InstanceBackingUp,
                    "instances are being backed up: " + IdListText.Format(started.OffendingIds));
            case BackupRejection.NotRunning:
                return ApiResults.BusinessError(ApiErrorCodes.InstancesNotRunning,
                    "not all instances are running: " + IdListText.Format(started.OffendingIds));
        }

        EmulatorTask task = tasks.Create(TaskKind.Backup, read.Ids, started.CompletesAt);
        var jobs = new CmdJob[task.Jobs.Count];
        for (int i = 0; i < jobs.Length; i++)
        {
            jobs[i] = new CmdJob(task.Jobs[i].InstanceId, task.Jobs[i].JobId);
        }

        return ApiResults.Success(new TaskData(task.TaskId, jobs));
    }
}
