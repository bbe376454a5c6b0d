using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace KooPhone.Loader
{
    /// <summary>
    /// The module's private load context. What the runtime or PowerShell itself provides
    /// (System.Text.Json, System.Memory… on the trusted platform list) is shared with the default
    /// context, since only one version of those can exist in a process and sharing them keeps type
    /// identity with the runtime; everything else in the Dependencies folder (Microsoft.Extensions.*,
    /// Polly, the engine) is loaded privately, whatever versions others loaded first.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly string _folder;
        private readonly HashSet<string> _platform;

        public DependencyLoadContext(string folder)
        {
            _folder = folder;
            _platform = PlatformAssemblies();
        }

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name == null || _platform.Contains(name.Name))
            {
                return null;
            }

            var path = Path.Combine(_folder, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }

        private static HashSet<string> PlatformAssemblies()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
            foreach (var path in list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                names.Add(Path.GetFileNameWithoutExtension(path));
            }

            return names;
        }
    }
}
