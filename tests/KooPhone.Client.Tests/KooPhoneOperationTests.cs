using System.Net.Http;
using KooPhone.Client.Api;
using Xunit;

namespace KooPhone.Client.Tests;

public class KooPhoneOperationTests
{
    [Fact]
    public void The_catalogue_holds_the_21_operations_with_distinct_names_and_routes()
    {
        Assert.Equal(21, KooPhoneOperation.All.Count);
        Assert.Equal(21, KooPhoneOperation.All.Select(o => o.Name).Distinct().Count());
        Assert.Equal(21, KooPhoneOperation.All.Select(o => o.Method + " " + o.Path).Distinct().Count());
        Assert.All(KooPhoneOperation.All, o => Assert.StartsWith("/v1/instances", o.Path));
    }

    [Fact]
    public void Every_public_static_operation_is_in_the_catalogue_and_found_by_name()
    {
        var declared = typeof(KooPhoneOperation).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(KooPhoneOperation))
            .ToList();
        Assert.Equal(21, declared.Count);
        foreach (var field in declared)
        {
            var operation = (KooPhoneOperation)field.GetValue(null)!;
            Assert.Equal(field.Name, operation.Name);
            Assert.Same(operation, KooPhoneOperation.Find(field.Name.ToLowerInvariant()));
        }

        Assert.Null(KooPhoneOperation.Find("Backup"));
    }

    [Theory]
    [InlineData("BatchBackupInstances", "POST", "/v1/instances/backup")]
    [InlineData("ExecuteJob", "GET", "/v1/instances/tasks/{task_id}")]
    [InlineData("SetVideo", "PUT", "/v1/instances/video-setting")]
    [InlineData("ListInstances", "GET", "/v1/instances/batch-query")]
    [InlineData("ExecuteInstanceAuthToken", "POST", "/v1/instances/{instance_id}/auth")]
    public void Routes_match_the_reference(string name, string method, string path)
    {
        var operation = KooPhoneOperation.Find(name)!;
        Assert.Equal(new HttpMethod(method), operation.Method);
        Assert.Equal(path, operation.Path);
    }

    [Fact]
    public void Paths_are_filled_escaped_and_relative()
    {
        Assert.Equal("v1/instances/a%2Fb/auth", KooPhoneOperation.ExecuteInstanceAuthToken.RelativePath("a/b"));
        Assert.Equal("v1/instances/backup", KooPhoneOperation.BatchBackupInstances.RelativePath());
        Assert.Throws<ArgumentException>(() => KooPhoneOperation.ExecuteJob.RelativePath());
    }

    [Fact]
    public void Only_reads_and_harmless_repeats_are_safe_to_repeat()
    {
        var safe = KooPhoneOperation.All.Where(o => o.IsSafeToRepeat).Select(o => o.Name).OrderBy(n => n).ToList();
        Assert.Equal(new[]
        {
            "BatchShowInstance", "BatchShowSku", "ExecuteInstanceAuthToken", "ExecuteJob", "ListInstanceApp", "ListInstances",
            "SetVideo", "ShowProgress", "StopInstancesSession", "StopInstancesStreaming",
        }, safe);
        Assert.Equal(RepeatPolicy.Never, KooPhoneOperation.CreateInstance.RepeatPolicy);
        Assert.All(KooPhoneOperation.All.Where(o => !o.ChangesState), o => Assert.Equal(StateSignal.None, o.StateSignal));
    }

    [Fact]
    public void State_signals_follow_the_table()
    {
        Assert.Equal(StateSignal.BackupStatus, KooPhoneOperation.BatchBackupInstances.StateSignal);
        Assert.Equal(StateSignal.Disappears, KooPhoneOperation.DeleteInstance.StateSignal);
        Assert.Equal(StateSignal.AssignStatus, KooPhoneOperation.ProvisionInstance.StateSignal);
        Assert.Equal(StateSignal.AssignStatus, KooPhoneOperation.CancelInstance.StateSignal);
        Assert.Equal(StateSignal.AppList, KooPhoneOperation.InstallApp.StateSignal);
        Assert.All(new[] { KooPhoneOperation.BatchRebootInstance, KooPhoneOperation.AsyncInvokeInstance, KooPhoneOperation.SyncInvokeInstance, KooPhoneOperation.CreateInstance },
            o => Assert.Equal(StateSignal.None, o.StateSignal));
    }

    [Fact]
    public void Task_operations_must_carry_task_id_and_cmd_jobs()
    {
        var tasks = KooPhoneOperation.All.Where(o => o.Success.MandatoryData.Any(m => m.Name == "task_id")).Select(o => o.Name).OrderBy(n => n);
        Assert.Equal(new[] { "AsyncInvokeInstance", "BatchBackupInstances", "BatchResetInstance", "CancelInstance", "InstallApp" }, tasks);
        var codeOnly = KooPhoneOperation.All.Where(o => !o.Success.RequiresData).Select(o => o.Name).OrderBy(n => n);
        Assert.Equal(new[] { "BatchRebootInstance", "DeleteInstance", "ProvisionInstance", "SetVideo", "StopInstancesSession", "StopInstancesStreaming" }, codeOnly);
    }
}
