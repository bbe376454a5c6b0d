namespace KooPhone.Emulator.State;

/// <summary>An app that lands in an instance's app list when its install job succeeds.</summary>
public sealed class PendingInstall
{
    /// <summary>Creates a pending install.</summary>
    public PendingInstall(long completesAtMs, AppEntry app)
    {
        CompletesAtMs = completesAtMs;
        App = app;
    }

    /// <summary>When the install job succeeds, in Unix milliseconds.</summary>
    public long CompletesAtMs { get; }

    /// <summary>The app as it will be listed.</summary>
    public AppEntry App { get; }
}
