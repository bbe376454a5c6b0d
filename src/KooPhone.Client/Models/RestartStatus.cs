namespace KooPhone.Client.Models
{
    /// <summary>The Status of a restart's result (Restart-KooPhoneInstance), from the call's answer and, with -Wait, what the polls saw.</summary>
    public static class RestartStatus
    {
        /// <summary>The service accepted the call; without -Wait nothing more is known.</summary>
        public const string Accepted = "Accepted";

        /// <summary>Seen out of Running since the call, not yet back.</summary>
        public const string Restarting = "Restarting";

        /// <summary>Seen to leave Running and come back.</summary>
        public const string Restarted = "Restarted";

        /// <summary>At the time limit: Running at every poll, so no restart was seen.</summary>
        public const string NotSeen = "RestartNotSeen";

        /// <summary>At the time limit: left Running and had not come back.</summary>
        public const string NotBack = "NotBackInTime";
    }
}
