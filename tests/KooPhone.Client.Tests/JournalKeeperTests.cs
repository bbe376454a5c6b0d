using KooPhone.Client.Connection;
using KooPhone.Client.Runs;
using Xunit;

namespace KooPhone.Client.Tests;

/// <summary>
/// A journal held by one run at a time, refused before anything is sent when it cannot be used,
/// read around what a crash left in it (and saying so), a cut last line counting as an intent
/// record, and its entries keyed by instance and user. Journal.Tests.ps1
/// proves the same through the cmdlets against the emulator.
/// </summary>
public sealed class JournalKeeperTests : IDisposable
{
    // Journals written before SettledBy was added, which are read as they are.
    private const string Header = "RunId,Operation,InstanceId,UserId,Outcome,Status,TaskId,JobId,RequestId,ErrorCode,Message,SubmittedAt,At";
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
    public void A_cut_last_line_counts_as_sent_and_is_written_again_whole_before_the_rerun_writes()
    {
        var journal = Write("rerun.csv", Header + "\n" + Whole + "\n" + Cut);

        using (var keeper = Keeper(journal, "BatchBackupInstances", 2))
        {
            Assert.Equal(new[] { Key("a"), Key("b") }, keeper.Last.Keys);
            var b = Assert.Single(keeper.Doubtful);
            Assert.Equal(("b", RunOutcome.Sent, 1), (b.InstanceId, b.Outcome, b.RunId));
            Assert.Equal(new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc), b.SubmittedAt);
            Assert.Contains("its last line (line 3) was cut off before its end: b counts as sent with its outcome unknown", keeper.Damage);
            keeper.Outcome(new KooPhoneRunEntry { InstanceId = "b", Outcome = RunOutcome.Unknown });
        }

        var entries = RunRecordFile.Read(journal).ToList();
        Assert.Equal(new[] { ("a", RunOutcome.Result), ("b", RunOutcome.Sent), ("b", RunOutcome.Unknown) }, entries.Select(e => (e.InstanceId, e.Outcome)));
        Assert.Contains("Line 3 was cut off here", entries[1].Message);
        Assert.DoesNotContain(File.ReadAllLines(journal), line => line.StartsWith(Cut, StringComparison.Ordinal));
    }

    [Fact]
    public void A_cut_last_line_without_its_time_counts_as_sent_no_earlier_than_the_lines_before_it()
    {
        var journal = Write("cut-early.csv", Header + "\n" + Whole + "\n" + "1,BatchBackupInstances,b,,Sen");

        using var keeper = Keeper(journal, "BatchBackupInstances", 2);

        Assert.Equal(new DateTime(2026, 1, 1, 10, 0, 1, DateTimeKind.Utc), Assert.Single(keeper.Doubtful).SubmittedAt);
    }

    [Fact]
    public void A_cut_last_line_for_an_id_the_journal_shows_done_is_dropped_and_the_id_stays_done()
    {
        var journal = Write("cut-done.csv", Header + "\n" + Whole + "\n" + Cut.Replace(",b,", ",a,"));

        using (var keeper = Keeper(journal, "BatchBackupInstances", 2))
        {
            Assert.Equal(RunOutcome.Result, keeper.Last[Key("a")].Outcome);
            Assert.Empty(keeper.Doubtful);
            Assert.Contains("line 3), for a, was cut off before its end and dropped", keeper.Damage);
        }

        Assert.Equal(new[] { Header, Whole }, File.ReadAllLines(journal));
    }

    [Fact]
    public void A_cut_last_line_that_does_not_say_whose_it_was_is_reported_and_dropped()
    {
        var journal = Write("cut-id.csv", Header + "\n" + Whole + "\n" + "1,BatchBackupInstances,b");

        using (var keeper = Keeper(journal, "BatchBackupInstances", 2))
        {
            Assert.Empty(keeper.Doubtful);
            Assert.Contains("1 line(s) could not be read as entries (line 3 (cut off))", keeper.Damage);
        }

        Assert.Equal(new[] { Header, Whole }, File.ReadAllLines(journal));
    }

    [Fact]
    public void Lines_that_are_not_entries_are_reported_by_number_and_the_rest_is_read()
    {
        var lines = new List<string> { Header, Whole, "\0\0\0\0", Whole.Replace(",a,", ",b,") + "\0\0", Whole.Replace("1,", "x,").Replace(",a,", ",c,"), "not an entry", Whole.Replace(",a,", ",d,") };
        lines.AddRange(Enumerable.Repeat("garbage", 9));
        var journal = Write("unreadable.csv", string.Join("\n", lines) + "\n");

        using var keeper = Keeper(journal, "BatchBackupInstances", 2);

        Assert.Equal(new[] { Key("a"), Key("d") }, keeper.Last.Keys);
        Assert.Equal(
            $"The journal '{journal}' is damaged: 13 line(s) could not be read as entries (line 3, 4, 5, 6, 8, 9, 10, 11, 12, 13 and 3 more) and were left out: "
                + "what they recorded is lost, so an id whose only entries they held counts as not in the journal.",
            keeper.Damage);
    }

    [Fact]
    public void A_whole_journal_reports_nothing()
    {
        var journal = Write("whole.csv", Header + "\n" + Whole + "\n");

        using var keeper = Keeper(journal, "BatchBackupInstances", 2);

        Assert.Null(keeper.Damage);
    }

    [Fact]
    public void An_entry_belongs_to_its_instance_and_user_together()
    {
        var journal = Write("pairs.csv", Header + "\n" + Whole.Replace("BatchBackupInstances,a,,", "ProvisionInstance,a,u1,") + "\n"
            + Whole.Replace("BatchBackupInstances,a,,Result", "ProvisionInstance,a,u2,Sent") + "\n");

        using var keeper = Keeper(journal, "ProvisionInstance", 2);

        Assert.Equal(RunOutcome.Result, keeper.Last[Key("a", "u1")].Outcome);
        Assert.Equal(RunOutcome.Sent, keeper.Last[Key("a", "u2")].Outcome);
        Assert.False(keeper.Last.ContainsKey(Key("a")));
    }

    [Fact]
    public void A_cut_last_line_another_operation_wrote_is_refused()
    {
        var journal = Write("cut-other.csv", Header + "\n" + Whole + "\n" + Cut.Replace("BatchBackupInstances", "BatchResetInstance"));

        var refused = Assert.Throws<JournalRefusedException>(() => Keeper(journal, "BatchBackupInstances", 2));

        Assert.Equal(JournalRefusal.OtherOperation, refused.Reason);
        Assert.EndsWith(Cut.Replace("BatchBackupInstances", "BatchResetInstance"), File.ReadAllText(journal));
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

        Assert.Equal(RunRecordFile.Header, File.ReadAllLines(journal)[0]);
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

    private static (string, string) Key(string instanceId, string? userId = null) => RunJournal.KeyOf(instanceId, userId);

    private static JournalKeeper Keeper(string journal, string operation, int runId) =>
        new JournalKeeper(journal, operation, new KooPhoneRun(runId, "Backup-KooPhoneInstance", operation, "unused.csv", DateTime.UtcNow), KooPhoneClock.System);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
