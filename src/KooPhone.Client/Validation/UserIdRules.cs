namespace KooPhone.Client.Validation
{
    /// <summary>What the service accepts as an end user's id (docs/api-reference.md §2.5).</summary>
    internal static class UserIdRules
    {
        public const int MaxLength = 32;

        public static string? Check(string? userId)
        {
            if (string.IsNullOrWhiteSpace(userId))
            {
                return "The user id is empty.";
            }

            return userId!.Length > MaxLength ? $"The user id '{userId}' has {userId.Length} characters; at most {MaxLength} are allowed." : null;
        }
    }
}
