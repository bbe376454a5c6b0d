namespace KooPhone.Client.Models
{
    /// <summary>The streaming kinds of ExecuteInstanceAuthToken's stream_type (docs/api-reference.md §4.6).</summary>
    public enum StreamType
    {
        Sdk = 1,
        H5 = 2,
    }
}
