<#
    One isolation scenario in a fresh process: other versions of the module's libraries are loaded
    into the session before or after the module — Microsoft.Extensions.Http and
    Microsoft.Extensions.DependencyInjection.Abstractions, System.Text.Json in a context of its own,
    and an older Azure SDK (Azure.Core, Azure.Identity, Azure.Storage.Blobs and what they need) into
    the default context, as Az.Accounts and Az.Storage do. The older Azure SDK is really used: it
    creates a container on Azurite and writes and reads a blob there, and builds credentials. Backups
    run end to end with a blob journal on Azurite. Writes a JSON summary: the backups' results, each
    journal's blob and ids, each use of the older SDK, and the versions of the libraries loaded and
    the context each is in.
#>
param(
    [Parameter(Mandatory)] [ValidateSet('OthersFirst', 'ModuleFirst')] [string] $Order,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $PackagesPath,
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $Token,
    # Azurite: its blob endpoint, a container made beforehand with a SAS for it (the journals go
    # there), and a connection string for the older SDK (Azurite's public development account).
    [Parameter(Mandatory)] [string] $BlobEndpoint,
    [Parameter(Mandatory)] [string] $Container,
    [Parameter(Mandatory)] [string] $Sas,
    [Parameter(Mandatory)] [string] $ConnectionString
)
$ErrorActionPreference = 'Stop'

# The older Azure SDK, in an order where each library comes after what it references: the default
# context binds a reference to a library already loaded there (of the version asked for or newer).
# Azure.Storage.Blobs 12.19.1 asks for Azure.Core 1.36, Azure.Identity 1.12.1 for 1.40 and MSAL 4.65.
$script:OldAzure = @(
    'system.memory.data/6.0.0/lib/net6.0/System.Memory.Data.dll'
    'system.clientmodel/1.1.0/lib/net6.0/System.ClientModel.dll'
    'azure.core/1.44.1/lib/net6.0/Azure.Core.dll'
    'microsoft.identitymodel.abstractions/6.35.0/lib/net6.0/Microsoft.IdentityModel.Abstractions.dll'
    'microsoft.identity.client/4.65.0/lib/net6.0/Microsoft.Identity.Client.dll'
    'microsoft.identity.client.extensions.msal/4.65.0/lib/net6.0/Microsoft.Identity.Client.Extensions.Msal.dll'
    'azure.identity/1.12.1/lib/netstandard2.0/Azure.Identity.dll'
    'system.io.hashing/6.0.0/lib/net6.0/System.IO.Hashing.dll'
    'azure.storage.common/12.18.1/lib/net6.0/Azure.Storage.Common.dll'
    'azure.storage.blobs/12.19.1/lib/net6.0/Azure.Storage.Blobs.dll'
)
# The Azure libraries the summary reports.
$script:AzureNames = @('Azure.Core', 'Azure.Identity', 'Azure.Storage.Blobs', 'Azure.Storage.Common', 'Microsoft.Identity.Client',
    'Microsoft.Identity.Client.Extensions.Msal', 'Microsoft.IdentityModel.Abstractions', 'System.ClientModel', 'System.Memory.Data', 'System.IO.Hashing')

function Import-OtherVersions {
    # What a careless module does: load its copies into the default context.
    $http = [Reflection.Assembly]::LoadFrom((Join-Path $PackagesPath 'microsoft.extensions.http/6.0.0/lib/netstandard2.0/Microsoft.Extensions.Http.dll'))
    $di = [Reflection.Assembly]::LoadFrom((Join-Path $PackagesPath 'microsoft.extensions.dependencyinjection.abstractions/6.0.0/lib/net6.0/Microsoft.Extensions.DependencyInjection.Abstractions.dll'))
    # PowerShell 7 itself uses the runtime's System.Text.Json, so no second version can enter the
    # default context; a module that wants another loads it into a context of its own, as here.
    $other = [System.Runtime.Loader.AssemblyLoadContext]::new('OtherModule', $false)
    $json = $other.LoadFromAssemblyPath((Join-Path $PackagesPath 'system.text.json/6.0.0/lib/net6.0/System.Text.Json.dll'))
    # As Az.Accounts preloads its Azure SDK: every library by path into the default context.
    $azure = @{}
    foreach ($file in $script:OldAzure) {
        $assembly = [Reflection.Assembly]::LoadFrom((Join-Path $PackagesPath $file))
        $azure[$assembly.GetName().Name] = $assembly
    }
    # Use them, so they are really loaded and working.
    $null = $di.GetType('Microsoft.Extensions.DependencyInjection.ServiceDescriptor', $true)
    $null = $http.GetType('Microsoft.Extensions.Http.HttpClientFactoryOptions', $true)
    $null = $json.GetType('System.Text.Json.JsonSerializer', $true)
    $azure
}

function Use-OldAzure([hashtable] $Azure) {
    <#
        A real call of the older Azure SDK against Azurite: a container of its own is created, a blob
        written and read back. Credentials of the older Azure.Identity are built and one is handed to a
        client of the older Azure.Storage.Blobs (both must agree on the older Azure.Core's
        TokenCredential); no token is asked for, since no identity can sign in here. Types come from the assemblies loaded, never from type literals, which
        could name the module's versions as well.
    #>
    $blobs = $Azure['Azure.Storage.Blobs']
    $identity = $Azure['Azure.Identity']
    $serviceType = $blobs.GetType('Azure.Storage.Blobs.BlobServiceClient', $true)
    $service = $serviceType::new($ConnectionString)
    $name = "old-$([guid]::NewGuid().ToString('N').Substring(0, 12))"
    $containerClient = $service.GetBlobContainerClient($name)
    $created = $containerClient.Create()
    $written = "written by Azure.Storage.Blobs $($blobs.GetName().Version) in $name"
    $stream = [IO.MemoryStream]::new([Text.Encoding]::UTF8.GetBytes($written))
    $null = $containerClient.GetBlobClient('hello.txt').Upload($stream, $true)
    $read = $containerClient.GetBlobClient('hello.txt').DownloadContent().Value.Content.ToString()

    $default = $identity.GetType('Azure.Identity.DefaultAzureCredential', $true)::new()
    $managed = $identity.GetType('Azure.Identity.ManagedIdentityCredential', $true)::new()
    $https = [uri]($BlobEndpoint -replace '^http:', 'https:')
    $null = $serviceType::new($https, $managed)
    [pscustomobject]@{
        Container = $name
        Written = $written
        Read = $read
        # Where the response type (Azure.Response<T>, in Azure.Core) and the credentials came from.
        Core = $created.GetType().Assembly.GetName().Version.ToString()
        Blobs = $service.GetType().Assembly.GetName().Version.ToString()
        Identity = @($default, $managed | ForEach-Object { $_.GetType().Assembly.GetName().Version.ToString() } | Select-Object -Unique)
        Default = @($service, $created, $default, $managed | Where-Object { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_.GetType().Assembly) -ne [System.Runtime.Loader.AssemblyLoadContext]::Default }).Count -eq 0
    }
}

function Invoke-BlobBackup([int] $Skip) {
    # The next 150 instances (those backed up before have stopped), with a blob journal of its own.
    $blob = "$Container/isolation-$Order-$Skip-$([guid]::NewGuid().ToString('N').Substring(0, 8)).csv"
    $results = @(Get-KooPhoneInstance | Select-Object -Skip $Skip -First 150 | Backup-KooPhoneInstance -Force -Wait -JournalPath "$BlobEndpoint/${blob}?$Sas")
    [pscustomobject]@{ Blob = $blob; Results = $results }
}

function Connect-Module {
    Import-Module $ModulePath
    Connect-KooPhone -Endpoint $Url -Token (ConvertTo-SecureString $Token -AsPlainText -Force)
}

$runs = @()
$uses = @()
if ($Order -eq 'OthersFirst') {
    $azure = Import-OtherVersions
    $uses += Use-OldAzure $azure
    Connect-Module
    $runs += Invoke-BlobBackup 0
    $uses += Use-OldAzure $azure
}
else {
    Connect-Module
    $runs += Invoke-BlobBackup 0
    $azure = Import-OtherVersions
    # The older SDK works after the module used its own, and the module keeps working beside it.
    $uses += Use-OldAzure $azure
    $runs += Invoke-BlobBackup 150
    $uses += Use-OldAzure $azure
}

$results = @($runs.Results)
$loaded = foreach ($assembly in [AppDomain]::CurrentDomain.GetAssemblies()) {
    $name = $assembly.GetName()
    if ($name.Name -in @('Microsoft.Extensions.Http', 'Microsoft.Extensions.DependencyInjection.Abstractions', 'System.Text.Json') + $script:AzureNames) {
        $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly)
        [pscustomobject]@{ Name = $name.Name; Version = $name.Version.ToString(); Context = $context.ToString(); Default = $context -eq [System.Runtime.Loader.AssemblyLoadContext]::Default }
    }
}
[pscustomobject]@{
    Succeeded = @($results | Where-Object Status -eq 'Succeeded').Count
    Total = $results.Count
    Journals = @($runs | ForEach-Object { [pscustomobject]@{ Blob = $_.Blob; Ids = @($_.Results.InstanceId) } })
    OldAzure = @($uses)
    Loaded = @($loaded)
} | ConvertTo-Json -Depth 5 -Compress
