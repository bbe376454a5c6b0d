using System;
using System.Management.Automation;
using KooPhone.Client.Validation;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>The command check both command cmdlets make before sending anything.</summary>
    internal static class CommandChecks
    {
        public static void ThrowIfInvalid(PSCmdlet cmdlet, string? command)
        {
            var problem = CommandRules.Check(command);
            if (problem != null)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException(problem), "KooPhone.InvalidCommand", ErrorCategory.InvalidArgument, command));
            }
        }
    }
}
