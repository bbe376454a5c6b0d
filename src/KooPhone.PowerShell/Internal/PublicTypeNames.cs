using System;
using System.Collections.Generic;
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
    public sealed class PublicTypeNames : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly Type? Accelerators = typeof(PSObject).Assembly.GetType("System.Management.Automation.TypeAccelerators");

        public void OnImport()
        {
            var add = Accelerators?.GetMethod("Add", new[] { typeof(string), typeof(Type) });
            foreach (var type in PublicTypes())
            {
                add?.Invoke(null, new object[] { type.FullName!, type });
            }
        }

        /// <summary>Remove-Module takes the names away again.</summary>
        public void OnRemove(PSModuleInfo module)
        {
            var remove = Accelerators?.GetMethod("Remove", new[] { typeof(string) });
            foreach (var type in PublicTypes())
            {
                remove?.Invoke(null, new object[] { type.FullName! });
            }
        }

        private static IEnumerable<Type> PublicTypes() =>
            typeof(KooPhoneContext).Assembly.GetExportedTypes().Where(t => !t.IsGenericTypeDefinition && t.FullName != null);
    }
}
