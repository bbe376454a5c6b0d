using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace KooPhone.Loader
{
    /// <summary>
    /// Runs when the module is imported, before the cmdlet assembly is loaded (it is the first
    /// nested module). The engine (KooPhone.Client) and the libraries it uses —
    /// Microsoft.Extensions.Http, Polly, System.Text.Json… — live in the Dependencies folder,
    /// where PowerShell does not look, so whatever versions other modules (Az, Microsoft.Graph…)
    /// loaded first cannot clash with ours, and ours cannot break theirs.
    /// The resolver hook is process-wide while imports are per runspace, so imports are counted:
    /// the hook goes with the last Remove-Module and comes back with the next import. A runspace
    /// closed without Remove-Module never calls OnRemove, so its count stays and the hook with it:
    /// a hook left behind only answers for our own assemblies, while one taken too early would
    /// break the runspaces still using the module.
    /// </summary>
    public sealed class ModuleLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public const string DependencyFolderName = "Dependencies";

        /// <summary>
        /// An AppContext switch that makes PowerShell 7 take the Windows PowerShell path
        /// (AppDomain.AssemblyResolve) instead of the private load context. It exists so the
        /// .NET Framework resolver can be exercised where no Windows PowerShell is (Isolation.Tests.ps1);
        /// it is read only at import, nothing sets it, and on Windows PowerShell it changes nothing.
        /// On PowerShell 7 it gives up the isolation: the libraries load into the default context.
        /// </summary>
        public const string UseAssemblyResolveSwitch = "KooPhone.Loader.UseAssemblyResolve";

        private static readonly object Gate = new object();
        private static int _imports;
        private static bool _framework;

        public void OnImport()
        {
            lock (Gate)
            {
                if (_imports++ > 0)
                {
                    return;
                }

                var folder = Path.Combine(Path.GetDirectoryName(typeof(ModuleLoader).Assembly.Location) ?? ".", DependencyFolderName);
                _framework = IsDotNetFramework() || (AppContext.TryGetSwitch(UseAssemblyResolveSwitch, out var forced) && forced);
                if (_framework)
                {
                    FrameworkDependencyResolver.Register(folder);
                }
                else
                {
                    // Kept in its own class so .NET Framework never has to load AssemblyLoadContext.
                    CoreDependencyResolver.Register(folder);
                }
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            lock (Gate)
            {
                if (_imports == 0 || --_imports > 0)
                {
                    return;
                }

                if (_framework)
                {
                    FrameworkDependencyResolver.Unregister();
                }
                else
                {
                    CoreDependencyResolver.Unregister();
                }
            }
        }

        private static bool IsDotNetFramework() =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);
    }
}
