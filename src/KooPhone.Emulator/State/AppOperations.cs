using System;
using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>InstallApp (docs/api-reference.md §5.13) and ListInstanceApp (§5.14).</summary>
public sealed class AppOperations
{
    private readonly InstanceStore store;

    /// <summary>Creates the operations over <paramref name="store"/>.</summary>
    public AppOperations(InstanceStore store) => this.store = store;

    /// <summary>
    /// Installs <paramref name="app"/> on every instance, which must all be running
    /// (KOOPHONE.API.5005 otherwise). The app appears in each list when the job succeeds, after
    /// <paramref name="duration"/>, replacing an installed version of the same package.
    /// </summary>
    public BatchResult TryInstall(IReadOnlyList<string> ids, AppEntry app, TimeSpan duration) => store.Update(tx =>
    {
        BatchScreening screening = tx.Screen(ids, new InstanceCheck(Rejection.NotRunning, r => r.RunningStatus != StatusValues.Running));
        var pending = new PendingInstall((tx.Now + duration).ToUnixTimeMilliseconds(), app);
        foreach (StoredInstance record in screening.RecordsToChange())
        {
            InstanceExtras extras = record.Extend();
            (extras.PendingInstalls ??= new List<PendingInstall>()).Add(pending);
        }

        return BatchResult.Of(screening, tx.Now);
    });

    /// <summary>Page <paramref name="pageNo"/> (1-based) of an instance's apps, optionally only one app_type.</summary>
    public BatchResult<AppPage> TryList(string instanceId, int? appType, int pageNo, int pageSize) => store.Update(tx =>
    {
        StoredInstance? record = tx.Find(instanceId);
        if (record is null)
        {
            return BatchResult<AppPage>.Refused(new Refusal(Rejection.UnknownInstances, new[] { instanceId }));
        }

        IReadOnlyList<AppEntry> apps = tx.Visible(record).Apps ?? (IReadOnlyList<AppEntry>)tx.Profile.SeededApps(record.Index, record.Os);
        var matching = new List<AppEntry>(apps.Count);
        foreach (AppEntry app in apps)
        {
            if (appType is null || app.AppType == appType)
            {
                matching.Add(app);
            }
        }

        long start = (long)(pageNo - 1) * pageSize;
        int skip = (int)Math.Min(start, matching.Count);
        int take = Math.Min(pageSize, matching.Count - skip);
        return BatchResult<AppPage>.Accepted(new AppPage(matching.Count, matching.GetRange(skip, take)), tx.Now);
    });
}
