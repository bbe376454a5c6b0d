using System;
using System.IO;
using System.Reflection;

namespace KooPhone.Loader
{
    /// <summary>
    /// Windows PowerShell 5.1: .NET Framework has no load contexts, but strong-named assemblies of
    /// different versions can live side by side. When the binder cannot find one of our
    /// dependencies (the engine, or the version of a library the engine was built against), it is
    /// loaded from the Dependencies folder, next to whatever version another module loaded.
    /// </summary>
    internal static class FrameworkDependencyResolver
    {
        private static string _folder = "";

        public static void Register(string folder)
        {
            _folder = folder;
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }

        public static void Unregister() => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            var path = Path.Combine(_folder, name.Name + ".dll");
            if (!File.Exists(path))
            {
                return null;
            }

            var candidate = AssemblyName.GetAssemblyName(path);
            // Only the version asked for, or a newer one; an older copy would fail later, less clearly.
            return name.Version == null || candidate.Version >= name.Version ? Assembly.LoadFrom(path) : null;
        }
    }
}
