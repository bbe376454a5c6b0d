namespace KooPhone.Client.Models
{
    /// <summary>ListInstanceApp's app_type filter (reference 4.6).</summary>
    public enum AppType
    {
        All = 0,
        System = 1,
        ThirdParty = 2,
    }
}
