using System;
using System.Management.Automation;
using KooPhone.Client.Connection;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Makes one of the session's KooPhone connections the default, by name.</para>
    /// <para type="description">Select-KooPhoneContext makes a connection the one every cmdlet uses when no -Context is given, as Select-AzContext does. Name it (Get-KooPhoneContext -ListAvailable lists the names; Connect-KooPhone -Name gives one) or pipe it in. The default is shared by the whole process, Start-ThreadJob and ForEach-Object -Parallel runspaces included; a script that works with several tenants at once passes -Context to each cmdlet instead.</para>
    /// </summary>
    /// <example>
    ///   <code>Connect-KooPhone -Name prod -AccessKey $ak -SecretKey $sk -ProjectId $prodProject
    /// Connect-KooPhone -Name lab -Endpoint http://127.0.0.1:5080 -Token $labToken
    /// Select-KooPhoneContext prod
    /// Get-KooPhoneInstance</code>
    ///   <para>Connects to two tenants, then makes prod the default again (the last Connect-KooPhone made lab the default).</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhoneContext -ListAvailable | Where-Object Region -eq cn-east-3 | Select-Object -First 1 | Select-KooPhoneContext -PassThru</code>
    ///   <para>Selects a connection found by its properties and shows it.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Select, "KooPhoneContext", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(KooPhoneContext))]
    public sealed class SelectKooPhoneContextCommand : PSCmdlet
    {
        private const string NameSet = "Name";
        private const string ContextSet = "Context";

        /// <summary>
        /// <para type="description">The name of the connection to make the default.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = null!;

        /// <summary>
        /// <para type="description">The connection to make the default, e.g. from Get-KooPhoneContext -ListAvailable or Connect-KooPhone -PassThru.</para>
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ContextSet)]
        [ContextTransformation]
        public KooPhoneContext Context { get; set; } = null!;

        /// <summary>
        /// <para type="description">Returns the selected connection.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var context = ParameterSetName == NameSet ? KooPhoneContextRegistry.Find(Name) : Context;
            if (context == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ItemNotFoundException($"This session has no KooPhone context named '{Name}'. Get-KooPhoneContext -ListAvailable lists the names; Connect-KooPhone -Name names a new one."),
                    "KooPhone.ContextNotFound", ErrorCategory.ObjectNotFound, Name));
                return;
            }

            if (context.IsDisposed)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException($"The KooPhone context '{context.Name}' was disconnected. Run Connect-KooPhone again."),
                    ErrorRecords.NotConnected, ErrorCategory.InvalidOperation, context));
                return;
            }

            KooPhoneContextRegistry.SetConnected(context);
            WriteVerbose($"The default KooPhone context is now '{context.Name}' ({context.Endpoint}, {context.Region}).");
            if (PassThru)
            {
                WriteObject(context);
            }
        }
    }
}
