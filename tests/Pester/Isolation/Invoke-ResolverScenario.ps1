<#
    The loader's Windows PowerShell path, run on PowerShell 7 in a fresh process. With
    -UseAssemblyResolve the loader's AppContext switch (ModuleLoader.UseAssemblyResolveSwitch) makes
    it hook AppDomain.AssemblyResolve (FrameworkDependencyResolver), as it does on .NET Framework,
    instead of the private load context. A spy handler, attached before the module's, records every
    name AssemblyResolve is asked for and answers none. Each -Probe name is loaded by name, as a
    dependency would be asked for, and then a listing runs end to end. Writes a JSON summary: what
    each probe loaded (its file) or why it failed, what AssemblyResolve was asked, where each
    library of the module's folder was loaded from and into which context, and the listing's count.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $Token,
    # Assembly names separated by '|' (a native command line carries no arrays).
    [string] $Probe = '',
    [switch] $UseAssemblyResolve
)
$ErrorActionPreference = 'Stop'

# In C#: the event may be raised on any thread, where a PowerShell script block cannot run.
Add-Type -TypeDefinition @'
using System;
using System.Collections.Concurrent;
public static class ResolveSpy
{
    public static readonly ConcurrentQueue<string> Asked = new ConcurrentQueue<string>();
    public static void Attach() { AppDomain.CurrentDomain.AssemblyResolve += (sender, args) => { Asked.Enqueue(args.Name); return null; }; }
}
'@
[ResolveSpy]::Attach()

if ($UseAssemblyResolve) { [AppContext]::SetSwitch('KooPhone.Loader.UseAssemblyResolve', $true) }
Import-Module $ModulePath

$moduleFolder = [System.IO.Path]::GetFullPath($ModulePath)
$probes = foreach ($name in $Probe -split '\|' -ne '') {
    # Location relative to the module folder: "Dependencies/Polly.Core.dll" when it came from there.
    try { [pscustomobject]@{ Name = $name; Location = [System.IO.Path]::GetRelativePath($moduleFolder, [System.Reflection.Assembly]::Load($name).Location); Failure = $null } }
    catch { [pscustomobject]@{ Name = $name; Location = $null; Failure = $_.Exception.GetBaseException().GetType().Name } }
}

Connect-KooPhone -Endpoint $Url -Token (ConvertTo-SecureString $Token -AsPlainText -Force)
$count = @(Get-KooPhoneInstance).Count

$folder = Join-Path $moduleFolder 'Dependencies'

$loaded = foreach ($assembly in [AppDomain]::CurrentDomain.GetAssemblies()) {
    if (-not $assembly.IsDynamic -and $assembly.Location -and $assembly.Location.StartsWith($folder)) {
        [pscustomobject]@{
            Name = $assembly.GetName().Name
            Version = $assembly.GetName().Version.ToString()
            Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).GetType().Name
        }
    }
}
[pscustomobject]@{
    Probes = @($probes)
    Asked = @([ResolveSpy]::Asked.ToArray() | ForEach-Object { ([System.Reflection.AssemblyName] $_).Name } | Sort-Object -Unique)
    Loaded = @($loaded)
    Count = $count
} | ConvertTo-Json -Depth 4 -Compress
