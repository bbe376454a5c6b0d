using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Emulator.State;

/// <summary>
/// The admin view of one instance: the ListInstances fields, then what only the emulator can
/// show (stored video settings, apps, the prepared-for user, the last session release and
/// streaming stop). The extra fields are ordered after the inherited ones. Times are always UTC,
/// the form the state patch takes, whatever --time-zone-offset the API uses.
/// </summary>
public sealed class InstanceDetails : InstanceSnapshot
{
    /// <summary>Formats a captured state and its extras.</summary>
    public InstanceDetails(int index, string id, InstanceState state, InstanceProfile profile, InstanceExtrasView extras)
        : base(index, id, state, profile, TimeSpan.Zero)
    {
        VideoSettings = extras.VideoSettings;
        Apps = extras.Apps;
        PreparedForUser = extras.PreparedForUser;
        LastSessionReleaseTime = FormatOrNull(extras.LastSessionReleaseMs);
        LastStreamingStopTime = FormatOrNull(extras.LastStreamingStopMs);
    }

    /// <summary>The last SetVideo's instance_settings, or null when never set.</summary>
    [JsonPropertyName("video_settings"), JsonPropertyOrder(1)]
    public IReadOnlyList<VideoSetting>? VideoSettings { get; }

    /// <summary>The app list, system and third-party apps alike, with app_type.</summary>
    [JsonPropertyName("apps"), JsonPropertyOrder(2)]
    public IReadOnlyList<AppEntry> Apps { get; }

    /// <summary>The user_id of the last BatchPrepareInstances that named the instance, or null.</summary>
    [JsonPropertyName("prepared_for_user"), JsonPropertyOrder(3)]
    public string? PreparedForUser { get; }

    /// <summary>When StopInstancesSession last released the session, or null.</summary>
    [JsonPropertyName("last_session_release_time"), JsonPropertyOrder(4)]
    public string? LastSessionReleaseTime { get; }

    /// <summary>When StopInstancesStreaming last stopped streaming, or null.</summary>
    [JsonPropertyName("last_streaming_stop_time"), JsonPropertyOrder(5)]
    public string? LastStreamingStopTime { get; }

    private static string? FormatOrNull(long unixMs) => unixMs == 0 ? null : EmulatorTime.FormatUnixSeconds(unixMs / 1000);
}
