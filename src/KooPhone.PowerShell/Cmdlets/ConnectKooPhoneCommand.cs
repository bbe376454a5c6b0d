using System;
using System.Management.Automation;
using System.Security;
using KooPhone.Client.Api;
using KooPhone.Client.Auth;
using KooPhone.Client.Connection;
using KooPhone.Client.Models;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Connects to KooPhone and makes the connection the default for later commands.</para>
    /// <para type="description">Connect-KooPhone logs in one of three ways, as Huawei Cloud users do: with an IAM token (-Token); with an IAM user's name and password (-Credential and -DomainName), from which it obtains and renews project-scoped tokens itself; or with an access key and secret key (-AccessKey, -SecretKey), signing every request (SDK-HMAC-SHA256). Without -ProjectId the AK/SK set finds the project the way Huawei's SDKs do: it asks IAM for the project named after -Region (GET /v3/projects, signed with the same keys), names it in -Verbose and keeps it for the connection.</para>
    /// <para type="description">Connect-KooPhone checks the credentials with one cheap call (a one-instance page of ListInstances) and keeps the connection for the other KooPhone cmdlets of this process, as the default. An endpoint that refuses the connection or whose host cannot be found fails at once, in one attempt and one error ("Cannot reach &lt;endpoint&gt;: connection refused"); other failures are retried as for any call.</para>
    /// <para type="description">With -Token it then asks IAM which project the token is scoped to (GET /v3/auth/tokens, the token validating itself) and holds the region to it: a -Region that is not the token's (a typo such as cn-noth-4, or a token of another region) is refused with an error that names the token's region, and without -Region the connection takes the token's region and project. When IAM cannot say (unreachable, refusing), a warning says the region was not checked and the connection stands.</para>
    /// <para type="description">On success it writes one line saying what it connected to (endpoint, region, project, authentication, name) to the information stream, tagged KooPhone.Connected, never to the output: $c = Connect-KooPhone -PassThru gets the connection alone. A person at PowerShell's console sees the line, as with Write-Host; scripts, jobs and Azure Automation stay quiet unless they ask ($InformationPreference = 'Continue', -InformationVariable, 6&gt;&amp;1), and -InformationAction Ignore or 6&gt;$null silences it.</para>
    /// <para type="description">Each connection has a name (-Name, or host/project/account); the session keeps every connection it made, like Az's contexts: Get-KooPhoneContext -ListAvailable lists them, Select-KooPhoneContext makes one the default again, and any cmdlet takes one by object or name through -Context, so one script can work with several tenants. With -PassThru, Connect-KooPhone also returns the connection. Without any Connect-KooPhone, the cmdlets use the environment variables KOOPHONE_TOKEN and KOOPHONE_ENDPOINT, or Huawei's HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_REGION, HUAWEICLOUD_SDK_PROJECT_ID (optional: looked up as above) and HUAWEICLOUD_SDK_IAM_ENDPOINT. Connect-KooPhone itself reads none of them but HUAWEICLOUD_SDK_IAM_ENDPOINT: its endpoint is -Endpoint or the default.</para>
    /// <para type="description">Secrets stay secret: the token is kept as a SecureString, never written to any stream, and wiped by Disconnect-KooPhone. Plain http:// endpoints are refused unless the host is this machine (the bundled emulator).</para>
    /// </summary>
    /// <example>
    ///   <code>Connect-KooPhone -Token (Read-Host -AsSecureString 'IAM token') -Region cn-north-4</code>
    ///   <para>Connects with a project-scoped IAM token typed at the prompt, after IAM confirmed that the token is scoped to cn-north-4.</para>
    /// </example>
    /// <example>
    ///   <code>$lab = Connect-KooPhone -Endpoint http://127.0.0.1:5080 -Token (ConvertTo-SecureString emulator-token -AsPlainText -Force) -PassThru
    /// Get-KooPhoneInstance -Context $lab</code>
    ///   <para>Connects to a local emulator and passes the connection explicitly.</para>
    /// </example>
    /// <example>
    ///   <code>Connect-KooPhone -Credential (Get-Credential) -DomainName acme -Region cn-north-4</code>
    ///   <para>Logs in as an IAM user of the account acme; the module renews the token before it expires.</para>
    /// </example>
    /// <example>
    ///   <code>Connect-KooPhone -AccessKey $env:AK -SecretKey (ConvertTo-SecureString $env:SK -AsPlainText -Force) -ProjectId 0123456789abcdef0123456789abcdef</code>
    ///   <para>Signs every request with an access key pair, as Huawei's SDKs do.</para>
    /// </example>
    /// <example>
    ///   <code>Connect-KooPhone -AccessKey $env:AK -SecretKey (ConvertTo-SecureString $env:SK -AsPlainText -Force) -Region cn-north-4 -Verbose</code>
    ///   <para>Signs with an access key pair and lets IAM name the project of cn-north-4; -Verbose shows the project id it found (never the keys).</para>
    /// </example>
    /// <example>
    ///   <code>Connect-KooPhone -Name prod -Credential $prodCred -DomainName acme
    /// Connect-KooPhone -Name lab -Endpoint http://127.0.0.1:5080 -Token (ConvertTo-SecureString emulator-token -AsPlainText -Force)
    /// Get-KooPhoneInstance -Context prod
    /// Select-KooPhoneContext prod</code>
    ///   <para>Names two connections, reads one by name while the other is the default, then makes prod the default.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Connect, "KooPhone", DefaultParameterSetName = TokenSet)]
    [OutputType(typeof(KooPhoneContext))]
    public sealed class ConnectKooPhoneCommand : PSCmdlet, IDisposable
    {
        private const string TokenSet = "Token";
        private const string PasswordSet = "Password";
        private const string AccessKeySet = "AccessKey";

        // Cancellation and request traces, as for every cmdlet that calls the service.
        private readonly CallScope _calls;

        public ConnectKooPhoneCommand() => _calls = new CallScope(this);

        /// <summary>
        /// <para type="description">A project-scoped IAM token (the X-Subject-Token IAM returned). Read-Host -AsSecureString or a vault gives one without showing it.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [ValidateNotNull]
        public SecureString Token { get; set; } = null!;

        /// <summary>
        /// <para type="description">An IAM user's name and password. The module obtains a project-scoped token from IAM, keeps it, renews it ten minutes before it expires and once more if the service refuses it. Get-AutomationPSCredential gives one in Azure Automation.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = PasswordSet)]
        [ValidateNotNull]
        [Credential]
        public PSCredential Credential { get; set; } = null!;

        /// <summary>
        /// <para type="description">The account (domain) name the IAM user belongs to.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = PasswordSet)]
        [ValidateNotNullOrEmpty]
        public string DomainName { get; set; } = null!;

        /// <summary>
        /// <para type="description">The IAM endpoint that issues tokens (password), names the region's project (AK/SK without -ProjectId) or says which project a token is scoped to (-Token). Default HUAWEICLOUD_SDK_IAM_ENDPOINT if set, else https://iam.&lt;region&gt;.myhuaweicloud.com; for -Token, whose region is what IAM checks, the -Endpoint itself when it is on this machine (the bundled emulator answers IAM too), else the global https://iam.myhuaweicloud.com. http:// is accepted only for a loopback host such as the bundled emulator.</para>
        /// </summary>
        [Parameter(ParameterSetName = TokenSet)]
        [Parameter(ParameterSetName = PasswordSet)]
        [Parameter(ParameterSetName = AccessKeySet)]
        [ValidateNotNull]
        public Uri? IamEndpoint { get; set; }

        /// <summary>
        /// <para type="description">The access key id (AK) of an IAM user. Every request is signed with it and the secret key (SDK-HMAC-SHA256); no token is fetched.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
        [ValidateNotNullOrEmpty]
        public string AccessKey { get; set; } = null!;

        /// <summary>
        /// <para type="description">The secret access key (SK) that goes with -AccessKey.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
        [ValidateNotNull]
        public SecureString SecretKey { get; set; } = null!;

        /// <summary>
        /// <para type="description">The security token of temporary AK/SK credentials; sent as X-Security-Token and signed.</para>
        /// </summary>
        [Parameter(ParameterSetName = AccessKeySet)]
        [ValidateNotNull]
        public SecureString? SecurityToken { get; set; }

        /// <summary>
        /// <para type="description">The project id. With AK/SK it is sent as X-Project-Id; without it, the project named after -Region is looked up through IAM once and kept. With a password, it scopes the token by id instead of by region name.</para>
        /// </summary>
        [Parameter(ParameterSetName = AccessKeySet)]
        [Parameter(ParameterSetName = PasswordSet)]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        /// <summary>
        /// <para type="description">The KooPhone endpoint; default https://koophone.myhuaweicloud.com. http:// is accepted only for a loopback host such as the bundled emulator.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Endpoint { get; set; }

        /// <summary>
        /// <para type="description">The region (project name). Both KooPhone regions use the same endpoint; the region selects the project. With -Token, the token's own region, as IAM names it, unless given; a given one must be the token's. Otherwise default cn-north-4.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        public string Region { get; set; } = KooPhoneRegions.Default;

        /// <summary>
        /// <para type="description">How often one call is retried after a gateway failure (502, 503, 504), a timeout or a dropped connection, 0 to 20; default 5; 0 sends every call once, with no retry at all. Throttling (429) does not count: a throttled call is retried for as long as its five-minute time limit allows. Waits grow exponentially with jitter, or last as long as Retry-After says plus a random part of it.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int MaxRetryCount { get; set; } = KooPhoneConnectionOptions.Default.MaxRetryCount;

        /// <summary>
        /// <para type="description">How long one attempt may take, in seconds (1 to 3600; default 30), the answer's body included; it bounds the calls to IAM too. A read that times out is tried again; a call that changes state and times out after it was sent is never sent again blindly: the instances' state decides (see -ReconcileTimeout).</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int Timeout { get; set; } = (int)KooPhoneConnectionOptions.Default.AttemptTimeout.TotalSeconds;

        /// <summary>
        /// <para type="description">How long, in seconds (1 to 3600; default 15), to wait for the instances' state to show the effect of a state-changing call whose answer was lost, before the call counts as not carried out and is sent again. Evidence of the effect ends the wait at once. The service does not document how late its state may show a change; raise this if it shows changes later.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int ReconcileTimeout { get; set; } = (int)KooPhoneConnectionOptions.Default.ReconcileTimeout.TotalSeconds;

        /// <summary>
        /// <para type="description">A proxy for every call of this connection. Without it, HTTPS_PROXY (or HTTP_PROXY) and NO_PROXY from the environment are used, on Windows PowerShell 5.1 as on PowerShell 7.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        /// <summary>
        /// <para type="description">Credentials for the proxy.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>
        /// <para type="description">A name for the connection, for Select-KooPhoneContext and -Context; default host/project/account (the region when the project is not given, the authentication mode when there is no account), as Az names its contexts. A connection of the same name in this session is replaced.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>
        /// <para type="description">Returns the connection, for -Context on other cmdlets.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            KooPhoneContext context;
            IRequestAuthenticator authenticator;
            KooPhoneConnectionOptions options;
            Uri? tokenIam = null;
            HostProduct.DescribeOnce(this);
            try
            {
                var endpoint = EndpointPolicy.Validate(Endpoint ?? EndpointPolicy.DefaultEndpoint);
                authenticator = CreateAuthenticator();
                options = new KooPhoneConnectionOptions
                {
                    MaxRetryCount = MaxRetryCount,
                    AttemptTimeout = TimeSpan.FromSeconds(Timeout),
                    ReconcileTimeout = TimeSpan.FromSeconds(ReconcileTimeout),
                    Proxy = Proxy,
                    ProxyCredential = ProxyCredential?.GetNetworkCredential(),
                };
                if (ParameterSetName == TokenSet)
                {
                    tokenIam = IamEndpoints.ForTokenCheck(IamEndpoint, endpoint);
                }

                context = new KooPhoneContext(endpoint, Region, authenticator, KooPhoneContextSource.Connected, options, name: Name);
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "KooPhone.InvalidConnection", ErrorCategory.InvalidArgument, Endpoint));
                return;
            }

            var probed = context.Endpoint;
            try
            {
                // A password is exchanged for a token first, so a wrong password fails here with
                // IAM's own answer; then one small call proves the endpoint answers and the
                // credentials are accepted, so a wrong token or secret key fails here, once.
                // Neither retries a host that refuses or cannot be found: a wrong address is
                // said at once, in one error.
                if (authenticator is PasswordTokenAuthenticator password)
                {
                    probed = password.IamEndpoint;
                    _calls.Await(password.SignInAsync(_calls.Traces, _calls.Token));
                    probed = context.Endpoint;
                }

                // Likewise a region whose project IAM cannot name fails here, with IAM's answer.
                if (authenticator is AccessKeyAuthenticator accessKey)
                {
                    _calls.Await(accessKey.ResolveProjectAsync(_calls.Traces, _calls.Token));
                }

                _calls.Await(new KooPhoneApiClient(context, _calls.Traces, failFastWhenUnreachable: true).ListInstancesAsync(InstanceQuery.All, 1, 1, _calls.Token));
            }
            catch (KooPhoneApiException e) when (e.Operation == KooPhoneOperation.ListInstances.Name && !IsCredentialProblem(e) && e.HttpStatus < 500)
            {
                // Only the check call itself: IAM's refusals (token, project lookup) end the connect.
                // The credentials were accepted; the call failed for another reason (a custom policy
                // without ListInstances, say). The connection is still good for other operations.
                WriteWarning("The connection check was answered with " + e.ErrorCode + ": " + e.ErrorMessage);
            }
            catch (PipelineStoppedException)
            {
                context.Dispose();
                throw;
            }
            catch (Exception e) when (ErrorRecords.IsCallFailure(e) || e is System.IO.IOException)
            {
                _calls.WriteTraces();
                context.Dispose();
                ThrowTerminatingError(ConnectFailure.For(e, probed, iam: !ReferenceEquals(probed, context.Endpoint)));
                return;
            }

            _calls.WriteTraces();
            if (tokenIam != null)
            {
                context = ScopedToToken(context, tokenIam, options);
            }

            // The context this replaces is not disposed: -PassThru may have handed it to a script
            // that still uses it. Disconnect-KooPhone is what ends a connection.
            KooPhoneContextRegistry.SetConnected(context);
            ConnectedLine.Write(this, context);
            if (PassThru)
            {
                WriteObject(context);
            }
        }

        protected override void StopProcessing() => _calls.Stop();

        // The connection as the token's scope has it: the same one when IAM could not say, a new one
        // with the token's region and project otherwise (the checked one is disposed). A -Region the
        // token is not scoped to ends the connect.
        private KooPhoneContext ScopedToToken(KooPhoneContext checkedContext, Uri iamEndpoint, KooPhoneConnectionOptions options)
        {
            TokenScope? scope;
            try
            {
                scope = new TokenScopeCheck(this, _calls).Read(Token, iamEndpoint, options.AttemptTimeout, Region);
            }
            catch (PipelineStoppedException)
            {
                checkedContext.Dispose();
                throw;
            }

            if (scope == null)
            {
                return checkedContext;
            }

            var region = TokenScopeCheck.RegionFor(scope, Region, MyInvocation.BoundParameters.ContainsKey(nameof(Region)), out var refusal);
            checkedContext.Dispose();
            if (region == null)
            {
                ThrowTerminatingError(refusal!);
            }

            return new KooPhoneContext(checkedContext.Endpoint, region!, new TokenAuthenticator(Token, scope.ProjectId), KooPhoneContextSource.Connected, options, name: Name);
        }

        public void Dispose() => _calls.Dispose();

        private IRequestAuthenticator CreateAuthenticator()
        {
            switch (ParameterSetName)
            {
                case PasswordSet:
                    var iamEndpoint = IamEndpoints.Resolve(IamEndpoint, Region);
                    var scope = ProjectId != null ? IamScope.ByProjectId(ProjectId) : IamScope.ByProjectName(Region);
                    return new PasswordTokenAuthenticator(new IamTokenClient(iamEndpoint, attemptTimeout: TimeSpan.FromSeconds(Timeout)), Credential.UserName, Credential.Password, DomainName, scope);
                case AccessKeySet:
                    var lookup = ProjectId == null ? new ProjectLookup(IamEndpoints.Resolve(IamEndpoint, Region), Region, attemptTimeout: TimeSpan.FromSeconds(Timeout)) : null;
                    return new AccessKeyAuthenticator(AccessKey, SecretKey, ProjectId, SecurityToken, projectLookup: lookup);
                default:
                    return new TokenAuthenticator(Token);
            }
        }

        private static bool IsCredentialProblem(KooPhoneApiException e) =>
            e.HttpStatus == 401 || e.HttpStatus == 403 || e.ErrorCode.StartsWith("APIGW.", StringComparison.OrdinalIgnoreCase);
    }
}
