using System;
using System.Management.Automation;
using System.Security;
using KooPhone.Client.Api;
using KooPhone.Client.Auth;
using KooPhone.Client.Connection;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Connects to KooPhone and makes the connection the default for later commands.</para>
    /// <para type="description">Connect-KooPhone checks the credentials with one cheap call (a one-instance page of ListInstances) and keeps the connection for the other KooPhone cmdlets of this process. With -PassThru it also returns the connection, which any cmdlet takes through -Context, so one script can work with several tenants. Without any Connect-KooPhone, the cmdlets use the environment variables KOOPHONE_TOKEN and KOOPHONE_ENDPOINT.</para>
    /// <para type="description">Secrets stay secret: the token is kept as a SecureString, never written to any stream, and wiped by Disconnect-KooPhone. Plain http:// endpoints are refused unless the host is this machine (the bundled emulator).</para>
    /// </summary>
    /// <example>
    ///   <code>Connect-KooPhone -Token (Read-Host -AsSecureString 'IAM token') -Region cn-north-4</code>
    ///   <para>Connects with a project-scoped IAM token typed at the prompt.</para>
    /// </example>
    /// <example>
    ///   <code>$lab = Connect-KooPhone -Endpoint http://127.0.0.1:5080 -Token (ConvertTo-SecureString emulator-token -AsPlainText -Force) -PassThru
    /// Get-KooPhoneInstance -Context $lab</code>
    ///   <para>Connects to a local emulator and passes the connection explicitly.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Connect, "KooPhone", DefaultParameterSetName = TokenSet)]
    [OutputType(typeof(KooPhoneContext))]
    public sealed class ConnectKooPhoneCommand : PSCmdlet
    {
        private const string TokenSet = "Token";

        /// <summary>
        /// <para type="description">A project-scoped IAM token (the X-Subject-Token IAM returned). Read-Host -AsSecureString or a vault gives one without showing it.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [ValidateNotNull]
        public SecureString Token { get; set; } = null!;

        /// <summary>
        /// <para type="description">The KooPhone endpoint; default https://koophone.myhuaweicloud.com. http:// is accepted only for a loopback host such as the bundled emulator.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Endpoint { get; set; }

        /// <summary>
        /// <para type="description">The region (project name), default cn-north-4. Both KooPhone regions use the same endpoint; the region selects the project.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Region { get; set; } = KooPhoneRegions.Default;

        /// <summary>
        /// <para type="description">Returns the connection, for -Context on other cmdlets.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            KooPhoneContext context;
            try
            {
                var endpoint = EndpointPolicy.Validate(Endpoint ?? EndpointPolicy.DefaultEndpoint);
                context = new KooPhoneContext(endpoint, Region, new TokenAuthenticator(Token), KooPhoneContextSource.Connected);
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "KooPhone.InvalidConnection", ErrorCategory.InvalidArgument, Endpoint));
                return;
            }

            try
            {
                // One small call proves the endpoint answers and the credentials are accepted, so a
                // wrong token fails here, once, rather than once per instance later.
                var api = new KooPhoneApiClient(context);
                api.ListInstancesAsync(InstanceQuery.All, 1, 1, default).GetAwaiter().GetResult();
            }
            catch (KooPhoneApiException e) when (!IsCredentialProblem(e) && e.HttpStatus < 500)
            {
                // The credentials were accepted; the call failed for another reason (a custom policy
                // without ListInstances, say). The connection is still good for other operations.
                WriteWarning("The connection check was answered with " + e.ErrorCode + ": " + e.ErrorMessage);
            }
            catch (Exception e) when (e is KooPhoneApiException || e is System.Net.Http.HttpRequestException || e is System.Threading.Tasks.TaskCanceledException)
            {
                context.Dispose();
                var record = ErrorRecords.ForTarget(e, context.Endpoint, "Connecting to KooPhone");
                ThrowTerminatingError(record);
                return;
            }

            // The context this replaces is not disposed: -PassThru may have handed it to a script
            // that still uses it. Disconnect-KooPhone is what ends a connection.
            KooPhoneContextRegistry.SetConnected(context);
            WriteVerbose($"Connected to {context.Endpoint} ({context.Region}) with {context.AuthenticationMode} authentication.");
            if (PassThru)
            {
                WriteObject(context);
            }
        }

        private static bool IsCredentialProblem(KooPhoneApiException e) =>
            e.HttpStatus == 401 || e.HttpStatus == 403 || e.ErrorCode.StartsWith("APIGW.", StringComparison.OrdinalIgnoreCase);
    }
}
