using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Waiting;
using Xunit;

namespace KooPhone.Client.Tests;

/// <summary>How each fallback reads a job's end from the instances' state, on a clock the test moves.</summary>
public class FallbackTests
{
    private static readonly TimeSpan ReconcileTimeout = TimeSpan.FromSeconds(15);

    private static ScriptedApiServer Instances(Func<string> records) =>
        new((_, _) => (200, ScriptedApiServer.Ok("{\"page_no\":1,\"page_size\":1,\"total_count\":1,\"result\":[" + records() + "]}")));

    private static ScriptedApiServer Statuses(Func<int> runStatus) =>
        new((_, _) => (200, ScriptedApiServer.Ok($"{{\"status_results\":[{{\"instance_id\":\"i1\",\"status\":{runStatus()}}}]}}")));

    private static KooPhoneJobResult Pending(ManualClock clock, string operation, string? taskId = null) =>
        new() { InstanceId = "i1", Operation = operation, TaskId = taskId, Status = KooPhoneJobStatus.Submitted, SubmittedAt = clock.UtcNow };

    [Fact]
    public async Task A_reset_instance_still_running_counts_as_reset_only_after_the_grace_time()
    {
        var clock = new ManualClock();
        using var server = Statuses(() => (int)InstanceRunStatus.Running);
        var api = server.CreateClient(clock);
        var result = Pending(clock, "BatchResetInstance", "t1");
        var fallback = new ResetStatusFallback();

        await fallback.UpdateAsync(api, new[] { result }, new CallCount(), CancellationToken.None);
        Assert.Equal(KooPhoneJobStatus.Submitted, result.Status);

        clock.Advance(TimeSpan.FromSeconds(61));
        await fallback.UpdateAsync(api, new[] { result }, new CallCount(), CancellationToken.None);
        Assert.Equal(KooPhoneJobStatus.Succeeded, result.Status);
        Assert.Equal(clock.UtcNow, result.CompletedAt);
    }

    [Fact]
    public async Task A_reset_instance_seen_down_is_reset_as_soon_as_it_runs_again()
    {
        var clock = new ManualClock();
        var status = InstanceRunStatus.Starting;
        using var server = Statuses(() => (int)status);
        var api = server.CreateClient(clock);
        var result = Pending(clock, "BatchResetInstance", "t1");
        var fallback = new ResetStatusFallback();

        await fallback.UpdateAsync(api, new[] { result }, new CallCount(), CancellationToken.None);
        Assert.Equal(KooPhoneJobStatus.Running, result.Status);

        status = InstanceRunStatus.Running;
        await fallback.UpdateAsync(api, new[] { result }, new CallCount(), CancellationToken.None);
        Assert.Equal(KooPhoneJobStatus.Succeeded, result.Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_instance_still_assigned_is_not_carried_out_only_without_a_task_and_after_the_reconcile_timeout(bool hasTask)
    {
        var clock = new ManualClock();
        using var server = Instances(() => "{\"instance_id\":\"i1\",\"assign_status\":1}");
        var api = server.CreateClient(clock);
        var result = Pending(clock, "CancelInstance", hasTask ? "t1" : null);
        var fallback = new UnassignStatusFallback(2);

        await fallback.UpdateAsync(api, new[] { result }, new CallCount(), CancellationToken.None);
        Assert.Equal(KooPhoneJobStatus.Submitted, result.Status);

        clock.Advance(ReconcileTimeout + TimeSpan.FromSeconds(1));
        await fallback.UpdateAsync(api, new[] { result }, new CallCount(), CancellationToken.None);
        Assert.Equal(hasTask ? KooPhoneJobStatus.Submitted : KooPhoneJobStatus.Failed, result.Status);
        Assert.Equal(hasTask ? null : "KooPhone.NotCarriedOut", result.ErrorCode);
    }

    [Fact]
    public async Task An_unassigned_instance_ends_its_job()
    {
        var clock = new ManualClock();
        using var server = Instances(() => "{\"instance_id\":\"i1\",\"assign_status\":0}");
        var result = Pending(clock, "CancelInstance", "t1");

        await new UnassignStatusFallback(2).UpdateAsync(server.CreateClient(clock), new[] { result }, new CallCount(), CancellationToken.None);

        Assert.Equal(KooPhoneJobStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task A_finished_backup_counts_only_when_its_time_lies_after_the_submission()
    {
        var clock = new ManualClock();
        var backupTime = clock.UtcNow.AddHours(-1);
        using var server = Instances(() => $"{{\"instance_id\":\"i1\",\"backup_status\":2,\"backup_time\":\"{KooPhoneTime.FormatUtc(backupTime)}\"}}");
        var api = server.CreateClient(clock);
        var result = Pending(clock, "BatchBackupInstances", "t1");
        var fallback = new BackupStatusFallback(2);

        // The previous backup's state: not ours.
        await fallback.UpdateAsync(api, new[] { result }, new CallCount(), CancellationToken.None);
        Assert.Equal(KooPhoneJobStatus.Submitted, result.Status);

        clock.Advance(TimeSpan.FromMinutes(3));
        backupTime = clock.UtcNow;
        await fallback.UpdateAsync(api, new[] { result }, new CallCount(), CancellationToken.None);
        Assert.Equal(KooPhoneJobStatus.Succeeded, result.Status);
        Assert.Equal(clock.UtcNow, result.CompletedAt);
    }

    [Fact]
    public async Task A_backup_in_progress_shows_as_running_and_a_lost_one_ends_not_carried_out()
    {
        var clock = new ManualClock();
        var status = (int)InstanceOperationStatus.Executing;
        using var server = Instances(() => $"{{\"instance_id\":\"i1\",\"backup_status\":{status}}}");
        var api = server.CreateClient(clock);
        var running = Pending(clock, "BatchBackupInstances", "t1");
        var lost = Pending(clock, "BatchBackupInstances");
        var fallback = new BackupStatusFallback(2);

        await fallback.UpdateAsync(api, new[] { running }, new CallCount(), CancellationToken.None);
        Assert.Equal(KooPhoneJobStatus.Running, running.Status);

        status = (int)InstanceOperationStatus.Succeeded;   // without a time: cannot be told from an older backup
        await fallback.UpdateAsync(api, new[] { lost }, new CallCount(), CancellationToken.None);
        Assert.Equal(KooPhoneJobStatus.Submitted, lost.Status);
        clock.Advance(ReconcileTimeout + TimeSpan.FromSeconds(1));
        await fallback.UpdateAsync(api, new[] { lost }, new CallCount(), CancellationToken.None);
        Assert.Equal("KooPhone.NotCarriedOut", lost.ErrorCode);
    }

    [Fact]
    public async Task Jobs_of_an_operation_without_a_fallback_end_unknown_without_a_call()
    {
        var clock = new ManualClock();
        using var server = Statuses(() => 2);
        var result = Pending(clock, "AsyncInvokeInstance", "t1");

        await JobStatusFallbacks.Create(2).UpdateAsync(server.CreateClient(clock), new[] { result }, new CallCount(), CancellationToken.None);

        Assert.Equal(KooPhoneJobStatus.Unknown, result.Status);
        Assert.Equal(clock.UtcNow, result.CompletedAt);
        Assert.Empty(server.Requests);
    }
}
