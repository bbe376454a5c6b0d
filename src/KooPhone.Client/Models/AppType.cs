namespace KooPhone.Client.Models
{
    /// <summary>Which apps Get-KooPhoneApp lists: all, system or third-party.</summary>
    public enum AppType
    {
        All = 0,
        System = 1,
        ThirdParty = 2,
    }
}
