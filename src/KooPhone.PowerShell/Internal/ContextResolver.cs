using System;
using System.Management.Automation;
using KooPhone.Client.Connection;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>Which connection a cmdlet uses: -Context, else the connected default, else the environment.</summary>
    internal static class ContextResolver
    {
        /// <summary>The context of <paramref name="given"/> or its fallbacks; a terminating error when there is none or it was disconnected.</summary>
        public static KooPhoneContext Resolve(PSCmdlet cmdlet, KooPhoneContext? given)
        {
            KooPhoneContext? context;
            HostProduct.DescribeOnce(cmdlet);
            try
            {
                context = given ?? KooPhoneContextRegistry.Current();
            }
            catch (ArgumentException e)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(e, ErrorRecords.NotConnected, ErrorCategory.InvalidArgument, null));
                throw;
            }

            if (context == null)
            {
                var error = new InvalidOperationException(ConnectionHelp.NoConnection);
                cmdlet.ThrowTerminatingError(new ErrorRecord(error, ErrorRecords.NotConnected, ErrorCategory.AuthenticationError, null));
            }

            if (context!.IsDisposed)
            {
                var error = new InvalidOperationException("This KooPhone context was disconnected. Run Connect-KooPhone again.");
                cmdlet.ThrowTerminatingError(new ErrorRecord(error, ErrorRecords.NotConnected, ErrorCategory.InvalidOperation, context));
            }

            return context;
        }
    }
}
