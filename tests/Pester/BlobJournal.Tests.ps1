# -JournalPath as an Azure Blob URL (issue 25), against the emulator and Azurite: a rerun after a
# killed process acts on every id once across both runs, the blob's lease keeps a second writer
# out, a SAS in the URL or AZURE_STORAGE_CONNECTION_STRING authorizes it, a missing container is
# refused before anything is sent, and no SAS signature or account key is ever shown.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:emulator = Start-TestEmulator -Instances 2000 -JobDelayMs 500 -ExtraArguments @('--latency-ms', '250')
    $script:azurite = Start-TestAzurite
    $script:context = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -ReconcileTimeout 3 -PassThru
    $script:ids = @((Get-KooPhoneInstance -Context $context -ThrottleLimit 8).InstanceId)
    $script:folder = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
    $null = New-Item -ItemType Directory $folder
    $script:repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:container = 'journals'
    New-TestAzuriteContainer -Azurite $azurite -Name $container
    $script:sas = New-TestAzuriteSas -Azurite $azurite -Container $container
    # What must never be shown: the SAS's signature (as sent and as decoded) and the account key.
    $script:signature = [regex]::Match($sas, 'sig=([^&]+)').Groups[1].Value
    $script:secrets = @($signature, [uri]::UnescapeDataString($signature), $azurite.AccountKey)

    # A blob of its own for each test: the URL without and with the SAS.
    function New-JournalUrl([string] $Name, [string] $In = $container) { "$($azurite.BlobEndpoint)/$In/$Name-$([guid]::NewGuid().ToString('N').Substring(0, 8)).csv" }
    function Add-Sas([string] $Url) { "${Url}?$sas" }
    function Get-BlobPath([string] $Url) { ([uri]$Url).AbsolutePath.Substring("/$($azurite.AccountName)/".Length) }

    # $Lines (a script) in a pwsh of its own, connected to the emulator; returns that pwsh's id
    # (it writes it first) and the process Start-Process started (the dotnet wrapper).
    function Start-ChildRun([string] $Lines, [hashtable] $Environment = @{}) {
        $name = [guid]::NewGuid()
        $pidFile = Join-Path $folder "$name.pid"
        $child = Join-Path $folder "$name.ps1"
        $setEnvironment = ($Environment.Keys | ForEach-Object { "`$env:$_ = '$($Environment[$_])'" }) -join "`n"
        Set-Content $child @"
`$PID | Set-Content '$pidFile'
$setEnvironment
Import-Module '$env:KOOPHONE_TEST_MODULE'
Connect-KooPhone -Endpoint '$($emulator.Url)' -Token (ConvertTo-SecureString '$($emulator.Token)' -AsPlainText -Force) -Timeout 600 | Out-Null
$Lines
"@
        $wrapper = Start-Process dotnet -ArgumentList @('pwsh', '-NoProfile', '-NonInteractive', '-File', $child) -WorkingDirectory $repo -PassThru
        [pscustomobject]@{ PidFile = $pidFile; Wrapper = $wrapper }
    }

    # kill -9 of the child's pwsh, then waits until it (and its wrapper) are gone.
    function Stop-ChildRun($Child) {
        $childId = [int](Get-Content $Child.PidFile)
        & kill -9 $childId
        Wait-Process -Id $childId -Timeout 30 -ErrorAction SilentlyContinue
        if (-not $Child.Wrapper.HasExited) { $Child.Wrapper.Kill() }
        $null = $Child.Wrapper.WaitForExit(30000)
    }

    # Runs $Run until it is not refused with KooPhone.JournalInUse: a killed writer's lease is not
    # released by anyone and holds the blob until it lapses (a finite blob lease lasts 60 seconds
    # at most). Each refused attempt must have sent nothing. $Run is an advanced script block, so
    # it takes -ErrorAction and -ErrorVariable. Returns the run's results and errors.
    function Invoke-OnceFree([scriptblock] $Run, [string[]] $Ids) {
        $deadline = [DateTime]::UtcNow.AddSeconds(180)
        while ($true) {
            $since = Get-LastSequence
            $errors = @()
            try {
                $results = @(& $Run -ErrorAction SilentlyContinue -ErrorVariable +errors)
                return [pscustomobject]@{ Results = $results; Errors = $errors }
            }
            catch {
                if ($_.FullyQualifiedErrorId -notlike 'KooPhone.JournalInUse*' -or [DateTime]::UtcNow -gt $deadline) { throw }
                Get-RequestFor $Ids $since | Should -HaveCount 0 -Because 'a run refused its journal sends nothing'
                Start-Sleep -Seconds 2
            }
        }
    }

    # Requests that named any of $Ids after the log held $Since entries.
    function Get-RequestFor([string[]] $Ids, [long] $Since) {
        @(Get-EmulatorRequest $emulator | Where-Object { $_.sequence -gt $Since -and @($_.instanceIds | Where-Object { $_ -in $Ids }).Count })
    }

    function Get-LastSequence { [long] (@(Get-EmulatorRequest $emulator | ForEach-Object sequence) + 0 | Measure-Object -Maximum).Maximum }

    # Every word the command wrote anywhere: output (formatted), every stream, host lines, errors.
    function Get-EverythingShown([string] $Command, [hashtable] $Variables) {
        $run = Invoke-InTestHost -Context $context -Answer 'Yes' -Variables $Variables -Command "& { $Command } *>&1 | ForEach-Object { `$_; if (`$_ -is [System.Management.Automation.ErrorRecord]) { `$_.Exception.ToString(); `$_.TargetObject; `$_.ErrorDetails } } | Format-List * -Force | Out-String -Width 500"
        (@($run.Output) + @($run.Lines) + @($run.Errors | ForEach-Object { $_.Exception.ToString(); $_.TargetObject }) | Out-String -Width 500)
    }
}

AfterAll {
    Stop-TestAzurite $azurite
    Stop-TestEmulator $emulator
    Remove-Item -Recurse -Force $folder
}

Describe 'A blob journal' -Tag 'BlobJournal' {
    BeforeEach {
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
        Clear-EmulatorAction $emulator
        Clear-EmulatorFault $emulator
        $env:AZURE_STORAGE_CONNECTION_STRING = $null
    }

    AfterEach {
        Clear-EmulatorFault $emulator
        $env:AZURE_STORAGE_CONNECTION_STRING = $null
    }

    It 'after a process killed with kill -9, resets every id at most once and ends every id exactly once' {
        $journal = Add-Sas (New-JournalUrl 'reset')
        $idFile = Join-Path $folder 'reset-ids.txt'
        Set-Content $idFile $ids
        $child = Start-ChildRun "Get-Content '$idFile' | Reset-KooPhoneInstance -Force -ThrottleLimit 4 -JournalPath '$journal' | Out-Null"
        try {
            Wait-EmulatorCondition -Description 'eight reset calls' -TimeoutMs 90000 -Condition { @(Get-EmulatorRequest $emulator -Path '/v1/instances/batch-reset').Count -ge 8 }
        }
        finally { Stop-ChildRun $child }
        $killedAfter = @(Get-EmulatorRequest $emulator -Path '/v1/instances/batch-reset').Count
        $killedAfter | Should -BeLessThan 20 -Because 'the process died before it had sent everything'

        $rerun = Invoke-OnceFree -Ids $ids -Run { [CmdletBinding()] param() $ids | Reset-KooPhoneInstance -Context $context -Force -ThrottleLimit 4 -JournalPath $journal }

        @(Get-EmulatorAction $emulator -Operation BatchResetInstance | Where-Object count -gt 1) | Should -HaveCount 0 -Because 'no instance is reset twice'
        $ended = @($rerun.Results.InstanceId) + @($rerun.Errors | ForEach-Object TargetObject)
        $ended | Should -HaveCount $ids.Count
        @($ended | Sort-Object -Unique) | Should -HaveCount $ids.Count -Because 'every id ends exactly once'
        @($rerun.Errors | Where-Object { $_.FullyQualifiedErrorId -notlike 'KooPhone.OutcomeUnknown*' }) | Should -HaveCount 0
    }

    It 'after a backup killed with kill -9, backs up every id once across both runs' {
        $journal = Add-Sas (New-JournalUrl 'backup')
        $idFile = Join-Path $folder 'backup-ids.txt'
        Set-Content $idFile $ids
        $child = Start-ChildRun "Get-Content '$idFile' | Backup-KooPhoneInstance -Force -ThrottleLimit 4 -JournalPath '$journal' | Out-Null"
        try {
            Wait-EmulatorCondition -Description 'eight backup calls' -TimeoutMs 90000 -Condition { @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup').Count -ge 8 }
        }
        finally { Stop-ChildRun $child }

        $rerun = Invoke-OnceFree -Ids $ids -Run { [CmdletBinding()] param() $ids | Backup-KooPhoneInstance -Context $context -Force -ThrottleLimit 4 -JournalPath $journal }

        $ended = @($rerun.Results.InstanceId) + @($rerun.Errors | ForEach-Object TargetObject)
        @($ended | Sort-Object -Unique) | Should -HaveCount $ids.Count -Because 'every id ends exactly once'
        $ended | Should -HaveCount $ids.Count
    }

    It 'refuses a second writer while the lease is held (KooPhone.JournalInUse), and sends nothing' {
        $journal = Add-Sas (New-JournalUrl 'held')
        $idFile = Join-Path $folder 'held-ids.txt'
        Set-Content $idFile $ids[0..199]
        # The holder's first call hangs on the emulator until the holder dies: it holds the lease
        # as long as the test needs.
        Set-EmulatorFault $emulator @{ kind = 'hang'; path = '/v1/instances/backup'; times = 1 }
        $holder = Start-ChildRun "Get-Content '$idFile' | Backup-KooPhoneInstance -Force -ThrottleLimit 1 -JournalPath '$journal' | Out-Null"
        try {
            Wait-EmulatorCondition -Description 'the holder to send its first backup' -TimeoutMs 90000 -Condition { @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup').Count -ge 1 }
            $since = Get-LastSequence

            $refused = { $ids[200..209] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal -ErrorAction Stop } |
                Should -Throw -ErrorId 'KooPhone.JournalInUse*' -PassThru

            $refused.CategoryInfo.Category | Should -Be ResourceBusy
            Get-RequestFor $ids[200..209] $since | Should -HaveCount 0 -Because 'the refused run sent nothing'
            foreach ($secret in $secrets) { $refused.Exception.Message | Should -Not -BeLike "*$secret*" }
        }
        finally { Stop-ChildRun $holder }
    }

    It 'writes the journal with the SAS in the URL' {
        $url = New-JournalUrl 'sas'

        $results = @($ids[0..2] | Backup-KooPhoneInstance -Context $context -Force -JournalPath (Add-Sas $url))

        $results | Should -HaveCount 3
        $written = Get-TestAzuriteBlobText -Azurite $azurite -Path (Get-BlobPath $url)
        foreach ($id in $ids[0..2]) { $written | Should -BeLike "*$id*" }
    }

    It 'writes the journal with AZURE_STORAGE_CONNECTION_STRING when the URL has no SAS' {
        $url = New-JournalUrl 'connection-string'
        $env:AZURE_STORAGE_CONNECTION_STRING = $azurite.ConnectionString

        $results = @($ids[0..2] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $url)

        $results | Should -HaveCount 3
        $written = Get-TestAzuriteBlobText -Azurite $azurite -Path (Get-BlobPath $url) -Sas $sas
        foreach ($id in $ids[0..2]) { $written | Should -BeLike "*$id*" }
    }

    It 'reads back with a connection string what a run wrote with the SAS: the rerun sends nothing done' {
        $url = New-JournalUrl 'both'
        $null = @($ids[0..2] | Backup-KooPhoneInstance -Context $context -Force -JournalPath (Add-Sas $url))
        Clear-EmulatorRequest $emulator
        $env:AZURE_STORAGE_CONNECTION_STRING = $azurite.ConnectionString

        $results = @($ids[0..2] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $url)

        $results | Should -HaveCount 3 -Because 'what was done is written again'
        @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup') | Should -HaveCount 0 -Because 'nothing done is sent again'
    }

    It 'refuses a journal in a container that does not exist (KooPhone.JournalUnwritable), and sends nothing' {
        $missing = "missing-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $url = New-JournalUrl 'missing' -In $missing
        $journal = "${url}?$(New-TestAzuriteSas -Azurite $azurite -Container $missing)"

        $refused = { $ids[0..9] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal -ErrorAction Stop } |
            Should -Throw -ErrorId 'KooPhone.JournalUnwritable*' -PassThru

        $refused.Exception.Message | Should -BeLike "*$url*" -Because 'the error names the journal, without its SAS'
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
        { Get-TestAzuriteBlobText -Azurite $azurite -Path (Get-BlobPath $url) } | Should -Throw '*404*' -Because 'no container was made'
    }

    It 'never shows the SAS signature or the account key: output, errors, verbose and debug lines, the run record' {
        $journal = Add-Sas (New-JournalUrl 'quiet')
        $missing = "missing-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $unwritable = "$(New-JournalUrl 'quiet' -In $missing)?$(New-TestAzuriteSas -Azurite $azurite -Container $missing)"
        $keyed = New-JournalUrl 'quiet-key'
        $variables = @{ Ids = $ids[0..4]; Journal = $journal; Unwritable = $unwritable; Keyed = $keyed; ConnectionString = $azurite.ConnectionString }

        $shown = Get-EverythingShown -Variables $variables -Command {
            $Ids | Backup-KooPhoneInstance -Force -JournalPath $Journal -Verbose -Debug
            $Ids | Backup-KooPhoneInstance -Force -JournalPath $Journal -Verbose -Debug
            try { $Ids | Backup-KooPhoneInstance -Force -JournalPath $Unwritable -Verbose -Debug -ErrorAction Stop } catch { $_; $_.Exception.ToString() }
            $env:AZURE_STORAGE_CONNECTION_STRING = $ConnectionString
            try { $Ids | Backup-KooPhoneInstance -Force -JournalPath $Keyed -Verbose -Debug } finally { $env:AZURE_STORAGE_CONNECTION_STRING = $null }
            # Objects, which Get-EverythingShown formats with every property (formatting twice is an error).
            Get-KooPhoneRun -List
            Get-KooPhoneRun -Last
            Get-KooPhoneRun -Last -Summary
        }.ToString()

        $shown | Should -BeLike '*Backup-KooPhoneInstance*' -Because 'the runs and their record were shown'
        Get-EverythingShown -Variables @{ Journal = $journal } -Command 'Write-Verbose "journal $Journal" -Verbose' |
            Should -BeLike "*$signature*" -Because 'what is searched holds verbose lines, so a signature shown there would be found'
        foreach ($secret in $secrets) { $shown | Should -Not -BeLike "*$secret*" }
    }
}
