using System;
using System.Management.Automation;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Confirmation for operations that cannot be undone or cost money (ConfirmImpact High): one
    /// ShouldProcess question per target at most (its Yes to All covers a fleet). -Force skips
    /// the question but never -WhatIf; an explicit -Confirm still asks. A host that cannot ask
    /// (-NonInteractive, Automation) gets one terminating error that says what to pass,
    /// before anything is sent.
    /// </summary>
    internal static class Confirmation
    {
        public static bool WithForce(PSCmdlet cmdlet, string target, string action, bool force)
        {
            if (force && !WhatIfRequested(cmdlet) && !ConfirmRequested(cmdlet))
            {
                return true;
            }

            try
            {
                return cmdlet.ShouldProcess(target, action);
            }
            catch (Exception e) when (e is PSInvalidOperationException || e is System.Management.Automation.Host.HostException || e is NotImplementedException)
            {
                var error = new InvalidOperationException(
                    $"{cmdlet.MyInvocation.MyCommand.Name} asks before it acts ({action}), and this session cannot answer a prompt. " +
                    "Pass -Force (or -Confirm:$false) to go ahead without asking, or -WhatIf to see what it would do. Nothing was sent.", e);
                cmdlet.ThrowTerminatingError(new ErrorRecord(error, "KooPhone.ConfirmationRequired", ErrorCategory.InvalidOperation, target));
                return false;
            }
        }

        private static bool ConfirmRequested(PSCmdlet cmdlet) =>
            cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && LanguagePrimitives.IsTrue(confirm);

        // -WhatIf, or $WhatIfPreference when it is not given: either way nothing may be sent.
        private static bool WhatIfRequested(PSCmdlet cmdlet) =>
            cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
                ? LanguagePrimitives.IsTrue(whatIf)
                : LanguagePrimitives.IsTrue(cmdlet.GetVariableValue("WhatIfPreference"));
    }
}
