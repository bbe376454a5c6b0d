using KooPhone.Client.Connection;
using KooPhone.Client.Waiting;
using Xunit;

namespace KooPhone.Client.Tests;

public class PollPacerTests
{
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    [Fact]
    public void No_round_is_due_before_polling_starts_however_long_it_has_been()
    {
        var clock = new ManualClock();
        var pacer = new PollPacer(new KooPhoneClock(clock), TimeSpan.FromMinutes(10));

        clock.Advance(TimeSpan.FromHours(1));

        Assert.False(pacer.HasStarted);
        Assert.False(pacer.IsRoundDue);
    }

    [Fact]
    public void Rounds_fall_due_on_the_schedule_counted_from_the_end_of_the_previous_round()
    {
        var clock = new ManualClock();
        var pacer = new PollPacer(new KooPhoneClock(clock), TimeSpan.FromMinutes(10));

        pacer.Start();
        clock.Advance(PollSchedule.First - Millisecond);
        Assert.False(pacer.IsRoundDue);
        clock.Advance(Millisecond);
        Assert.True(pacer.IsRoundDue);

        // A round that took 3 s does not make the next one due at once: the pause runs from its end.
        clock.Advance(TimeSpan.FromSeconds(3));
        pacer.RoundEnded();
        var pause = PollSchedule.Next(PollSchedule.First, PollSchedule.First + TimeSpan.FromSeconds(3));
        clock.Advance(pause - Millisecond);
        Assert.False(pacer.IsRoundDue);
        clock.Advance(Millisecond);
        Assert.True(pacer.IsRoundDue);
    }

    [Fact]
    public void A_second_start_does_not_put_the_first_round_off()
    {
        var clock = new ManualClock();
        var pacer = new PollPacer(new KooPhoneClock(clock), TimeSpan.FromMinutes(10));

        pacer.Start();
        clock.Advance(PollSchedule.First - Millisecond);
        pacer.Start();
        clock.Advance(Millisecond);

        Assert.True(pacer.IsRoundDue);
    }

    [Fact]
    public void The_time_limit_runs_from_the_end_of_the_submission_not_from_the_first_batch()
    {
        var clock = new ManualClock();
        var pacer = new PollPacer(new KooPhoneClock(clock), TimeSpan.FromSeconds(60));

        pacer.Start();
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(pacer.IsPastTimeLimit);

        pacer.StartTimeLimit();
        clock.Advance(TimeSpan.FromSeconds(60) - Millisecond);
        Assert.False(pacer.IsPastTimeLimit);
        clock.Advance(Millisecond);
        Assert.True(pacer.IsPastTimeLimit);
    }

    [Fact]
    public async Task Waiting_for_a_round_ends_when_the_clock_reaches_it()
    {
        var clock = new ManualClock();
        var pacer = new PollPacer(new KooPhoneClock(clock), TimeSpan.FromMinutes(10));
        pacer.Start();

        var waiting = Task.Run(() => pacer.WaitForRound(CancellationToken.None));
        await Until.Holds(() => clock.WaitBetween(PollSchedule.First, PollSchedule.First) != null, "the wait for the first round");
        Assert.False(waiting.IsCompleted);

        clock.Advance(PollSchedule.First);

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(pacer.IsRoundDue);
    }

    [Fact]
    public async Task Stopping_ends_the_wait_for_a_round_and_says_so()
    {
        var clock = new ManualClock();
        var pacer = new PollPacer(new KooPhoneClock(clock), TimeSpan.FromMinutes(10));
        pacer.Start();
        using var stop = new CancellationTokenSource();

        var waiting = Task.Run(() => pacer.WaitForRound(stop.Token));
        await Until.Holds(() => clock.WaitBetween(PollSchedule.First, PollSchedule.First) != null, "the wait for the first round");
        stop.Cancel();

        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(pacer.IsRoundDue);
    }

    [Fact]
    public void A_round_already_due_is_not_waited_for()
    {
        var clock = new ManualClock();
        var pacer = new PollPacer(new KooPhoneClock(clock), TimeSpan.FromMinutes(10));
        pacer.Start();
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.True(pacer.WaitForRound(CancellationToken.None));
    }
}
