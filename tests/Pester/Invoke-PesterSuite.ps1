<#
.SYNOPSIS
    Runs every *.Tests.ps1 beside this script against the built module and the bundled emulator,
    and writes the pass/fail counts to a JSON file for build.ps1's summary line.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [string] $PackagePath,
    [string[]] $Path = @($PSScriptRoot)
)

$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest
# The test files read these to find what they test.
$env:KOOPHONE_TEST_MODULE = $ModulePath
$env:KOOPHONE_TEST_EMULATOR = $EmulatorPath
$env:KOOPHONE_TEST_PACKAGE = $PackagePath

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $configuration

# A block or file whose setup failed runs none of its tests; each such failure counts as one.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
@{ Passed = $result.PassedCount; Failed = $failed } | ConvertTo-Json | Set-Content -Encoding utf8 $SummaryPath
