<#
    Helpers the Pester files share: start and stop the bundled emulator on a free loopback port,
    read and clear its request log, change an instance's state, connect the module to it.
#>
Set-StrictMode -Version Latest

$script:DefaultToken = 'emulator-token'

Import-Module (Join-Path $PSScriptRoot '../../tools/KooPhoneEmulator.psm1') -Force

function Start-TestEmulator {
    param(
        [int] $Instances = 300,
        [int] $JobDelayMs = 300,
        [string] $Token = $script:DefaultToken,
        [string[]] $ExtraArguments = @()
    )
    Start-KooPhoneEmulator -EmulatorPath $env:KOOPHONE_TEST_EMULATOR -Instances $Instances -JobDelayMs $JobDelayMs -Token $Token -ExtraArguments $ExtraArguments
}

function Stop-TestEmulator {
    param([Parameter(Mandatory)] $Emulator)
    Stop-KooPhoneEmulator $Emulator
}

function Get-EmulatorRequest {
    param([Parameter(Mandatory)] $Emulator, [string] $Path)
    # Invoke-RestMethod writes a JSON array as one object; the pipeline unrolls it.
    $entries = @(Invoke-RestMethod "$($Emulator.Url)/_emulator/requests" | ForEach-Object { $_ })
    if ($Path) { $entries = @($entries | Where-Object path -eq $Path) }
    $entries
}

function Clear-EmulatorRequest {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Method Delete "$($Emulator.Url)/_emulator/requests" | Out-Null
}

function Reset-TestEmulator {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Method Post "$($Emulator.Url)/_emulator/reset" | Out-Null
}

function Get-EmulatorInstance {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $InstanceId)
    Invoke-RestMethod "$($Emulator.Url)/_emulator/instances/$InstanceId"
}

function Set-EmulatorInstanceState {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $InstanceId, [Parameter(Mandatory)] [hashtable] $State)
    Invoke-RestMethod -Method Post "$($Emulator.Url)/_emulator/instances/$InstanceId/state" -ContentType 'application/json' -Body ($State | ConvertTo-Json) | Out-Null
}

function Connect-TestEmulator {
    param([Parameter(Mandatory)] $Emulator, [switch] $PassThru)
    $token = ConvertTo-SecureString $Emulator.Token -AsPlainText -Force
    Connect-KooPhone -Endpoint $Emulator.Url -Token $token -PassThru:$PassThru
}


function Set-EmulatorFault {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [object[]] $Rule)
    $body = ConvertTo-Json -InputObject @($Rule) -Depth 5
    Invoke-RestMethod -Method Post "$($Emulator.Url)/_emulator/faults" -ContentType 'application/json' -Body $body | Out-Null
}

function Clear-EmulatorFault {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Method Delete "$($Emulator.Url)/_emulator/faults" | Out-Null
}

function Get-EmulatorTokenCount {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod "$($Emulator.Url)/_emulator/tokens"
}

function Revoke-EmulatorToken {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Method Post "$($Emulator.Url)/_emulator/tokens/revoke" | Out-Null
}

Export-ModuleMember -Function *-TestEmulator, *-EmulatorRequest, *-EmulatorInstance, Set-EmulatorInstanceState, *-EmulatorFault, Get-EmulatorTokenCount, Revoke-EmulatorToken
