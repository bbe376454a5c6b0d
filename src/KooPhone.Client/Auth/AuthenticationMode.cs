namespace KooPhone.Client.Auth
{
    /// <summary>How a context proves who it is to the service.</summary>
    public enum AuthenticationMode
    {
        /// <summary>A project-scoped IAM token given by the user (X-Auth-Token).</summary>
        Token,

        /// <summary>An IAM token the module obtains and renews from a user name and password.</summary>
        Password,

        /// <summary>Every request signed with an access key and secret key (SDK-HMAC-SHA256).</summary>
        AccessKey,
    }
}
