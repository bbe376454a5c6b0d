# -JournalPath: a rerun after an interruption (even a killed process) acts on every id exactly
# once across both runs, never resends what may have been carried out, and writes again what
# was already done. Checked against the emulator's record of what it did.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:emulator = Start-TestEmulator -Instances 2000 -JobDelayMs 500 -ExtraArguments @('--latency-ms', '250')
    $script:context = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -ReconcileTimeout 3 -PassThru
    $script:ids = @((Get-KooPhoneInstance -Context $context -ThrottleLimit 8).InstanceId)
    $script:folder = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
    New-Item -ItemType Directory $folder | Out-Null
    $script:repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

    # A backup in a pwsh of its own, holding $Journal: its first call hangs on the emulator until
    # the process dies, so it holds the journal as long as the test needs. Returns the process id
    # of that pwsh (what its lock names) and the process Start-Process started (the dotnet wrapper).
    function Start-JournalHolder([string] $Journal, [string[]] $Ids) {
        $name = [guid]::NewGuid()
        $idFile = Join-Path $folder "$name.ids"
        $pidFile = Join-Path $folder "$name.pid"
        $child = Join-Path $folder "$name.ps1"
        Set-Content $idFile $Ids
        Set-Content $child @"
Import-Module '$env:KOOPHONE_TEST_MODULE'
Connect-KooPhone -Endpoint '$($emulator.Url)' -Token (ConvertTo-SecureString '$($emulator.Token)' -AsPlainText -Force) -Timeout 600 | Out-Null
`$PID | Set-Content '$pidFile'
Get-Content '$idFile' | Backup-KooPhoneInstance -Force -ThrottleLimit 1 -JournalPath '$Journal' | Out-Null
"@
        Set-EmulatorFault $emulator @{ kind = 'hang'; path = '/v1/instances/backup'; times = 1 }
        $wrapper = Start-Process dotnet -ArgumentList @('pwsh', '-NoProfile', '-NonInteractive', '-File', $child) -WorkingDirectory $repo -PassThru
        Wait-EmulatorCondition -Description 'the holder to send its first backup' -TimeoutMs 60000 -Condition { @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup').Count -ge 1 }
        [pscustomobject]@{ Id = [int] (Get-Content $pidFile); Wrapper = $wrapper }
    }

    function Stop-JournalHolder($Holder) {
        Stop-Process -Id $Holder.Id -Force -ErrorAction SilentlyContinue
        Wait-Process -Id $Holder.Id -Timeout 30 -ErrorAction SilentlyContinue
        if (-not $Holder.Wrapper.HasExited) { $Holder.Wrapper.Kill() }
        $Holder.Wrapper.WaitForExit(30000) | Out-Null
    }

    # Requests that named any of $Ids since the log held $Since entries.
    function Get-RequestFor([string[]] $Ids, [long] $Since) {
        @(Get-EmulatorRequest $emulator | Where-Object { $_.sequence -gt $Since -or @($_.instanceIds | Where-Object { $_ -in $Ids }).Count })
    }

    function Get-LastSequence { [long] (@(Get-EmulatorRequest $emulator | ForEach-Object sequence) + 0 | Measure-Object -Maximum).Maximum }
}

AfterAll {
    Stop-TestEmulator $emulator
    Remove-Item -Recurse -Force $folder
}

Describe 'A rerun with the same -JournalPath' {
    BeforeEach {
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
        Clear-EmulatorAction $emulator
    }

    It 'after a killed process, resets every id at most once and ends every id exactly once' {
        $journal = Join-Path $folder 'reset.csv'
        $idFile = Join-Path $folder 'ids.txt'
        $pidFile = Join-Path $folder 'child.pid'
        Set-Content $idFile $ids
        $child = Join-Path $folder 'child.ps1'
        Set-Content $child @"
`$PID | Set-Content '$pidFile'
Import-Module '$env:KOOPHONE_TEST_MODULE'
Connect-KooPhone -Endpoint '$($emulator.Url)' -Token (ConvertTo-SecureString '$($emulator.Token)' -AsPlainText -Force) | Out-Null
Get-Content '$idFile' | Reset-KooPhoneInstance -Force -ThrottleLimit 4 -JournalPath '$journal' | Out-Null
"@
        $null = Start-Process dotnet -ArgumentList @('pwsh', '-NoProfile', '-NonInteractive', '-File', $child) -WorkingDirectory $repo -PassThru
        Wait-EmulatorCondition -Description 'eight reset calls' -TimeoutMs 60000 -Condition { @(Get-EmulatorRequest $emulator -Path '/v1/instances/batch-reset').Count -ge 8 }
        $killed = [int](Get-Content $pidFile)
        Stop-Process -Id $killed -Force
        # Its journal lock ends with the process, which Stop-Process does not wait for.
        Wait-Process -Id $killed -Timeout 30 -ErrorAction SilentlyContinue
        $killedAfter = @(Get-EmulatorRequest $emulator -Path '/v1/instances/batch-reset').Count
        $killedAfter | Should -BeLessThan 20 -Because 'the process died before it had sent everything'

        $errors = @()
        $results = @($ids | Reset-KooPhoneInstance -Context $context -Force -ThrottleLimit 4 -JournalPath $journal -ErrorAction SilentlyContinue -ErrorVariable +errors)

        @(Get-EmulatorAction $emulator -Operation BatchResetInstance | Where-Object count -gt 1) | Should -HaveCount 0 -Because 'no instance is reset twice'
        $ended = @($results.InstanceId) + @($errors | ForEach-Object TargetObject)
        $ended | Should -HaveCount $ids.Count
        @($ended | Sort-Object -Unique) | Should -HaveCount $ids.Count -Because 'every id ends exactly once'
        $unknown = @($errors | Where-Object { $_.FullyQualifiedErrorId -like 'KooPhone.OutcomeUnknown*' })
        $unknown.Count | Should -BeLessOrEqual (4 * 100) -Because 'only the calls in flight when the process died are in doubt'
        @($errors | Where-Object { $_.FullyQualifiedErrorId -notlike 'KooPhone.OutcomeUnknown*' }) | Should -HaveCount 0
        @($results | Where-Object { $_.Evidence -like 'From the journal*' }).Count | Should -BeGreaterThan 0 -Because 'what the first run recorded is written again, not sent again'
        $acted = @(Get-EmulatorAction $emulator -Operation BatchResetInstance | ForEach-Object instance_id)
        $acted.Count | Should -BeGreaterOrEqual ($ids.Count - $unknown.Count)
    }

    It 'after a finished backup, sends nothing and writes every result again from the journal' {
        $journal = Join-Path $folder 'backup.csv'
        $first = @($ids[0..299] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal)
        $first | Should -HaveCount 300
        Clear-EmulatorRequest $emulator

        $again = @($ids[0..299] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal)

        @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup') | Should -HaveCount 0
        $again | Should -HaveCount 300
        $again | ForEach-Object { $_.Evidence | Should -BeLike 'From the journal*' }
        @($again.TaskId | Sort-Object -Unique) | Should -Be @($first.TaskId | Sort-Object -Unique)
        (Import-Csv $journal | Where-Object Outcome -eq Sent | Select-Object -First 1).Message | Should -Match 'sent by'
    }

    It 'is refused by a cmdlet that only reads' {
        { $ids[0] | Get-KooPhoneInstanceStatus -Context $context -JournalPath (Join-Path $folder 'status.csv') -ErrorAction Stop } |
            Should -Throw -ErrorId 'KooPhone.JournalNotApplicable*'
    }
}

Describe 'One journal, one writer' {
    BeforeEach {
        Clear-EmulatorFault $emulator
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
    }

    AfterEach {
        Clear-EmulatorFault $emulator
    }

    It 'refuses a run while another process holds the journal, naming that process, and sends nothing' {
        $journal = Join-Path $folder 'held-by-process.csv'
        $holder = Start-JournalHolder $journal $ids[0..199]
        try {
            $since = Get-LastSequence

            $refused = { $ids[200..209] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal -ErrorAction Stop } |
                Should -Throw -ErrorId 'KooPhone.JournalInUse*' -PassThru

            $refused.CategoryInfo.Category | Should -Be ResourceBusy
            $refused.TargetObject | Should -Be $journal
            $message = $refused.Exception.Message
            $message | Should -BeLike "*'$journal'*"
            $message | Should -BeLike "*process $($holder.Id) on host $([Environment]::MachineName), user $([Environment]::UserName), since * UTC, running Backup-KooPhoneInstance*"
            $message | Should -BeLike "*$journal.lock*"
            Get-RequestFor $ids[200..209] $since | Should -HaveCount 0 -Because 'the refused run sent nothing'
        }
        finally { Stop-JournalHolder $holder }
    }

    It 'refuses a run while another runspace of this process holds the journal, and takes it once that run has stopped' {
        $journal = Join-Path $folder 'held-by-runspace.csv'
        Set-EmulatorFault $emulator @{ kind = 'hang'; path = '/v1/instances/backup'; times = 1 }
        $other = [powershell]::Create()
        $null = $other.AddScript({
                param($Module, $Context, $Ids, $Journal)
                Import-Module $Module
                $Ids | Backup-KooPhoneInstance -Context $Context -Force -ThrottleLimit 1 -JournalPath $Journal
            }.ToString()).AddParameters(@{ Module = $env:KOOPHONE_TEST_MODULE; Context = $context; Ids = $ids[0..199]; Journal = $journal })
        $running = $other.BeginInvoke()
        try {
            Wait-EmulatorCondition -Description 'the other runspace to send its first backup' -TimeoutMs 30000 -Condition { @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup').Count -ge 1 }
            $since = Get-LastSequence

            $refused = { $ids[200..209] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal -ErrorAction Stop } |
                Should -Throw -ErrorId 'KooPhone.JournalInUse*' -PassThru

            $refused.Exception.Message | Should -BeLike "*process $PID on host *"
            Get-RequestFor $ids[200..209] $since | Should -HaveCount 0 -Because 'the refused run sent nothing'
        }
        finally {
            $other.Stop()
            try { $null = $other.EndInvoke($running) } catch { $null = $_ }
            $other.Dispose()
        }

        @($ids[200..209] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal) | Should -HaveCount 10 -Because 'a stopped run lets go of its journal'
    }

    It 'lets the next run take a journal whose holder was killed, though its lock file still names it' {
        $journal = Join-Path $folder 'held-by-killed.csv'
        $holder = Start-JournalHolder $journal $ids[0..199]
        Stop-JournalHolder $holder
        (Get-Content "$journal.lock" -Raw) | Should -BeLike "process $($holder.Id) on host *" -Because 'a killed holder never let go: only the operating system released its lock'

        $results = @($ids[200..209] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal)

        $results | Should -HaveCount 10
        @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup' | Where-Object { @($_.instanceIds | Where-Object { $_ -in $ids[200..209] }).Count }) | Should -HaveCount 1
        (Get-Content "$journal.lock" -Raw) | Should -BeNullOrEmpty -Because 'a run that ends lets go and names no one'
    }

    It 'refuses a journal in a folder that cannot be made, and sends nothing' {
        $file = Join-Path $folder 'a-file'
        Set-Content $file 'not a folder'
        $journal = Join-Path $file 'journal.csv'

        $refused = { $ids[0..9] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal -ErrorAction Stop } |
            Should -Throw -ErrorId 'KooPhone.JournalUnwritable*' -PassThru

        $refused.Exception.Message | Should -BeLike "*'$journal'*"
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
    }

    It 'refuses a journal another operation wrote, and sends nothing' {
        $journal = Join-Path $folder 'reset-journal.csv'
        $null = $ids[0..1] | Reset-KooPhoneInstance -Context $context -Force -JournalPath $journal
        Clear-EmulatorRequest $emulator

        $refused = { $ids[0..1] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal -ErrorAction Stop } |
            Should -Throw -ErrorId 'KooPhone.JournalOtherOperation*' -PassThru

        $refused.Exception.Message | Should -BeLike '*BatchResetInstance*'
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
    }
}

Describe 'A journal a crash left damaged' {
    BeforeEach {
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It 'is read up to its last whole entry: an id whose only entry was cut off is sent, on a line of its own' {
        $journal = Join-Path $folder 'cut.csv'
        $null = $ids[0..4] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal
        # A result line for an id never sent, cut off in its last field: it reads as whole but for its line break.
        $whole = (Get-Content $journal | Where-Object { $_ -like "*,$($ids[4]),*,Result,*" } | Select-Object -Last 1)
        $cut = $whole.Replace($ids[4], $ids[5]).Substring(0, $whole.Length - 10)
        [IO.File]::AppendAllText($journal, $cut)
        Clear-EmulatorRequest $emulator

        $results = @($ids[0..5] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal)

        $results | Should -HaveCount 6
        @($results | Where-Object { $_.Evidence -like 'From the journal*' }).InstanceId | Should -Be $ids[0..4]
        @((Get-EmulatorRequest $emulator -Path '/v1/instances/backup').instanceIds) | Should -Be @($ids[5])
        Get-Content $journal | Should -Not -Contain $cut
        @(Import-Csv $journal | Where-Object InstanceId -eq $ids[5]).Outcome | Should -Be @('Sent', 'Result')
    }

    It 'reads around the NUL bytes left at its end, run after run' {
        $journal = Join-Path $folder 'nul.csv'
        $null = $ids[0..4] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal
        [IO.File]::AppendAllText($journal, [string]::new([char] 0, 4096))
        $null = $ids[0..5] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal
        Clear-EmulatorRequest $emulator

        $results = @($ids[0..5] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal)

        $results | Should -HaveCount 6
        $results | ForEach-Object { $_.Evidence | Should -BeLike 'From the journal*' }
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
    }
}
