using KooPhone.Client.Waiting;
using Xunit;

namespace KooPhone.Client.Tests;

public class PollScheduleTests
{
    [Fact]
    public void Pauses_grow_to_5_seconds_while_the_wait_is_young()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(750), PollSchedule.Next(PollSchedule.First, TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(5), PollSchedule.Next(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void A_long_wait_pauses_up_to_a_tenth_of_its_time_and_never_beyond_30_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(12), PollSchedule.Next(TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(2)));
        Assert.Equal(TimeSpan.FromSeconds(30), PollSchedule.Next(TimeSpan.FromSeconds(30), TimeSpan.FromHours(5)));
    }
}
