namespace KooPhone.PowerShell.Internal
{
    /// <summary>A -Wait stream as the batching cmdlet drives it, whatever it waits for.</summary>
    internal interface IWaitStream
    {
        /// <summary>Writes what has ended meanwhile and starts the next round when due. Never blocks.</summary>
        void Pump();

        /// <summary>Waits for the rest, up to the time limit, and writes every result.</summary>
        void Finish();
    }
}
