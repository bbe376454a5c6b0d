using KooPhone.Client.Runs;
using Xunit;

namespace KooPhone.Client.Tests;

public class RunSummaryTests
{
    [Fact]
    public void Sums_up_results_by_status_errors_by_code_and_names_only_few_culprits()
    {
        using var recorder = RunRecords.Start("Backup-KooPhoneInstance", "BatchBackupInstances");
        for (var i = 0; i < 3; i++)
        {
            recorder.Record(new KooPhoneRunEntry { InstanceId = "ok" + i, Outcome = RunOutcome.Result, Status = "Submitted" });
        }

        recorder.Record(new KooPhoneRunEntry { InstanceId = "nosuch1", Outcome = RunOutcome.Error, ErrorCode = "KOOPHONE.API.1001" });
        recorder.Record(new KooPhoneRunEntry { InstanceId = "nosuch2", Outcome = RunOutcome.Error, ErrorCode = "KOOPHONE.API.1001" });
        for (var i = 0; i < 6; i++)
        {
            recorder.Record(new KooPhoneRunEntry { InstanceId = "busy" + i, Outcome = RunOutcome.Error, ErrorCode = "KOOPHONE.API.2005" });
        }

        recorder.Record(new KooPhoneRunEntry { InstanceId = "lost", Outcome = RunOutcome.Unknown, ErrorCode = "KooPhone.OutcomeUnknown" });
        recorder.Record(new KooPhoneRunEntry { InstanceId = "later", Outcome = RunOutcome.NotSent, ErrorCode = "KooPhone.NotSent" });
        recorder.CountCalls(4, 6);

        var summary = recorder.Run.Summary;

        Assert.Equal(13, summary.Ids);
        Assert.Equal("Submitted", Assert.Single(summary.ResultsByStatus).Name);
        Assert.Equal(new[] { "KOOPHONE.API.2005", "KOOPHONE.API.1001" }, summary.ErrorsByCode.Select(c => c.Name));
        Assert.Empty(summary.ErrorsByCode[0].Ids);
        Assert.Equal(new[] { "nosuch1", "nosuch2" }, summary.ErrorsByCode[1].Ids);
        Assert.Equal(new[] { "lost" }, summary.UnknownIds);
        Assert.Equal(new[] { "later" }, summary.NotSentIds);
        Assert.False(summary.Finished);
        var text = summary.ToString();
        Assert.Contains("13 ids", text);
        Assert.Contains("4 calls (6 attempts)", text);
        Assert.Contains("KOOPHONE.API.2005 6; KOOPHONE.API.1001 2: nosuch1, nosuch2", text);
        Assert.Contains("NotSent: 1 (later)", text);
        Assert.Contains($"Get-KooPhoneRun -Id {summary.RunId} -Outcome Error, Unknown, NotSent", text);
    }

    [Fact]
    public void Results_handed_to_a_wait_count_by_the_status_it_ends_them_with_and_meanwhile_as_waiting()
    {
        using var recorder = RunRecords.Start("Backup-KooPhoneInstance", "BatchBackupInstances");
        for (var i = 0; i < 7; i++)
        {
            recorder.Record(new KooPhoneRunEntry { InstanceId = "w" + i, Outcome = RunOutcome.Result, Status = "Submitted" }, waiting: true);
        }

        recorder.Record(new KooPhoneRunEntry { InstanceId = "direct", Outcome = RunOutcome.Result, Status = "Succeeded" });

        var before = recorder.Run.Summary;
        Assert.Equal(8, before.Results);
        Assert.Equal(new[] { "Succeeded 1", "Waiting 7" }, before.ResultsByStatus.Select(c => c.ToString()));
        Assert.Empty(before.ResultsByStatus[1].Ids);

        recorder.Ended("w0", "Succeeded");
        recorder.Ended("w1", "Failed");
        recorder.Ended("w2", "Succeeded");
        var meanwhile = recorder.Run.Summary;
        Assert.Equal(8, meanwhile.Results);
        Assert.Equal(new[] { "Succeeded 3", "Failed 1", "Waiting 4" }, meanwhile.ResultsByStatus.Select(c => c.ToString()));
        Assert.Equal(new[] { "w1" }, meanwhile.ResultsByStatus[1].Ids);

        for (var i = 3; i < 7; i++)
        {
            recorder.Ended("w" + i, "Running");
        }

        var after = recorder.Run.Summary;
        Assert.Equal(new[] { "Running 4", "Succeeded 3", "Failed 1" }, after.ResultsByStatus.Select(c => c.ToString()));
        Assert.Contains("Results: 8 (Running 4, Succeeded 3, Failed 1)", after.ToString());

        // The record's file keeps the submission, which Wait-KooPhoneTask resumes from.
        recorder.Dispose();
        Assert.Equal(7, RunRecords.EntriesOf(recorder.Run).Count(e => e.Status == "Submitted"));
    }

    [Fact]
    public void A_wait_that_ends_after_the_run_was_closed_changes_nothing()
    {
        var recorder = RunRecords.Start("Backup-KooPhoneInstance", "BatchBackupInstances");
        recorder.Record(new KooPhoneRunEntry { InstanceId = "w", Outcome = RunOutcome.Result, Status = "Submitted" }, waiting: true);
        recorder.Dispose();

        recorder.Ended("w", "Succeeded");

        Assert.Equal("Waiting 1", Assert.Single(recorder.Run.Summary.ResultsByStatus).ToString());
    }

    [Fact]
    public void A_run_is_large_from_a_hundred_ids()
    {
        using var recorder = RunRecords.Start("Get-KooPhoneInstanceStatus", "BatchShowInstance");
        for (var i = 0; i < KooPhoneRunSummary.LargeRunIds - 1; i++)
        {
            recorder.Record(new KooPhoneRunEntry { InstanceId = "i" + i, Outcome = RunOutcome.Result });
        }

        Assert.False(recorder.Run.Summary.IsLarge);
        recorder.Record(new KooPhoneRunEntry { InstanceId = "last", Outcome = RunOutcome.Result });
        Assert.True(recorder.Run.Summary.IsLarge);
        recorder.Dispose();
        Assert.True(recorder.Run.Summary.Finished);
    }
}
