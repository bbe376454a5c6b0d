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

# The blob proxy of an emulator started with --blob-proxy <Azurite's blob endpoint> (docs/emulator.md,
# "Blob proxy"): its fault rules, e.g. @{ kind = 'lost'; method = 'PUT'; query = 'comp=appendblock'; nth = 3 },
# each answered with its counters (matched, struck), and its log of the requests it received.
function Set-EmulatorBlobFault {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [object[]] $Rule)
    $body = ConvertTo-Json -InputObject @($Rule) -Depth 5
    Invoke-RestMethod -Method Post "$($Emulator.Url)/_emulator/blob-proxy/faults" -ContentType 'application/json' -Body $body | Out-Null
}

function Get-EmulatorBlobFault {
    param([Parameter(Mandatory)] $Emulator)
    @(Invoke-RestMethod "$($Emulator.Url)/_emulator/blob-proxy/faults" | ForEach-Object { $_ })
}

function Clear-EmulatorBlobFault {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Method Delete "$($Emulator.Url)/_emulator/blob-proxy/faults" | Out-Null
}

function Get-EmulatorBlobRequest {
    param([Parameter(Mandatory)] $Emulator)
    @(Invoke-RestMethod "$($Emulator.Url)/_emulator/blob-proxy/requests" | ForEach-Object { $_ })
}

function Clear-EmulatorBlobRequest {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Method Delete "$($Emulator.Url)/_emulator/blob-proxy/requests" | Out-Null
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

# Azurite, the Azure Storage emulator, for the blob journal tests. Its version and its whole
# dependency tree are pinned by tests/tools/azurite/package-lock.json; npm ci installs them into
# out/azurite the first time a test starts it (from npm's cache on later fresh clones).
$script:AzuriteSource = Join-Path $PSScriptRoot '../tools/azurite'
$script:AzuriteFolder = Join-Path $PSScriptRoot '../../out/azurite'
# Azurite's one account and its key are public, fixed by Azurite itself (the "well-known" dev account).
$script:AzuriteAccount = 'devstoreaccount1'
$script:AzuriteKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
# The storage REST version the helpers speak and sign their SAS with.
$script:AzuriteApiVersion = '2021-08-06'

function Install-TestAzurite {
    # Returns the path of Azurite's blob service script, installing Azurite first if needed.
    $main = Join-Path $script:AzuriteFolder 'node_modules/azurite/dist/src/blob/main.js'
    if (Test-Path $main) { return (Resolve-Path $main).Path }
    $null = New-Item -ItemType Directory -Force $script:AzuriteFolder
    Copy-Item (Join-Path $script:AzuriteSource 'package.json'), (Join-Path $script:AzuriteSource 'package-lock.json') $script:AzuriteFolder
    $output = & npm ci --prefix $script:AzuriteFolder --prefer-offline --no-audit --no-fund --loglevel=error 2>&1
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path $main)) {
        throw "npm ci of Azurite into '$script:AzuriteFolder' failed with exit code ${LASTEXITCODE}: $($output -join [Environment]::NewLine)"
    }
    (Resolve-Path $main).Path
}

function Start-TestAzurite {
    <#
        Starts Azurite's blob service, in memory, on a free loopback port, and waits until it
        listens. Returns its blob endpoint, the dev account's name and key and a connection string;
        Stop-TestAzurite ends it, and it ends by itself when this process does.
    #>
    $main = Install-TestAzurite
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('node')
    $arguments = @('--require', (Resolve-Path (Join-Path $script:AzuriteSource 'exit-with-parent.js')).Path, $main,
        '--inMemoryPersistence', '--extentMemoryLimit', '256', '--skipApiVersionCheck', '--disableTelemetry',
        '--blobHost', '127.0.0.1', '--blobPort', '0', '--silent')
    foreach ($argument in $arguments) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.UseShellExecute = $false
    # Redirected, so Azurite never holds the test run's own output open.
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    # With --inMemoryPersistence Azurite writes no files; a folder of its own all the same.
    $startInfo.WorkingDirectory = [System.IO.Path]::GetTempPath()
    $process = [System.Diagnostics.Process]::Start($startInfo)
    $errors = $process.StandardError.ReadToEndAsync()
    # Azurite prints the address it listens on ('... successfully listens on http://127.0.0.1:<port>').
    $read = $process.StandardOutput.ReadLineAsync()
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    $url = $null
    while (-not $url) {
        if ([DateTime]::UtcNow -gt $deadline) { $process.Kill(); throw 'Azurite did not listen within 60 seconds.' }
        if (-not $read.Wait(100)) { continue }
        $line = $read.Result
        if ($null -eq $line) {
            $process.WaitForExit()
            throw "Azurite exited with code $($process.ExitCode) before it listened: $($errors.Result)"
        }
        if ($line -match 'listens on (http://\S+)') { $url = $Matches[1] }
        else { $read = $process.StandardOutput.ReadLineAsync() }
    }
    # Nothing else is read from its output: drained in the background, the pipes never fill.
    $null = $process.StandardOutput.ReadToEndAsync()
    $endpoint = "$($url.TrimEnd('/'))/$script:AzuriteAccount"
    [pscustomobject]@{
        Process = $process
        BlobEndpoint = $endpoint
        AccountName = $script:AzuriteAccount
        AccountKey = $script:AzuriteKey
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=$script:AzuriteAccount;AccountKey=$script:AzuriteKey;BlobEndpoint=$endpoint;"
    }
}

function Stop-TestAzurite {
    param([Parameter(Mandatory)] $Azurite)
    $process = $Azurite.Process
    if (-not $process.HasExited) {
        # Closing its stdin asks it to go (tests/tools/azurite/exit-with-parent.js); killed if it lingers.
        try { $process.StandardInput.Close() } catch { }
        if (-not $process.WaitForExit(10000)) { $process.Kill($true); $process.WaitForExit() }
    }
}

function Get-AzuriteSignature {
    param([Parameter(Mandatory)] [string] $StringToSign, [Parameter(Mandatory)] [string] $AccountKey)
    $hmac = [System.Security.Cryptography.HMACSHA256]::new([Convert]::FromBase64String($AccountKey))
    try { [Convert]::ToBase64String($hmac.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($StringToSign))) }
    finally { $hmac.Dispose() }
}

function New-TestAzuriteSas {
    <#
        A service SAS for one container (sr=c), signed with the account key as Azure's "Create a
        service SAS" describes for version 2020-12-06 and later. Returns the query string without
        its '?'.
    #>
    param(
        [Parameter(Mandatory)] $Azurite,
        [Parameter(Mandatory)] [string] $Container,
        # r read, a add, c create, w write, d delete, l list.
        [string] $Permissions = 'racwdl',
        [TimeSpan] $Lifetime = [TimeSpan]::FromHours(2)
    )
    $expiry = [DateTime]::UtcNow.Add($Lifetime).ToString('yyyy-MM-ddTHH:mm:ssZ', [cultureinfo]::InvariantCulture)
    $resource = "/blob/$($Azurite.AccountName)/$Container"
    # sp, st, se, canonicalized resource, si, sip, spr, sv, sr, snapshot time, ses, rscc, rscd, rsce, rscl, rsct
    $stringToSign = @($Permissions, '', $expiry, $resource, '', '', 'http', $script:AzuriteApiVersion, 'c', '', '', '', '', '', '', '') -join "`n"
    $signature = Get-AzuriteSignature -StringToSign $stringToSign -AccountKey $Azurite.AccountKey
    "sv=$script:AzuriteApiVersion&spr=http&se=$([uri]::EscapeDataString($expiry))&sr=c&sp=$Permissions&sig=$([uri]::EscapeDataString($signature))"
}

function Invoke-TestAzuriteRequest {
    <#
        One call of the Blob REST API on Azurite: with -Sas the SAS authorizes it, else the account
        key signs it (Shared Key, as a connection string would). $Path is '<container>[/<blob>]',
        $Query the operation's parameters. Returns the web response; failures throw.
    #>
    param(
        [Parameter(Mandatory)] $Azurite,
        [Parameter(Mandatory)] [string] $Method,
        [Parameter(Mandatory)] [string] $Path,
        [System.Collections.Specialized.OrderedDictionary] $Query = [ordered]@{},
        [hashtable] $Headers = @{},
        [byte[]] $Body = @(),
        [string] $Sas
    )
    $headers = @{ 'x-ms-version' = $script:AzuriteApiVersion; 'x-ms-date' = [DateTime]::UtcNow.ToString('R') } + $Headers
    $queryText = @($Query.Keys | ForEach-Object { "$_=$([uri]::EscapeDataString([string]$Query[$_]))" }) -join '&'
    if ($Sas) { $queryText = @($queryText, $Sas | Where-Object { $_ }) -join '&' }
    $uri = "$($Azurite.BlobEndpoint)/$Path" + $(if ($queryText) { "?$queryText" })
    if (-not $Sas) {
        $canonicalHeaders = @($headers.Keys | Where-Object { $_ -like 'x-ms-*' } | ForEach-Object { $_.ToLowerInvariant() } | Sort-Object |
                ForEach-Object { $name = $_; "${name}:$(@($headers.Keys | Where-Object { $_ -eq $name } | ForEach-Object { $headers[$_] }))`n" }) -join ''
        $resource = "/$($Azurite.AccountName)$(([uri]$uri).AbsolutePath)" +
            (@($Query.Keys | ForEach-Object { $_.ToLowerInvariant() } | Sort-Object | ForEach-Object { "`n${_}:$($Query[$_])" }) -join '')
        $length = if ($Body.Length -gt 0) { [string]$Body.Length } else { '' }
        $contentType = if ($headers.ContainsKey('Content-Type')) { $headers['Content-Type'] } else { '' }
        # VERB, Content-Encoding, -Language, -Length, -MD5, -Type, Date, If-Modified-Since, If-Match,
        # If-None-Match, If-Unmodified-Since, Range, then the x-ms- headers and the resource.
        $stringToSign = @($Method.ToUpperInvariant(), '', '', $length, '', $contentType, '', '', '', '', '', '') -join "`n"
        $stringToSign += "`n" + $canonicalHeaders + $resource
        $headers['Authorization'] = "SharedKey $($Azurite.AccountName):$(Get-AzuriteSignature -StringToSign $stringToSign -AccountKey $Azurite.AccountKey)"
    }
    $parameters = @{ Method = $Method; Uri = $uri; Headers = $headers; UseBasicParsing = $true }
    if ($Body.Length -gt 0) { $parameters.Body = $Body }
    Invoke-WebRequest @parameters
}

function New-TestAzuriteContainer {
    param([Parameter(Mandatory)] $Azurite, [Parameter(Mandatory)] [string] $Name)
    $null = Invoke-TestAzuriteRequest -Azurite $Azurite -Method Put -Path $Name -Query ([ordered]@{ restype = 'container' })
}

function Add-TestAzuriteBlobText {
    <# Appends $Text to the append blob $Path ('<container>/<blob>'), creating the blob first if asked. #>
    param(
        [Parameter(Mandatory)] $Azurite,
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [string] $Text,
        [switch] $Create,
        [string] $Sas
    )
    if ($Create) {
        $null = Invoke-TestAzuriteRequest -Azurite $Azurite -Method Put -Path $Path -Sas $Sas -Headers @{ 'x-ms-blob-type' = 'AppendBlob' }
    }
    $null = Invoke-TestAzuriteRequest -Azurite $Azurite -Method Put -Path $Path -Sas $Sas -Query ([ordered]@{ comp = 'appendblock' }) `
        -Body ([System.Text.Encoding]::UTF8.GetBytes($Text))
}

function Get-TestAzuriteBlobText {
    param([Parameter(Mandatory)] $Azurite, [Parameter(Mandatory)] [string] $Path, [string] $Sas)
    $response = Invoke-TestAzuriteRequest -Azurite $Azurite -Method Get -Path $Path -Sas $Sas
    [System.Text.Encoding]::UTF8.GetString($response.RawContentStream.ToArray())
}

function Set-TestTimeZone {
    <#
        Makes this process's local time zone $Name (an IANA name, e.g. Asia/Shanghai: UTC+8
        without daylight saving) and returns the TZ value to give Restore-TestTimeZone.
        TimeZoneInfo.Local is cached; ClearCachedData makes .NET read TZ again.
    #>
    param([Parameter(Mandatory)] [string] $Name)
    $saved = $env:TZ
    $env:TZ = $Name
    [TimeZoneInfo]::ClearCachedData()
    $saved
}

function Restore-TestTimeZone {
    param([string] $Saved)
    $env:TZ = $Saved
    [TimeZoneInfo]::ClearCachedData()
}

Export-ModuleMember -Function Invoke-InTestHost, *-TestEmulator, *-EmulatorRequest, Get-EmulatorRequestCount, *-EmulatorInstance, Set-EmulatorInstanceState, *-EmulatorFault, *-EmulatorBlobFault, *-EmulatorBlobRequest, Get-EmulatorTokenCount, Revoke-EmulatorToken, *-EmulatorAction, *-EmulatorOption, Revoke-EmulatorStaticToken, Move-EmulatorClock, Wait-EmulatorCondition, Get-EmulatorInFlight, Wait-EmulatorIdle,
    *-TestAzurite, New-TestAzuriteSas, Invoke-TestAzuriteRequest, New-TestAzuriteContainer, *-TestAzuriteBlobText, *-TestTimeZone
