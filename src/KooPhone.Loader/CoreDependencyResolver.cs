using System;
using System.Reflection;
using System.Runtime.Loader;

namespace KooPhone.Loader
{
    /// <summary>
    /// PowerShell 7: when the default context cannot find the engine (it is not next to the cmdlet
    /// assembly), the engine is loaded into a private context, which then loads its own
    /// dependencies. Nothing of ours enters the default context but the cmdlet assembly.
    /// </summary>
    internal static class CoreDependencyResolver
    {
        private const string EngineName = "KooPhone.Client";
        private static DependencyLoadContext? _context;

        // The private context outlives a Remove-Module: what it loaded cannot be unloaded, and a
        // later import must find the same engine the cmdlet assembly already bound to.
        public static void Register(string folder)
        {
            _context ??= new DependencyLoadContext(folder);
            AssemblyLoadContext.Default.Resolving += Resolve;
        }

        public static void Unregister() => AssemblyLoadContext.Default.Resolving -= Resolve;

        private static Assembly? Resolve(AssemblyLoadContext defaultContext, AssemblyName name) =>
            string.Equals(name.Name, EngineName, StringComparison.Ordinal) ? _context!.LoadFromAssemblyName(name) : null;
    }
}
