using KooPhone.Client.Api;
using KooPhone.Client.Waiting;
using Xunit;

namespace KooPhone.Client.Tests;

public class JobStatusFallbacksTests
{
    [Fact]
    public void Fallbacks_are_chosen_by_the_api_operation()
    {
        var fallbacks = JobStatusFallbacks.Create(4);
        Assert.IsType<BackupStatusFallback>(fallbacks.For(KooPhoneOperation.BatchBackupInstances));
        Assert.IsType<ResetStatusFallback>(fallbacks.For(KooPhoneOperation.BatchResetInstance));
        Assert.IsType<UnassignStatusFallback>(fallbacks.For(KooPhoneOperation.CancelInstance));
        Assert.Null(fallbacks.For(KooPhoneOperation.AsyncInvokeInstance));
        Assert.Null(fallbacks.For(KooPhoneOperation.InstallApp));
        Assert.Null(fallbacks.For(null));
    }

    [Fact]
    public void A_display_label_selects_no_fallback()
    {
        var fallbacks = JobStatusFallbacks.Create(4);
        Assert.Null(fallbacks.For(KooPhoneOperation.Find("Backup")));
        Assert.IsType<BackupStatusFallback>(fallbacks.For(KooPhoneOperation.Find("BatchBackupInstances")));
    }

    [Theory]
    [InlineData(0, true)]       // at the submission
    [InlineData(-60, true)]     // a second clock a minute behind
    [InlineData(-600, false)]   // the previous backup
    [InlineData(600, false)]    // after now: a time in another zone read as UTC
    public void A_backup_time_is_ours_only_between_the_submission_and_now(int offsetSeconds, bool ours)
    {
        var submitted = new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc);
        var now = submitted.AddSeconds(30);
        var at = offsetSeconds > 0 ? now.AddSeconds(offsetSeconds) : submitted.AddSeconds(offsetSeconds);
        Assert.Equal(ours, BackupStatusFallback.IsOurs(at, submitted, now));
        Assert.False(BackupStatusFallback.IsOurs(null, submitted, now));
    }
}
