<#
.SYNOPSIS
    Writes the staged module as a .nupkg with PSResourceGet (shipped with PowerShell 7.4 and later).
.DESCRIPTION
    Registers a local folder repository, publishes the module folder to it (the .nupkg lands in
    the folder, named KooPhone.<version>.nupkg) and unregisters it. Nothing reaches PowerShell
    Gallery: the module requires no other module, so the publish looks only at the folder.
    build.ps1 Package and Package.Tests.ps1 run it through Invoke-IsolatedPowerShell
    (tools/IsolatedPowerShell.psm1), so even the temporary registration stays out of the user's
    PSResourceRepository.xml on Linux and macOS; on Windows, where the store's folder does not
    follow the environment, the registration is taken away again at the end.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $RepositoryPath
)
$ErrorActionPreference = 'Stop'
New-Item -ItemType Directory -Force $RepositoryPath | Out-Null
# A name of its own, so an existing repository of the user's is never replaced or removed.
$name = 'KooPhoneBuild-' + [guid]::NewGuid().ToString('N')
Register-PSResourceRepository -Name $name -Uri ([System.IO.Path]::GetFullPath($RepositoryPath)) -Trusted
try {
    Publish-PSResource -Path $ModulePath -Repository $name
}
finally {
    Unregister-PSResourceRepository -Name $name
}
