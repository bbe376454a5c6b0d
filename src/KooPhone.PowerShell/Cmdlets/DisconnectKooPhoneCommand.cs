using System.Management.Automation;
using KooPhone.Client.Connection;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Ends a KooPhone connection and wipes its credentials.</para>
    /// <para type="description">Disconnect-KooPhone closes the default connection (or the one given with -Context), wipes the token or keys it held and closes its network connections. Later commands fall back to the environment variables, if set.</para>
    /// </summary>
    /// <example>
    ///   <code>Disconnect-KooPhone</code>
    ///   <para>Ends the default connection.</para>
    /// </example>
    /// <example>
    ///   <code>$tenantB = Connect-KooPhone -Token $tokenB -PassThru
    /// Disconnect-KooPhone -Context $tenantB</code>
    ///   <para>Ends one particular connection that a script kept.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Disconnect, "KooPhone")]
    [OutputType(typeof(void))]
    public sealed class DisconnectKooPhoneCommand : PSCmdlet
    {
        /// <summary>
        /// <para type="description">The connection to end; by default, the one Connect-KooPhone made last.</para>
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public KooPhoneContext? Context { get; set; }

        protected override void ProcessRecord()
        {
            if (Context != null)
            {
                if (ReferenceEquals(Context, KooPhoneContextRegistry.Connected))
                {
                    KooPhoneContextRegistry.Disconnect();
                }

                Context.Dispose();
                WriteVerbose($"Disconnected from {Context.Endpoint}.");
                return;
            }

            // Piped input means that input: a null from the pipeline is not a request to end the default.
            if (MyInvocation.ExpectingInput)
            {
                WriteVerbose("No connection was piped in; nothing was disconnected.");
                return;
            }

            if (!KooPhoneContextRegistry.Disconnect())
            {
                WriteVerbose("There was no connection to end.");
            }
        }
    }
}
