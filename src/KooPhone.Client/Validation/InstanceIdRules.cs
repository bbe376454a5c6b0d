namespace KooPhone.Client.Validation
{
    /// <summary>What the service accepts as an instance id (docs/api-reference.md §2.5), checked before anything is sent.</summary>
    internal static class InstanceIdRules
    {
        public const int MaxLength = 32;

        /// <summary>The most ids any batch operation takes in one call.</summary>
        public const int MaxBatchSize = 100;

        /// <summary>Why the id cannot be sent, or null when it can.</summary>
        public static string? Check(string? instanceId)
        {
            if (instanceId == null)
            {
                return "The instance id is null.";
            }

            if (instanceId.Length == 0)
            {
                return "The instance id is empty.";
            }

            if (string.IsNullOrWhiteSpace(instanceId))
            {
                return "The instance id is only white space.";
            }

            if (instanceId.Length > MaxLength)
            {
                return $"The instance id '{instanceId}' has {instanceId.Length} characters; KooPhone instance ids have at most {MaxLength}.";
            }

            return null;
        }
    }
}
