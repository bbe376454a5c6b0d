<#
    One isolation scenario in a fresh process: other versions of Microsoft.Extensions.Http,
    Microsoft.Extensions.DependencyInjection.Abstractions and System.Text.Json are loaded into the
    session before or after the module, and a backup runs end to end. Writes a JSON summary.
#>
param(
    [Parameter(Mandatory)] [ValidateSet('OthersFirst', 'ModuleFirst')] [string] $Order,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $PackagesPath,
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $Token
)
$ErrorActionPreference = 'Stop'

function Import-OtherVersions {
    # What a careless module does: load its copies into the default context.
    $http = [Reflection.Assembly]::LoadFrom((Join-Path $PackagesPath 'microsoft.extensions.http/6.0.0/lib/netstandard2.0/Microsoft.Extensions.Http.dll'))
    $di = [Reflection.Assembly]::LoadFrom((Join-Path $PackagesPath 'microsoft.extensions.dependencyinjection.abstractions/6.0.0/lib/net6.0/Microsoft.Extensions.DependencyInjection.Abstractions.dll'))
    # PowerShell 7 itself uses the runtime's System.Text.Json, so no second version can enter the
    # default context; a module that wants another loads it into a context of its own, as here.
    $other = [System.Runtime.Loader.AssemblyLoadContext]::new('OtherModule', $false)
    $json = $other.LoadFromAssemblyPath((Join-Path $PackagesPath 'system.text.json/6.0.0/lib/net6.0/System.Text.Json.dll'))
    # Use them, so they are really loaded and working.
    $null = $di.GetType('Microsoft.Extensions.DependencyInjection.ServiceDescriptor', $true)
    $null = $http.GetType('Microsoft.Extensions.Http.HttpClientFactoryOptions', $true)
    $null = $json.GetType('System.Text.Json.JsonSerializer', $true)
    @($http, $di, $json)
}

function Invoke-Backup {
    Import-Module $ModulePath
    Connect-KooPhone -Endpoint $Url -Token (ConvertTo-SecureString $Token -AsPlainText -Force)
    @(Get-KooPhoneInstance | Select-Object -First 150 | Backup-KooPhoneInstance -Force -Wait)
}

$results = @()
$others = @()
if ($Order -eq 'OthersFirst') {
    $others = Import-OtherVersions
    $results = Invoke-Backup
}
else {
    $first = Invoke-Backup
    $others = Import-OtherVersions
    # The module keeps working with the other versions now in the session (the next 150 instances:
    # the first 150 were backed up and have stopped).
    $results = @($first) + @(Get-KooPhoneInstance | Select-Object -Skip 150 -First 150 | Backup-KooPhoneInstance -Force -Wait)
}

$loaded = foreach ($assembly in [AppDomain]::CurrentDomain.GetAssemblies()) {
    $name = $assembly.GetName()
    if ($name.Name -in 'Microsoft.Extensions.Http', 'Microsoft.Extensions.DependencyInjection.Abstractions', 'System.Text.Json') {
        [pscustomobject]@{ Name = $name.Name; Version = $name.Version.ToString(); Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).ToString() }
    }
}
[pscustomobject]@{
    Succeeded = @($results | Where-Object Status -eq 'Succeeded').Count
    Total = $results.Count
    Loaded = @($loaded)
} | ConvertTo-Json -Depth 4 -Compress
