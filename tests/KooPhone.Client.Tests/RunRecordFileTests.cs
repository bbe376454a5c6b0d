using KooPhone.Client.Runs;
using Xunit;

namespace KooPhone.Client.Tests;

public class RunRecordFileTests
{
    [Fact]
    public void Reads_back_every_entry_as_written_including_awkward_text()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv");
        var submitted = new DateTime(2026, 12, 1, 10, 20, 30, 123, DateTimeKind.Utc);
        var written = new[]
        {
            new KooPhoneRunEntry { RunId = 3, Operation = "BatchBackupInstances", InstanceId = "a44uhlf7", Outcome = RunOutcome.Result, Status = "Submitted", TaskId = "t1", JobId = "j1", RequestId = "r1", SubmittedAt = submitted, At = submitted.AddSeconds(1) },
            new KooPhoneRunEntry { RunId = 3, Operation = "BatchBackupInstances", InstanceId = "b", UserId = "u,1", Outcome = RunOutcome.Unknown, ErrorCode = "KooPhone.OutcomeUnknown", Message = "said \"no\",\nthen left", At = submitted },
            new KooPhoneRunEntry { RunId = 3, Operation = "BatchBackupInstances", InstanceId = "c", Outcome = RunOutcome.NotSent, At = submitted },
        };
        try
        {
            using (var file = new RunRecordFile(path))
            {
                foreach (var entry in written)
                {
                    file.Append(entry);
                }
            }

            var read = RunRecordFile.Read(path).ToList();

            Assert.Equal(3, read.Count);
            Assert.Equal(written.Select(e => e.InstanceId), read.Select(e => e.InstanceId));
            Assert.Equal(written.Select(e => e.Outcome), read.Select(e => e.Outcome));
            Assert.Equal("u,1", read[1].UserId);
            Assert.Equal("said \"no\", then left", read[1].Message);
            Assert.Equal(submitted, read[0].SubmittedAt);
            Assert.Equal(DateTimeKind.Utc, read[0].SubmittedAt!.Value.Kind);
            Assert.Null(read[2].SubmittedAt);
            Assert.Equal("j1", read[0].JobId);
            Assert.Null(read[2].TaskId);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Is_readable_while_it_is_still_being_written()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv");
        try
        {
            using var file = new RunRecordFile(path);
            file.Append(new KooPhoneRunEntry { RunId = 1, Operation = "X", InstanceId = "a", Outcome = RunOutcome.Result, At = DateTime.UtcNow });
            file.Flush();

            Assert.Equal("a", Assert.Single(RunRecordFile.Read(path)).InstanceId);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
