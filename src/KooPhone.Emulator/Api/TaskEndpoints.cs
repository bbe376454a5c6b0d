using System;
using KooPhone.Emulator.Api.Contracts;
using KooPhone.Emulator.Hosting;
using KooPhone.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Api;

/// <summary>ExecuteJob (docs/api-reference.md §5.12): the jobs of an async task, whichever operation created it.</summary>
public static class TaskEndpoints
{
    /// <summary>Maps the area's operations.</summary>
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/instances/tasks/{task_id}", ExecuteJob)
            .WithMetadata(new OperationMarker("ExecuteJob"));
    }

    private static IResult ExecuteJob(
        [FromRoute(Name = "task_id")] string taskId, TaskStore tasks, EmulatorOptions options, TimeProvider time)
    {
        // Whether backup, reset and unassign tasks can be polled is open (docs/api-reference.md §2.6 item 5);
        // --task-query-unsupported makes their IDs unknown, as the docs' narrow reading has it.
        if (!tasks.TryGet(taskId, out EmulatorTask? task) || options.UnqueryableTaskKinds.Contains(task!.Kind))
        {
            return ApiResults.BusinessError(ApiErrorCodes.TaskNotFound, "task does not exist");
        }

        DateTimeOffset now = time.GetUtcNow();
        var jobs = new JobDetail[task.Jobs.Count];
        for (int i = 0; i < jobs.Length; i++)
        {
            JobOutcome state = task.Jobs[i].At(now);
            jobs[i] = new JobDetail(task.Jobs[i].JobId, state.Status, state.ErrorCode, state.ErrorMessage, state.ExecuteMessage);
        }

        return ApiResults.Success(new JobsData(jobs));
    }
}
