using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>A copy of what the admin view shows beyond the ListInstances fields, taken under the store's lock.</summary>
public sealed class InstanceExtrasView
{
    private InstanceExtrasView(
        IReadOnlyList<VideoSetting>? videoSettings, IReadOnlyList<AppEntry> apps, string? preparedForUser,
        long lastSessionReleaseMs, long lastStreamingStopMs)
    {
        VideoSettings = videoSettings;
        Apps = apps;
        PreparedForUser = preparedForUser;
        LastSessionReleaseMs = lastSessionReleaseMs;
        LastStreamingStopMs = lastStreamingStopMs;
    }

    /// <summary>The stored SetVideo settings (immutable), or null.</summary>
    public IReadOnlyList<VideoSetting>? VideoSettings { get; }

    /// <summary>A copy of the current app list.</summary>
    public IReadOnlyList<AppEntry> Apps { get; }

    /// <summary>The user of the last BatchPrepareInstances, or null.</summary>
    public string? PreparedForUser { get; }

    /// <summary>Unix ms of the last session release, or 0.</summary>
    public long LastSessionReleaseMs { get; }

    /// <summary>Unix ms of the last streaming stop, or 0.</summary>
    public long LastStreamingStopMs { get; }

    /// <summary>Copies the settled <paramref name="record"/>'s extras; the caller holds the store's lock.</summary>
    public static InstanceExtrasView Capture(StoredInstance record, InstanceProfile profile)
    {
        InstanceExtras? extras = record.Extras;
        List<AppEntry> apps = extras?.Apps is List<AppEntry> changed
            ? new List<AppEntry>(changed)
            : profile.SeededApps(record.Index, record.Os);
        return new InstanceExtrasView(
            extras?.VideoSettings, apps, extras?.PreparedForUser, extras?.LastSessionReleaseMs ?? 0, extras?.LastStreamingStopMs ?? 0);
    }
}
