<#
    What a user of PowerShell Gallery does, offline, in a child PowerShell whose user folders are
    temporary (Invoke-IsolatedPowerShell in tools/IsolatedPowerShell.psm1): the module is published
    to a local folder repository by tools/Publish-ModulePackage.ps1 (as build.ps1 Package does),
    that folder is registered as the only repository, Install-PSResource KooPhone installs it for
    the current user, Import-Module KooPhone imports it by name and it lists the emulator's fleet.
    Writes a JSON summary.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $RepositoryPath,
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $Token
)
$ErrorActionPreference = 'Stop'

& (Join-Path $PSScriptRoot '../../../tools/Publish-ModulePackage.ps1') -ModulePath $ModulePath -RepositoryPath $RepositoryPath

# PSGallery is registered by default in a new store: this store is a throwaway, so it goes, and
# the folder is the only place Install-PSResource can look.
Unregister-PSResourceRepository -Name @(Get-PSResourceRepository).Name
Register-PSResourceRepository -Name KooPhoneLocal -Uri $RepositoryPath -Trusted
Install-PSResource -Name KooPhone -Repository KooPhoneLocal -Scope CurrentUser -TrustRepository -Quiet

Import-Module KooPhone
Connect-KooPhone -Endpoint $Url -Token (ConvertTo-SecureString $Token -AsPlainText -Force)
$count = @(Get-KooPhoneInstance).Count

$module = Get-Module KooPhone
[pscustomobject]@{
    Published = @(Get-ChildItem $RepositoryPath -Filter *.nupkg).Name
    Repositories = @(Get-PSResourceRepository).Name
    Store = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet/PSResourceRepository.xml'
    ModuleBase = $module.ModuleBase
    Version = $module.Version.ToString()
    Count = $count
} | ConvertTo-Json -Compress
