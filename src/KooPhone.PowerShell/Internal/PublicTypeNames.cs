using System;
using System.Linq;
using System.Management.Automation;
using KooPhone.Client.Connection;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// On PowerShell 7 the engine lives in the module's private load context, where PowerShell's
    /// type-name lookup does not search, so [KooPhone.Client.Models.InstanceRunStatus] would not
    /// resolve. Registering the engine's public types under their full names (as type
    /// accelerators) makes such literals work as they would for any module.
    /// </summary>
    public sealed class PublicTypeNames : IModuleAssemblyInitializer
    {
        public void OnImport()
        {
            var accelerators = typeof(PSObject).Assembly.GetType("System.Management.Automation.TypeAccelerators");
            var add = accelerators?.GetMethod("Add", new[] { typeof(string), typeof(Type) });
            if (add == null)
            {
                return;
            }

            foreach (var type in typeof(KooPhoneContext).Assembly.GetExportedTypes().Where(t => !t.IsGenericTypeDefinition && t.FullName != null))
            {
                add.Invoke(null, new object[] { type.FullName!, type });
            }
        }
    }
}
