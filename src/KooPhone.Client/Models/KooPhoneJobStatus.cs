namespace KooPhone.Client.Models
{
    /// <summary>
    /// Where one instance's part of an asynchronous operation stands. Submitted means the service
    /// accepted the batch and nothing has been polled yet; the others follow the task query's job
    /// status (docs/api-reference.md §4.4: 0 not started, 1 running, 2 succeeded, 3 and -1 failed).
    /// </summary>
    public enum KooPhoneJobStatus
    {
        Submitted,
        NotStarted,
        Running,
        Succeeded,
        Failed,
        Unknown,
    }
}
