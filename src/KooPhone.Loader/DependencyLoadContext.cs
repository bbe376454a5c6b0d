using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace KooPhone.Loader
{
    /// <summary>
    /// The module's private load context. A library the runtime or PowerShell itself provides
    /// (System.Text.Json, System.Memory… on the trusted platform list) is shared with the default
    /// context when the platform's copy is at least as new as ours, since only one version of it
    /// can live there and sharing keeps type identity with the runtime. When ours is newer — the
    /// Azure libraries and the Microsoft.Extensions 10 line ask for System.Text.Json and
    /// System.Diagnostics.DiagnosticSource 10, while PowerShell 7.4 runs on .NET 8 and 7.5 on
    /// .NET 9 — ours is loaded privately, as everything else in the Dependencies folder is
    /// (Polly, the engine…), whatever versions others loaded first. The choice is made once per
    /// name, so every assembly of the context sees the same copy.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly string _folder;
        private readonly Dictionary<string, string> _platform;
        private readonly Dictionary<string, bool> _shared = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

        public DependencyLoadContext(string folder)
        {
            _folder = folder;
            _platform = PlatformAssemblies();
        }

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name == null)
            {
                return null;
            }

            var path = Path.Combine(_folder, name.Name + ".dll");
            var ours = File.Exists(path);
            if (_platform.TryGetValue(name.Name, out var platformPath) && (!ours || Shared(name.Name, path, platformPath)))
            {
                return null;
            }

            return ours ? LoadFromAssemblyPath(path) : null;
        }

        private bool Shared(string name, string ours, string platform)
        {
            lock (_shared)
            {
                if (!_shared.TryGetValue(name, out var shared))
                {
                    var (mine, theirs) = (VersionOf(ours), VersionOf(platform));
                    shared = mine == null || theirs == null || mine <= theirs;
                    _shared[name] = shared;
                }

                return shared;
            }
        }

        // A version that cannot be read (a single-file host lists names it bundles) leaves the
        // library shared: that is what the module did before it compared versions.
        private static Version? VersionOf(string path)
        {
            try
            {
                return AssemblyName.GetAssemblyName(path).Version;
            }
            catch (Exception e) when (e is IOException || e is BadImageFormatException || e is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static Dictionary<string, string> PlatformAssemblies()
        {
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
            foreach (var path in list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                names[Path.GetFileNameWithoutExtension(path)] = path;
            }

            return names;
        }
    }
}
