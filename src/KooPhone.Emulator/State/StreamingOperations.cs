namespace KooPhone.Emulator.State;

/// <summary>ExecuteInstanceAuthToken (docs/api-reference.md §5.11), StopInstancesSession (§5.19) and StopInstancesStreaming (§5.20).</summary>
public sealed class StreamingOperations
{
    private readonly InstanceStore store;

    /// <summary>Creates the operations over <paramref name="store"/>.</summary>
    public StreamingOperations(InstanceStore store) => this.store = store;

    /// <summary>Checks that the instance exists and runs (KOOPHONE.API.5005 otherwise), and says where it streams from.</summary>
    public BatchResult<StreamTarget> TryAuthorize(string instanceId) => store.Update(tx =>
    {
        StoredInstance? record = tx.Find(instanceId);
        if (record is null)
        {
            return BatchResult<StreamTarget>.Refused(new Refusal(Rejection.UnknownInstances, new[] { instanceId }));
        }

        if (record.RunningStatus != StatusValues.Running)
        {
            return BatchResult<StreamTarget>.Refused(new Refusal(Rejection.NotRunning, new[] { instanceId }));
        }

        return BatchResult<StreamTarget>.Accepted(new StreamTarget(record.Id, record.Index, record.Region(tx.Profile)), tx.Now);
    });

    /// <summary>Releases the instance's session; records when.</summary>
    public BatchResult TryReleaseSession(string instanceId) => store.Update(tx =>
    {
        StoredInstance? record = tx.Find(instanceId);
        if (record is null)
        {
            return BatchResult.Refused(new Refusal(Rejection.UnknownInstances, new[] { instanceId }));
        }

        record.Extend().LastSessionReleaseMs = tx.NowMs;
        return BatchResult.Accepted(tx.Now);
    });

    /// <summary>Stops the instance's stream (a no-op if it was not streaming); records when.</summary>
    public BatchResult TryStopStreaming(string instanceId) => store.Update(tx =>
    {
        StoredInstance? record = tx.Find(instanceId);
        if (record is null)
        {
            return BatchResult.Refused(new Refusal(Rejection.UnknownInstances, new[] { instanceId }));
        }

        record.Extend().LastStreamingStopMs = tx.NowMs;
        return BatchResult.Accepted(tx.Now);
    });
}
