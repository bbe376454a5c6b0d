using KooPhone.Client.Connection;
using KooPhone.Client.Models;
using KooPhone.Client.Validation;
using Xunit;

namespace KooPhone.Client.Tests;

public class ValidationTests
{
    [Theory]
    [InlineData(null, "null")]
    [InlineData("", "empty")]
    [InlineData("   ", "white space")]
    [InlineData("\t", "white space")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", "33 characters")]
    public void Rejects_ids_the_service_would_refuse(string? id, string reason)
    {
        Assert.Contains(reason, InstanceIdRules.Check(id));
    }

    [Theory]
    [InlineData("a44uhlf7")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")]
    public void Accepts_ids_up_to_32_characters(string id)
    {
        Assert.Null(InstanceIdRules.Check(id));
    }

    [Theory]
    [InlineData("https://koophone.myhuaweicloud.com")]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    [InlineData("http://127.9.9.9")]
    public void Accepts_https_and_loopback_http(string endpoint)
    {
        Assert.Equal(new Uri(endpoint), EndpointPolicy.Validate(new Uri(endpoint)));
    }

    [Theory]
    [InlineData("http://koophone.myhuaweicloud.com", "unencrypted")]
    [InlineData("http://10.0.0.5", "unencrypted")]
    [InlineData("ftp://127.0.0.1", "scheme")]
    public void Refuses_plain_http_off_this_machine_and_other_schemes(string endpoint, string reason)
    {
        var e = Assert.Throws<ArgumentException>(() => EndpointPolicy.Validate(new Uri(endpoint)));
        Assert.Contains(reason, e.Message);
    }

    [Theory]
    [InlineData(0, KooPhoneJobStatus.NotStarted)]
    [InlineData(1, KooPhoneJobStatus.Running)]
    [InlineData(2, KooPhoneJobStatus.Succeeded)]
    [InlineData(3, KooPhoneJobStatus.Failed)]
    [InlineData(-1, KooPhoneJobStatus.Failed)]
    [InlineData(7, KooPhoneJobStatus.Unknown)]
    [InlineData(null, KooPhoneJobStatus.Unknown)]
    public void Maps_every_job_status_of_the_task_query(int? apiStatus, KooPhoneJobStatus expected)
    {
        Assert.Equal(expected, KooPhoneJobStatusExtensions.FromApiJobStatus(apiStatus));
    }

    [Fact]
    public void Reads_service_times_as_utc_and_tolerates_nonsense()
    {
        var time = KooPhoneTime.Parse("2025-01-01 00:05:00");
        Assert.Equal(new DateTime(2025, 1, 1, 0, 5, 0, DateTimeKind.Utc), time);
        Assert.Equal(DateTimeKind.Utc, time!.Value.Kind);
        Assert.Null(KooPhoneTime.Parse("not a time"));
        Assert.Null(KooPhoneTime.Parse(null));
    }
    [Theory]
    [InlineData(1)]
    [InlineData(1500)]
    [InlineData(2000)]
    public void Takes_an_order_of_1_to_2000_instances_the_sdk_documents(int count)
    {
        Assert.Empty(OrderRules.Check("shop", count, false, 1, "sku", "band", "cn-north-4", 2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(2001)]
    public void Refuses_an_order_of_a_count_outside_1_to_2000(int count)
    {
        Assert.Contains(OrderRules.Check("shop", count, false, 1, "sku", "band", "cn-north-4", 2), p => p.Contains($"The count {count} is not from 1 to 2000"));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(10000, true)]
    [InlineData(150, false)]
    [InlineData(10100, false)]
    [InlineData(-100, false)]
    public void Checks_bit_rates_by_the_sdk_rule(int codeRate, bool accepted)
    {
        var settings = new List<KooPhoneVideoSetting>();
        foreach (var network in new[] { VideoNetworkType.MobileNetwork, VideoNetworkType.Wifi, VideoNetworkType.Wired })
        {
            foreach (var encoding in new[] { VideoEncodingType.H264, VideoEncodingType.H265 })
            {
                settings.Add(new KooPhoneVideoSetting
                {
                    NetworkType = network,
                    EncodingType = encoding,
                    Definition540P = new KooPhoneVideoSpec(codeRate, 30),
                    Definition720P = new KooPhoneVideoSpec(2000, 30),
                    Definition1080P = new KooPhoneVideoSpec(4000, 60),
                });
            }
        }

        Assert.Equal(accepted, VideoSettingRules.Check(settings).Count == 0);
    }

    [Fact]
    public void A_service_time_with_its_own_zone_keeps_it_and_comes_back_in_utc()
    {
        // Only a time without a zone takes the assumed offset; one that names its zone is converted.
        var time = KooPhoneTime.Parse("2025-01-01T08:05:00+08:00");
        Assert.Equal(new DateTime(2025, 1, 1, 0, 5, 0, DateTimeKind.Utc), time);
        Assert.Equal(DateTimeKind.Utc, time!.Value.Kind);
    }
}
