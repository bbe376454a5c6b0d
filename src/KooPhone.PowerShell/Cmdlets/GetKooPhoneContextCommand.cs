using System.Management.Automation;
using KooPhone.Client.Connection;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Shows which KooPhone connection the cmdlets use and how it authenticates.</para>
    /// <para type="description">Get-KooPhoneContext returns the connection Connect-KooPhone made, or, when nothing was connected, the one the environment variables describe. Its Source says which; AuthenticationMode says how it proves itself. It never shows the token or keys. Nothing is returned when there is no connection at all.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-KooPhoneContext</code>
    ///   <para>Shows endpoint, region, authentication mode and source of the connection in use.</para>
    /// </example>
    /// <example>
    ///   <code>if (-not (Get-KooPhoneContext)) { Connect-KooPhone -Token $token }</code>
    ///   <para>Connects only when no connection is available yet.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "KooPhoneContext")]
    [OutputType(typeof(KooPhoneContext))]
    public sealed class GetKooPhoneContextCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            try
            {
                var context = KooPhoneContextRegistry.Current();
                if (context != null)
                {
                    WriteObject(context);
                }
            }
            catch (System.ArgumentException e)
            {
                WriteError(new ErrorRecord(e, "KooPhone.InvalidEnvironment", ErrorCategory.InvalidArgument, null));
            }
        }
    }
}
