using System;

namespace KooPhone.Emulator.State;

/// <summary>One per-instance job of a task. Immutable: what it reports is a function of the clock.</summary>
public sealed class EmulatorJob
{
    /// <summary>Creates a job that runs from <paramref name="runsAt"/> and ends as <paramref name="outcome"/> at <paramref name="completesAt"/>.</summary>
    public EmulatorJob(string jobId, string instanceId, DateTimeOffset runsAt, DateTimeOffset completesAt, JobOutcome outcome)
    {
        JobId = jobId;
        InstanceId = instanceId;
        RunsAt = runsAt;
        CompletesAt = completesAt;
        Outcome = outcome;
    }

    /// <summary>job_id (32 lower-case hex characters).</summary>
    public string JobId { get; }

    /// <summary>The instance the job works on.</summary>
    public string InstanceId { get; }

    /// <summary>When the job leaves "not started" (0) for "running" (1); only install jobs have a gap.</summary>
    public DateTimeOffset RunsAt { get; }

    /// <summary>When the job ends.</summary>
    public DateTimeOffset CompletesAt { get; }

    /// <summary>How the job ends.</summary>
    public JobOutcome Outcome { get; }

    /// <summary>What the job reports at <paramref name="now"/> (docs/api-reference.md §4.4): not started, running, then its outcome.</summary>
    public JobOutcome At(DateTimeOffset now)
    {
        if (now >= CompletesAt)
        {
            return Outcome;
        }

        return JobOutcome.InProgress(now < RunsAt ? StatusValues.JobNotStarted : StatusValues.JobRunning);
    }
}
