namespace KooPhone.Client.Models
{
    /// <summary>An instance and the end user it is (to be) assigned to.</summary>
    public sealed class UserInstancePair
    {
        public UserInstancePair(string userId, string instanceId)
        {
            UserId = userId;
            InstanceId = instanceId;
        }

        public string UserId { get; }

        public string InstanceId { get; }

        public override string ToString() => UserId + "/" + InstanceId;
    }
}
