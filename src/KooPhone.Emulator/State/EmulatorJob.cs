using System;

namespace KooPhone.Emulator.State;

/// <summary>One per-instance job of a task. Immutable: its status is a function of the clock.</summary>
public sealed class EmulatorJob
{
    /// <summary>Creates a job that succeeds at <paramref name="completesAt"/>.</summary>
    public EmulatorJob(string jobId, string instanceId, DateTimeOffset completesAt)
    {
        JobId = jobId;
        InstanceId = instanceId;
        CompletesAt = completesAt;
    }

    /// <summary>job_id (32 lower-case hex characters).</summary>
    public string JobId { get; }

    /// <summary>The instance the job works on.</summary>
    public string InstanceId { get; }

    /// <summary>When the job succeeds.</summary>
    public DateTimeOffset CompletesAt { get; }

    /// <summary>The job's status (§4.4) at <paramref name="now"/>: running, then succeeded.</summary>
    public int StatusAt(DateTimeOffset now) => now < CompletesAt ? StatusValues.JobRunning : StatusValues.JobSucceeded;
}
