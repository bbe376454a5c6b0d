<#
.SYNOPSIS
    Runs every *.Tests.ps1 beside this script against the built module and the bundled emulator,
    and writes the counts and the names of failed and skipped tests to a JSON file for build.ps1's
    summary.
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

# A block or file whose setup failed runs none of its tests; each such failure counts as one, under
# the block's path or the file's name, so the summary can say what failed.
$failedNames = @(@($result.Failed | ForEach-Object { $_.ExpandedPath }) +
    @($result.FailedBlocks | ForEach-Object { "$($_.ExpandedPath) (setup or teardown)" }) +
    @($result.FailedContainers | ForEach-Object { "$($_.Item) (file)" }))
$skippedNames = @($result.Skipped | ForEach-Object { $_.ExpandedPath })
@{ Passed = $result.PassedCount; Failed = $failedNames.Count; Skipped = $skippedNames.Count; FailedNames = $failedNames; SkippedNames = $skippedNames } |
    ConvertTo-Json | Set-Content -Encoding utf8 $SummaryPath
