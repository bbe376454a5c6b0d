<#
    Runs a script in a child PowerShell whose user folders are a folder of the caller's choosing.
    PSResourceGet keeps its repository store (PSResourceGet/PSResourceRepository.xml) under the
    user's local application data, and Install-PSResource -Scope CurrentUser installs under it too;
    on Linux and macOS .NET derives both from HOME and the XDG variables, so pointing them at a
    temporary folder leaves the user's registered repositories and modules untouched. Shared by
    build.ps1 Package and tests/Pester/Package.Tests.ps1.
#>
Set-StrictMode -Version Latest

function Invoke-IsolatedPowerShell {
    [CmdletBinding()]
    param(
        # Becomes HOME; the XDG folders and Windows' profile variables point inside it.
        [Parameter(Mandatory)] [string] $UserFolder,
        [Parameter(Mandatory)] [string] $File,
        [string[]] $ArgumentList = @(),
        # More variables for the child (a $null value removes one); a case-sensitive dictionary
        # can set http_proxy and HTTP_PROXY apart, as Linux keeps them.
        [System.Collections.IDictionary] $Environment = @{}
    )
    $UserFolder = [System.IO.Path]::GetFullPath($UserFolder)
    # The PowerShell running now: pwsh itself, or 'dotnet pwsh.dll' when it is the pinned dotnet
    # tool. 'dotnet pwsh' cannot be used: the tool is found under HOME, which is about to change.
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
    if ([System.IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') {
        $startInfo.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll'))
    }
    foreach ($argument in @('-NoProfile', '-NonInteractive', '-File', $File) + $ArgumentList) { $startInfo.ArgumentList.Add($argument) }

    $variables = @{
        HOME = $UserFolder
        USERPROFILE = $UserFolder
        XDG_DATA_HOME = Join-Path $UserFolder '.local/share'
        XDG_CONFIG_HOME = Join-Path $UserFolder '.config'
        XDG_CACHE_HOME = Join-Path $UserFolder '.cache'
        LOCALAPPDATA = Join-Path $UserFolder 'AppData/Local'
        APPDATA = Join-Path $UserFolder 'AppData/Roaming'
        # Inherited, it would still name this user's module folders; the child builds its own.
        PSModulePath = $null
        POWERSHELL_TELEMETRY_OPTOUT = '1'
    }
    foreach ($set in $variables, $Environment) {
        foreach ($name in $set.Keys) {
            if ($null -eq $set[$name]) { $null = $startInfo.Environment.Remove($name) } else { $startInfo.Environment[$name] = $set[$name] }
        }
    }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    # They must exist: .NET answers GetFolderPath(LocalApplicationData) with an empty string for a
    # folder that does not, and PSResourceGet would then keep its store in the working directory.
    foreach ($name in 'HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'LOCALAPPDATA', 'APPDATA') {
        New-Item -ItemType Directory -Force $variables[$name] | Out-Null
    }

    $process = [System.Diagnostics.Process]::Start($startInfo)
    $errors = $process.StandardError.ReadToEndAsync()
    $output = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    if ($process.ExitCode -ne 0) {
        throw "$File failed with exit code $($process.ExitCode): $($errors.Result)$output"
    }
    # Lines, as a native command's output would be.
    @($output -split '\r?\n' | Where-Object { $_ -ne '' })
}

Export-ModuleMember -Function Invoke-IsolatedPowerShell
