namespace KooPhone.Client.Http
{
    /// <summary>
    /// Receives one trace per HTTP attempt. Called from thread-pool threads; a PowerShell cmdlet
    /// queues the traces and writes them on its own pipeline thread.
    /// </summary>
    internal interface IRequestObserver
    {
        void OnAttemptCompleted(RequestTrace trace);
    }
}
