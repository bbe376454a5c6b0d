namespace KooPhone.Client.Api
{
    /// <summary>Server-side filters of ListInstances (reference 5.15).</summary>
    public sealed class InstanceQuery
    {
        public static readonly InstanceQuery All = new InstanceQuery();

        public string? InstanceId { get; set; }

        /// <summary>An exact name; wildcards are the caller's business.</summary>
        public string? InstanceName { get; set; }
    }
}
