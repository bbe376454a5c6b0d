<#
    Starts and stops the bundled KooPhone emulator (out/emulator) on a free loopback port.
    Shared by the demo, the Pester suite and the benchmarks.
#>
Set-StrictMode -Version Latest

function Start-KooPhoneEmulator {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $EmulatorPath,
        [int] $Instances = 300,
        [int] $JobDelayMs = 300,
        [string] $Token = 'emulator-token',
        [string[]] $ExtraArguments = @()
    )
    if (-not (Test-Path $EmulatorPath)) { throw "The emulator is not built at '$EmulatorPath'. Run ./build.ps1 first." }
    $portFile = Join-Path ([System.IO.Path]::GetTempPath()) ("koophone-emulator-{0}.port" -f [guid]::NewGuid())
    $arguments = @($EmulatorPath, '--port', '0', '--port-file', $portFile,
        '--instances', $Instances, '--job-delay-ms', $JobDelayMs, '--token', $Token) + $ExtraArguments
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $arguments) { $startInfo.ArgumentList.Add([string]$argument) }
    $startInfo.UseShellExecute = $false
    # The emulator prints one line; it is read from the port file instead.
    $startInfo.RedirectStandardOutput = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)

    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while (-not (Test-Path $portFile)) {
        if ($process.HasExited) { throw "The emulator exited with code $($process.ExitCode) before it listened." }
        if ([DateTime]::UtcNow -gt $deadline) { $process.Kill(); throw 'The emulator did not start within 60 seconds.' }
        Start-Sleep -Milliseconds 50
    }
    $url = (Get-Content -Raw $portFile).Trim()
    Remove-Item $portFile -ErrorAction SilentlyContinue
    [pscustomobject]@{ Url = $url; Process = $process; Token = $Token }
}

function Stop-KooPhoneEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    try { Invoke-RestMethod -Method Post "$($Emulator.Url)/_emulator/shutdown" -TimeoutSec 5 | Out-Null } catch { }
    if (-not $Emulator.Process.WaitForExit(10000)) { $Emulator.Process.Kill() }
}

Export-ModuleMember -Function Start-KooPhoneEmulator, Stop-KooPhoneEmulator
