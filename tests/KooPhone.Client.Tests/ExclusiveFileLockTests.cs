using KooPhone.Client.Runs;
using Xunit;

namespace KooPhone.Client.Tests;

/// <summary>
/// One holder at a time for a lock file. Other processes are the Pester tests' part
/// (Journal.Tests.ps1 holds a journal from a child pwsh); here, two holders of one process,
/// which the operating system's own lock does not tell apart on Linux.
/// </summary>
public sealed class ExclusiveFileLockTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lock-tests-" + Guid.NewGuid().ToString("N"));

    public ExclusiveFileLockTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_second_holder_in_the_same_process_is_refused_with_the_first_ones_text()
    {
        var path = Path.Combine(_folder, "a.lock");

        using var first = ExclusiveFileLock.TryAcquire(path, "process 1, run 1", out _);
        var second = ExclusiveFileLock.TryAcquire(path, "process 1, run 2", out var holder);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal("process 1, run 1", holder);
    }

    [Fact]
    public void Is_free_again_once_released_and_keeps_its_file_without_the_holders_text()
    {
        var path = Path.Combine(_folder, "b.lock");
        ExclusiveFileLock.TryAcquire(path, "first", out _)!.Dispose();

        using var second = ExclusiveFileLock.TryAcquire(path, "second", out _);
        Assert.NotNull(second);
        second!.Dispose();

        Assert.True(File.Exists(path));
        Assert.Equal("", File.ReadAllText(path));
    }

    [Fact]
    public void Shows_its_holders_text_to_readers_while_it_is_held()
    {
        var path = Path.Combine(_folder, "c.lock");

        using var hold = ExclusiveFileLock.TryAcquire(path, "process 42 on host h", out _);

        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        Assert.Equal("process 42 on host h", reader.ReadToEnd().Trim());
    }

    [Fact]
    public void Says_whether_it_is_held_without_taking_it()
    {
        var path = Path.Combine(_folder, "d.lock");
        Assert.False(ExclusiveFileLock.IsHeld(path));
        Assert.False(File.Exists(path));

        var hold = ExclusiveFileLock.TryAcquire(path, "holder", out _)!;
        Assert.True(ExclusiveFileLock.IsHeld(path));
        Assert.True(ExclusiveFileLock.IsHeld(path));
        Assert.Null(ExclusiveFileLock.TryAcquire(path, "other", out _));

        hold.Dispose();
        Assert.False(ExclusiveFileLock.IsHeld(path));
    }

    [Fact]
    public void The_text_a_killed_holder_left_holds_nothing()
    {
        var path = Path.Combine(_folder, "e.lock");
        File.WriteAllText(path, "process 99999 on host gone, since yesterday");

        Assert.False(ExclusiveFileLock.IsHeld(path));
        using var hold = ExclusiveFileLock.TryAcquire(path, "new holder", out _);

        Assert.NotNull(hold);
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        Assert.Equal("new holder", reader.ReadToEnd().Trim());
    }

    [Fact]
    public void Of_many_threads_trying_at_once_one_holds_it()
    {
        var path = Path.Combine(_folder, "f.lock");
        using var start = new Barrier(8);
        var holds = new ExclusiveFileLock?[8];

        var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            holds[i] = ExclusiveFileLock.TryAcquire(path, "thread " + i, out _);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var held = holds.Where(h => h != null).ToList();
        Assert.Single(held);
        held[0]!.Dispose();
    }

    [Fact]
    public void Throws_when_its_folder_cannot_hold_it()
    {
        var file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "");

        Assert.ThrowsAny<IOException>(() => ExclusiveFileLock.TryAcquire(Path.Combine(file, "g.lock"), "holder", out _));
        Assert.False(ExclusiveFileLock.IsHeld(Path.Combine(file, "g.lock")));
    }

    [Fact]
    public void A_refused_attempt_and_a_look_leave_the_operating_systems_lock_in_place()
    {
        // On Linux, closing any handle of a file drops every byte-range lock the process holds on
        // it; /proc/locks shows whether the process still holds its lock after others looked.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var path = Path.Combine(_folder, "h.lock");
        using var hold = ExclusiveFileLock.TryAcquire(path, "holder", out _);
        Assert.Null(ExclusiveFileLock.TryAcquire(path, "other", out _));
        Assert.True(ExclusiveFileLock.IsHeld(path));

        Assert.True(HoldsByteRangeLock(path));
        hold!.Dispose();
        Assert.False(HoldsByteRangeLock(path));
    }

    private static bool HoldsByteRangeLock(string path)
    {
        // /proc/locks: "1: POSIX  ADVISORY  WRITE <pid> <major>:<minor>:<inode> <start> <end>".
        var inode = Inode(path);
        return File.ReadAllLines("/proc/locks")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(f => f.Length >= 8 && f[1] == "POSIX" && f[4] == Environment.ProcessId.ToString() && f[5].EndsWith(":" + inode, StringComparison.Ordinal));
    }

    private static string Inode(string path)
    {
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", new[] { "-c", "%i", path }) { RedirectStandardOutput = true })!;
        var inode = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return inode;
    }
}
