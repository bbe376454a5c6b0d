using KooPhone.Client.Connection;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// The words that tell a user how to get a connection, in one place: the no-connection error
    /// and the error of a context that arrived through serialization both name every way.
    /// </summary>
    internal static class ConnectionHelp
    {
        /// <summary>Every way to connect, as one sentence.</summary>
        public const string WaysToConnect =
            "Run Connect-KooPhone (with -Token; -Credential and -DomainName; or -AccessKey, -SecretKey and -ProjectId), " +
            "or set the environment variables " + KooPhoneEnvironment.Token + ", or " + KooPhoneEnvironment.AccessKey + ", " + KooPhoneEnvironment.SecretKey + " and " + KooPhoneEnvironment.ProjectId +
            " (with " + KooPhoneEnvironment.SecurityToken + " for temporary keys; " + KooPhoneEnvironment.Endpoint + " and " + KooPhoneEnvironment.Region + " for another endpoint or region).";

        public const string NoConnection = "There is no KooPhone connection. " + WaysToConnect;

        /// <summary>
        /// A context that went through serialization is a property bag without its credentials
        /// (KooPhoneContext keeps them inside its authenticator, which is never serialized).
        /// </summary>
        public static string Deserialized(string? name) =>
            $"The KooPhone context{(string.IsNullOrEmpty(name) ? "" : " '" + name + "'")} came through serialization (Start-Job, remoting or Export-Clixml), which never carries its credentials, so it cannot be used. " +
            "Use Start-ThreadJob or ForEach-Object -Parallel, which share the live context (-Context $using:context, or the default), or connect inside the job: " + WaysToConnect;
    }
}
