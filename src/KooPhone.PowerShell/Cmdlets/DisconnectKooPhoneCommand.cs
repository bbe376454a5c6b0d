using System.Management.Automation;
using KooPhone.Client.Connection;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Ends a KooPhone connection and wipes its credentials.</para>
    /// <para type="description">Disconnect-KooPhone closes the default connection (or the one given with -Context, by object or name), wipes the token or keys it held, closes its network connections and removes it from the session's list (Get-KooPhoneContext -ListAvailable). No other connection becomes the default by itself, so a script never moves to another tenant unasked: later commands fall back to the environment variables, if set, until Select-KooPhoneContext or Connect-KooPhone sets a default.</para>
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
    /// <example>
    ///   <code>Disconnect-KooPhone -Context lab</code>
    ///   <para>Ends the connection named lab (Connect-KooPhone -Name lab).</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Disconnect, "KooPhone")]
    [OutputType(typeof(void))]
    public sealed class DisconnectKooPhoneCommand : PSCmdlet
    {
        /// <summary>
        /// <para type="description">The connection to end, or its name; by default, the default connection.</para>
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        [Internal.ContextTransformation]
        public KooPhoneContext? Context { get; set; }

        protected override void ProcessRecord()
        {
            if (Context != null)
            {
                KooPhoneContextRegistry.Disconnect(Context);
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
