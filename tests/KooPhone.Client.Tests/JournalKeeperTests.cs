using KooPhone.Client.Connection;
using KooPhone.Client.Runs;
using Xunit;

namespace KooPhone.Client.Tests;

/// <summary>
/// A journal held by one run at a time, refused before anything is sent when it cannot be used,
/// and read up to its last whole entry whatever a crash left at its end. Journal.Tests.ps1
/// proves the same through the cmdlets against the emulator.
/// </summary>
public sealed class JournalKeeperTests : IDisposable
{
    private const string Header = "RunId,Operation,InstanceId,UserId,Outcome,Status,TaskId,JobId,RequestId,ErrorCode,Message,SubmittedAt,At,SettledBy";

    // Written before SettledBy was added (thirteen fields): still read.
    private const string Whole = "1,BatchBackupInstances,a,,Result,Submitted,t1,j1,r1,,,2026-01-01T10:00:00.0000000Z,2026-01-01T10:00:01.0000000Z";

    // Thirteen fields, and its outcome and first time read: only the missing line break tells it was cut.
    private const string Cut = "1,BatchBackupInstances,b,,Result,Submitted,t1,j2,r1,,,2026-01-01T10:00:00.0000000Z,2026-01-01T10:0";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "journal-tests-" + Guid.NewGuid().ToString("N"));

    public JournalKeeperTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_cut_last_line_is_not_read_as_an_entry()
    {
        var journal = Write("cut.csv", Header + "\n" + Whole + "\n" + Cut);

        Assert.Equal(new[] { "a" }, RunRecordFile.Read(journal).Select(e => e.InstanceId));
    }

    [Fact]
    public void Lines_with_nul_bytes_or_no_run_id_are_read_around()
    {
        var journal = Write("nul.csv", Header + "\n" + Whole + "\n\0\0\0\0\n" + Whole.Replace(",a,", ",b,") + "\0\0\n" + Whole.Replace("1,", "x,").Replace(",a,", ",c,") + "\n" + Whole.Replace(",a,", ",d,") + "\n\0\0\0");

        Assert.Equal(new[] { "a", "d" }, RunRecordFile.Read(journal).Select(e => e.InstanceId));
    }

    [Fact]
    public void A_rerun_drops_a_cut_last_line_before_it_writes()
    {
        var journal = Write("rerun.csv", Header + "\n" + Whole + "\n" + Cut);

        using (var keeper = Keeper(journal, "BatchBackupInstances", 2))
        {
            Assert.Equal(new[] { "a" }, keeper.Last.Keys);
            keeper.Outcome(new KooPhoneRunEntry { InstanceId = "b", Outcome = RunOutcome.Result, Status = "Submitted" });
        }

        var entries = RunRecordFile.Read(journal).ToList();
        Assert.Equal(new[] { "a", "b" }, entries.Select(e => e.InstanceId));
        Assert.Equal(2, entries[1].RunId);
        Assert.Equal(3, File.ReadAllLines(journal).Length);
    }

    [Fact]
    public void A_rerun_drops_the_nul_bytes_a_crash_left_at_the_end()
    {
        var journal = Write("nul-end.csv", Header + "\n" + Whole + "\n" + new string('\0', 5000));

        using (var keeper = Keeper(journal, "BatchBackupInstances", 2))
        {
            keeper.Outcome(new KooPhoneRunEntry { InstanceId = "b", Outcome = RunOutcome.Result, Status = "Submitted" });
        }

        Assert.Equal(new[] { "a", "b" }, RunRecordFile.Read(journal).Select(e => e.InstanceId));
        Assert.DoesNotContain('\0', File.ReadAllText(journal));
    }

    [Fact]
    public void A_journal_with_no_whole_line_starts_again_with_a_header()
    {
        var journal = Write("no-line.csv", "RunId,Opera");

        using (var keeper = Keeper(journal, "BatchBackupInstances", 2))
        {
            keeper.Outcome(new KooPhoneRunEntry { InstanceId = "b", Outcome = RunOutcome.Result, Status = "Submitted" });
        }

        Assert.Equal(Header, File.ReadAllLines(journal)[0]);
        Assert.Equal(new[] { "b" }, RunRecordFile.Read(journal).Select(e => e.InstanceId));
    }

    [Fact]
    public void A_second_run_on_a_held_journal_is_refused_naming_the_holder()
    {
        var journal = Path.Combine(_folder, "held.csv");
        using var first = Keeper(journal, "BatchBackupInstances", 1);

        var refused = Assert.Throws<JournalRefusedException>(() => Keeper(journal, "BatchBackupInstances", 2));

        Assert.Equal(JournalRefusal.InUse, refused.Reason);
        Assert.Contains($"process {Environment.ProcessId} on host {Environment.MachineName}", refused.Message);
        Assert.Contains("running Backup-KooPhoneInstance (run 1)", refused.Message);
        Assert.Contains(journal + ".lock", refused.Message);
    }

    [Fact]
    public void A_journal_is_free_again_once_its_run_has_ended()
    {
        var journal = Path.Combine(_folder, "free.csv");
        Keeper(journal, "BatchBackupInstances", 1).Dispose();

        using var second = Keeper(journal, "BatchBackupInstances", 2);

        Assert.True(File.Exists(journal + ".lock"));
    }

    [Fact]
    public void A_journal_another_operation_wrote_is_refused_and_left_free()
    {
        var journal = Write("reset.csv", Header + "\n" + Whole.Replace("BatchBackupInstances", "BatchResetInstance") + "\n");

        var refused = Assert.Throws<JournalRefusedException>(() => Keeper(journal, "BatchBackupInstances", 2));

        Assert.Equal(JournalRefusal.OtherOperation, refused.Reason);
        Assert.Contains("BatchResetInstance", refused.Message);
        Assert.False(ExclusiveFileLock.IsHeld(journal + ".lock"));
    }

    [Fact]
    public void A_journal_whose_folder_cannot_be_made_is_refused_as_unwritable()
    {
        var file = Write("a-file", "");
        var journal = Path.Combine(file, "sub", "journal.csv");

        var refused = Assert.Throws<JournalRefusedException>(() => Keeper(journal, "BatchBackupInstances", 1));

        Assert.Equal(JournalRefusal.Unwritable, refused.Reason);
        Assert.Contains(journal, refused.Message);
        Assert.IsAssignableFrom<IOException>(refused.InnerException);
    }

    [Fact]
    public void A_journal_that_is_a_folder_is_refused_as_unwritable_and_left_free()
    {
        var journal = Path.Combine(_folder, "a-folder");
        Directory.CreateDirectory(journal);

        var refused = Assert.Throws<JournalRefusedException>(() => Keeper(journal, "BatchBackupInstances", 1));

        Assert.Equal(JournalRefusal.Unwritable, refused.Reason);
        Assert.False(ExclusiveFileLock.IsHeld(journal + ".lock"));
    }

    private static JournalKeeper Keeper(string journal, string operation, int runId) =>
        new JournalKeeper(journal, operation, new KooPhoneRun(runId, "Backup-KooPhoneInstance", operation, "unused.csv", DateTime.UtcNow), KooPhoneClock.System);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
