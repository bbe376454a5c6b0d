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
        [string[]] $ExtraArguments = @(),
        # The emulator's clock stands still until Move-EmulatorClock moves it: jobs, token
        # lifetimes and lags end when the test says, not when real time has passed.
        [switch] $ManualClock
    )
    if ($ManualClock) { $ExtraArguments = @('--clock', 'manual') + $ExtraArguments }
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

function Get-EmulatorInFlight {
    # How many /v1 requests the emulator is serving now; a hanging one counts until its client gives up.
    param([Parameter(Mandatory)] $Emulator)
    (Invoke-RestMethod "$($Emulator.Url)/_emulator/in-flight").inFlight
}

function Wait-EmulatorIdle {
    <#
        Waits until the emulator serves no /v1 request. A request is logged before it leaves the
        count, so afterwards the log holds everything sent so far and nothing more will land in
        it: what a test clears or resets then is all of the earlier tests' traffic, never part of
        it (an abandoned call whose client left is still ending on the emulator's side).
    #>
    param([Parameter(Mandatory)] $Emulator)
    Wait-EmulatorCondition -Description 'no /v1 request in flight on the emulator' -Condition { (Get-EmulatorInFlight $Emulator) -eq 0 }
}

function Clear-EmulatorRequest {
    param([Parameter(Mandatory)] $Emulator)
    Wait-EmulatorIdle $Emulator
    Invoke-RestMethod -Method Delete "$($Emulator.Url)/_emulator/requests" | Out-Null
}

function Reset-TestEmulator {
    param([Parameter(Mandatory)] $Emulator)
    Wait-EmulatorIdle $Emulator
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

function Get-EmulatorAction {
    # What the emulator carried out: one entry per operation and instance, with its count.
    param([Parameter(Mandatory)] $Emulator, [string] $Operation, [string] $InstanceId)
    $entries = @(Invoke-RestMethod "$($Emulator.Url)/_emulator/actions" | ForEach-Object { $_ })
    if ($Operation) { $entries = @($entries | Where-Object operation -eq $Operation) }
    if ($InstanceId) { $entries = @($entries | Where-Object instance_id -eq $InstanceId) }
    $entries
}

function Clear-EmulatorAction {
    param([Parameter(Mandatory)] $Emulator)
    Wait-EmulatorIdle $Emulator
    Invoke-RestMethod -Method Delete "$($Emulator.Url)/_emulator/actions" | Out-Null
}

function Get-EmulatorOption {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod "$($Emulator.Url)/_emulator/options"
}

function Set-EmulatorOption {
    # Changes only the settings given, e.g. @{ visibilityLagMs = 1500 }.
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [hashtable] $Option)
    Invoke-RestMethod -Method Post "$($Emulator.Url)/_emulator/options" -ContentType 'application/json' -Body ($Option | ConvertTo-Json)
}

function Revoke-EmulatorStaticToken {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Token)
    Invoke-RestMethod -Method Post "$($Emulator.Url)/_emulator/tokens/revoke-static" -ContentType 'application/json' -Body (@{ token = $Token } | ConvertTo-Json) | Out-Null
}

function Move-EmulatorClock {
    # Moves the clock of an emulator started with -ManualClock forward; returns its new time.
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [long] $Milliseconds)
    $body = @{ advanceMs = $Milliseconds } | ConvertTo-Json
    (Invoke-RestMethod -Method Post "$($Emulator.Url)/_emulator/clock" -ContentType 'application/json' -Body $body).now
}

function Wait-EmulatorCondition {
    # Polls until the script block returns true; throws with the description after the timeout.
    param([Parameter(Mandatory)] [scriptblock] $Condition, [Parameter(Mandatory)] [string] $Description, [int] $TimeoutMs = 10000)
    $deadline = [DateTime]::UtcNow.AddMilliseconds($TimeoutMs)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out after $TimeoutMs ms waiting for: $Description" }
        Start-Sleep -Milliseconds 50
    }
}

function Get-EmulatorRequestCount {
    # How many /v1 requests the log holds per path (a hashtable), or for one path (an integer).
    param([Parameter(Mandatory)] $Emulator, [string] $Path)
    $counts = @{}
    foreach ($entry in Get-EmulatorRequest $Emulator) { $counts[$entry.path] = 1 + [int] $counts[$entry.path] }
    if ($Path) { return [int] $counts[$Path] }
    $counts
}

function Invoke-InTestHost {
    <#
        Runs a command in a runspace of its own whose host answers every prompt with $Answer and
        keeps every line written to it, instead of the Pester console: "What if:" lines and prompts
        become something a test asserts on, and the test log stays quiet. The module is imported
        there and $Context, when given, is every KooPhone cmdlet's default -Context; $Variables are
        set for the command, which gets $InputObject on its pipeline as $input.
    #>
    param(
        [Parameter(Mandatory)] [string] $Command,
        $Context,
        [object[]] $InputObject = @(),
        [hashtable] $Variables = @{},
        [string] $Answer = 'No'
    )
    if (-not ('KooPhone.Tests.AnsweringHost' -as [type])) { Add-Type -Path (Join-Path $PSScriptRoot 'Hosts/AnsweringHost.cs') }
    $answering = [KooPhone.Tests.AnsweringHost]::new($Answer)
    $runspace = [runspacefactory]::CreateRunspace($answering)
    $runspace.Open()
    try {
        $shell = [powershell]::Create()
        $shell.Runspace = $runspace
        # A script block belongs to the runspace that made it, so the command travels as text.
        $null = $shell.AddScript({
                param($Module, $Context, $InputObject, $Variables, $Command)
                Import-Module $Module
                if ($Context) { $PSDefaultParameterValues['*-KooPhone*:Context'] = $Context }
                foreach ($name in $Variables.Keys) { Set-Variable -Name $name -Value $Variables[$name] }
                $InputObject | & ([scriptblock]::Create($Command))
            }.ToString())
        $null = $shell.AddParameters(@{ Module = $env:KOOPHONE_TEST_MODULE; Context = $Context; InputObject = $InputObject; Variables = $Variables; Command = $Command })
        $output = @($shell.Invoke())
        [pscustomobject]@{
            Output = $output
            Errors = @($shell.Streams.Error)
            Prompts = $answering.Answers.Prompts.Count
            Lines = @($answering.Answers.Lines)
        }
    }
    finally { $runspace.Dispose() }
}

Export-ModuleMember -Function Invoke-InTestHost, *-TestEmulator, *-EmulatorRequest, Get-EmulatorRequestCount, *-EmulatorInstance, Set-EmulatorInstanceState, *-EmulatorFault, Get-EmulatorTokenCount, Revoke-EmulatorToken, *-EmulatorAction, *-EmulatorOption, Revoke-EmulatorStaticToken, Move-EmulatorClock, Wait-EmulatorCondition, Get-EmulatorInFlight, Wait-EmulatorIdle
