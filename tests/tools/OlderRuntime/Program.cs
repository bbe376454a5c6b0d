using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Security;
using System.Text.Json;
using System.Threading;
using KooPhone.Client.Api;
using KooPhone.Client.Auth;
using KooPhone.Client.Connection;
using KooPhone.Client.Models;
using KooPhone.Client.Reconciling;
using KooPhone.Client.Runs;

// Usage: OlderRuntimeProbe <module folder> <emulator url> <token> <blob journal url>
// Prints one JSON line: what the engine did, and where each library it used was loaded from.
var (module, emulator, token, journal) = (args[0], args[1], args[2], args[3]);

// What KooPhone.Loader's ModuleLoader does at Import-Module on PowerShell 7 (the rest of that
// class needs System.Management.Automation, which this program does not have).
var loader = Assembly.LoadFrom(System.IO.Path.Combine(module, "KooPhone.Loader.dll"));
loader.GetType("KooPhone.Loader.CoreDependencyResolver", throwOnError: true)!
    .GetMethod("Register", BindingFlags.Public | BindingFlags.Static)!
    .Invoke(null, new object[] { System.IO.Path.Combine(module, "Dependencies") });

var report = Probe.Run(emulator, token, journal);
Console.WriteLine(JsonSerializer.Serialize(report));

internal static class Probe
{
    private static readonly string[] Watched =
    {
        "KooPhone.Client", "System.Text.Json", "System.Text.Encodings.Web", "System.Diagnostics.DiagnosticSource",
        "Microsoft.Bcl.AsyncInterfaces", "Azure.Core", "Azure.Storage.Blobs", "Azure.Identity",
    };

    // Kept out of line: the engine's types resolve when this method is compiled, after the resolver is in place.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object Run(string emulator, string token, string journal)
    {
        var secret = new SecureString();
        foreach (var c in token)
        {
            secret.AppendChar(c);
        }

        var api = new KooPhoneApiClient(new KooPhoneContext(new Uri(emulator), "", new TokenAuthenticator(secret), KooPhoneContextSource.Connected));
        var page = api.ListInstancesAsync(InstanceQuery.All, 1, 10, CancellationToken.None).GetAwaiter().GetResult();
        var ids = page.Instances.Select(i => i.InstanceId).ToList();

        const string operation = "BatchBackupInstances";
        using (var first = new JournalKeeper(journal, operation, new KooPhoneRun(1, "Backup-KooPhoneInstance", operation, "unused.csv", DateTime.UtcNow), KooPhoneClock.System))
        {
            first.Intent(ids.Select(id => new InstanceTarget(id)));
            first.Flush();
        }

        int doubtful;
        using (var again = new JournalKeeper(journal, operation, new KooPhoneRun(2, "Backup-KooPhoneInstance", operation, "unused.csv", DateTime.UtcNow), KooPhoneClock.System))
        {
            doubtful = again.Doubtful.Count;
        }

        return new
        {
            Runtime = Environment.Version.ToString(),
            Listed = ids.Count,
            Doubtful = doubtful,
            Loaded = AppDomain.CurrentDomain.GetAssemblies()
                .Where(a => Watched.Contains(a.GetName().Name))
                .Select(a => new { a.GetName().Name, Version = a.GetName().Version!.ToString(), Context = AssemblyLoadContext.GetLoadContext(a)!.ToString() })
                .OrderBy(a => a.Name)
                .ToList(),
        };
    }
}
