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
        $childId = [int](Get-Content $pidFile)
        Stop-Process -Id $childId -Force
        # The kill is asynchronous: its journal's lock is released only once the process is gone.
        Wait-Process -Id $childId -Timeout 30 -ErrorAction SilentlyContinue
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
    BeforeAll {
        # The first characters of one of $Id's lines in $Journal, up to and a little past its outcome:
        # its run, operation and id were written whole, the rest was cut off.
        function Get-CutLine([string] $Journal, [string] $Id, [string] $Outcome) {
            $line = Get-Content $Journal | Where-Object { $_ -like "*,$Id,*,$Outcome,*" } | Select-Object -First 1
            $line.Substring(0, $line.IndexOf(",$Outcome,") + $Outcome.Length + 5)
        }

        # A rerun of $Command over $Ids with $Journal: its results, errors and warnings.
        function Invoke-Rerun([string] $Command, [string[]] $Ids, [string] $Journal) {
            $errors = @()
            $warnings = @()
            $results = @($Ids | & $Command -Context $context -Force -JournalPath $Journal -ErrorAction SilentlyContinue -ErrorVariable +errors -WarningAction SilentlyContinue -WarningVariable +warnings)
            [pscustomobject]@{ Results = $results; Errors = @($errors); Warnings = @($warnings | ForEach-Object { "$_" }) }
        }
    }

    BeforeEach {
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It 'counts a cut last line as sent, outcome unknown: Reset reports its id Unknown, never resets it blindly, and says so once' {
        $journal = Join-Path $folder 'cut-reset.csv'
        $null = $ids[0..4] | Reset-KooPhoneInstance -Context $context -Force -JournalPath $journal
        # The intent record of the next id, cut off before its time: the call may have gone out.
        $cut = (Get-CutLine $journal $ids[4] 'Sent').Replace($ids[4], $ids[5])
        $line = @(Get-Content $journal).Count + 1
        [IO.File]::AppendAllText($journal, $cut)
        Clear-EmulatorRequest $emulator

        $rerun = Invoke-Rerun Reset-KooPhoneInstance $ids[0..5] $journal

        @(Get-EmulatorRequest $emulator -Path '/v1/instances/batch-reset') | Should -HaveCount 0 -Because 'a reset whose intent was written is never sent again blindly'
        $rerun.Results.InstanceId | Should -Be $ids[0..4]
        $rerun.Results | ForEach-Object { $_.Evidence | Should -BeLike 'From the journal*' }
        $rerun.Errors | Should -HaveCount 1
        $rerun.Errors[0].TargetObject | Should -Be $ids[5] -Because 'the cut id is not taken as done either'
        $rerun.Errors[0].FullyQualifiedErrorId | Should -BeLike 'KooPhone.OutcomeUnknown*'
        $rerun.Warnings | Should -HaveCount 1
        $rerun.Warnings[0] | Should -BeLike "The journal '$journal' is damaged: its last line (line $line) was cut off before its end: $($ids[5]) counts as sent with its outcome unknown*"
        $entries = @(Import-Csv $journal | Where-Object InstanceId -eq $ids[5])
        $entries.Outcome | Should -Be @('Sent', 'Unknown') -Because 'the cut line was written again whole, as sent, and the rerun appended after it'
        $entries[0].Message | Should -BeLike "Line $line was cut off here*"

        $again = Invoke-Rerun Reset-KooPhoneInstance $ids[0..5] $journal

        @(Get-EmulatorRequest $emulator -Path '/v1/instances/batch-reset') | Should -HaveCount 0
        $again.Errors.TargetObject | Should -Be @($ids[5])
        $again.Warnings | Should -HaveCount 0 -Because 'the journal is whole again'
    }

    It 'settles a cut last line from the instance''s state: a backup carried out is not sent again' {
        $journal = Join-Path $folder 'cut-backup.csv'
        $null = $ids[0..5] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal
        # A crash took the end of the journal: of the last id's lines, only the start of its intent is left.
        $cut = Get-CutLine $journal $ids[5] 'Sent'
        Set-Content $journal (Get-Content $journal | Where-Object { $_ -notlike "*,$($ids[5]),*" })
        [IO.File]::AppendAllText($journal, $cut)
        Clear-EmulatorRequest $emulator

        $rerun = Invoke-Rerun Backup-KooPhoneInstance $ids[0..5] $journal

        @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup') | Should -HaveCount 0 -Because 'the instance''s state shows the backup'
        $rerun.Errors | Should -HaveCount 0
        $rerun.Results | Should -HaveCount 6
        @($rerun.Results | Where-Object { $_.Evidence -like 'From the journal*' }).InstanceId | Should -Be $ids[0..4]
        ($rerun.Results | Where-Object InstanceId -eq $ids[5]).Evidence | Should -BeLike "*state shows it was carried out*"
        $rerun.Warnings | Should -HaveCount 1
    }

    It 'reports lines of NUL bytes by number, reads the rest, and drops those at its end, run after run' {
        $journal = Join-Path $folder 'nul.csv'
        $null = $ids[0..4] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal
        $line = @(Get-Content $journal).Count + 1
        [IO.File]::AppendAllText($journal, [string]::new([char] 0, 100) + "`n" + [string]::new([char] 0, 4096))
        Clear-EmulatorRequest $emulator

        $first = Invoke-Rerun Backup-KooPhoneInstance $ids[0..5] $journal

        $first.Results | Should -HaveCount 6
        @($first.Results | Where-Object { $_.Evidence -like 'From the journal*' }).InstanceId | Should -Be $ids[0..4]
        @((Get-EmulatorRequest $emulator -Path '/v1/instances/backup').instanceIds) | Should -Be @($ids[5])
        $first.Warnings | Should -HaveCount 1
        $first.Warnings[0] | Should -BeLike "The journal '$journal' is damaged: 2 line(s) could not be read as entries (line $line, $($line + 1) (cut off)) and were left out*"
        Clear-EmulatorRequest $emulator

        $second = Invoke-Rerun Backup-KooPhoneInstance $ids[0..5] $journal

        $second.Results | ForEach-Object { $_.Evidence | Should -BeLike 'From the journal*' }
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 0
        $second.Warnings | Should -HaveCount 1 -Because 'the line of NUL bytes inside the journal is still there'
        $second.Warnings[0] | Should -BeLike "*1 line(s) could not be read as entries (line $line)*"
    }

    It 'reports a line that cannot be read, and reads the id it held from its other lines' {
        $journal = Join-Path $folder 'unreadable.csv'
        $null = $ids[0..4] | Backup-KooPhoneInstance -Context $context -Force -JournalPath $journal
        $lines = @(Get-Content $journal)
        # The result of the third id loses its outcome: its intent record is its last entry left.
        $number = 1 + [array]::FindLastIndex($lines, [Predicate[string]] { param($l) $l -like "*,$($ids[2]),*,Result,*" })
        $lines[$number - 1] = $lines[$number - 1].Replace(',Result,', ',Resu?t,')
        Set-Content $journal $lines
        Clear-EmulatorRequest $emulator

        $rerun = Invoke-Rerun Backup-KooPhoneInstance $ids[0..4] $journal

        $rerun.Warnings | Should -HaveCount 1
        $rerun.Warnings[0] | Should -BeLike "The journal '$journal' is damaged: 1 line(s) could not be read as entries (line $number) and were left out*"
        @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup') | Should -HaveCount 0 -Because 'its intent record makes it doubtful, and its state shows the backup'
        $rerun.Errors | Should -HaveCount 0
        ($rerun.Results | Where-Object InstanceId -eq $ids[2]).Evidence | Should -BeLike "*state shows it was carried out*"
        @($rerun.Results | Where-Object { $_.Evidence -like 'From the journal*' }).InstanceId | Should -Be @($ids[0], $ids[1], $ids[3], $ids[4])
    }
}

Describe 'A journal of user–instance pairs' {
    BeforeEach {
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It 'counts an entry for its instance and user together: granting the instance to another user is sent' {
        $journal = Join-Path $folder 'grant.csv'
        $instance = (Get-KooPhoneInstance -Context $context -InstanceId $ids | Where-Object { -not $_.IsAssigned } | Select-Object -First 1).InstanceId
        $first = '1008600000104285462'
        $second = '1008600000104285463'
        $null = [pscustomobject]@{ UserId = $first; InstanceId = $instance } | Grant-KooPhoneInstance -Context $context -JournalPath $journal
        $revokes = Join-Path $folder 'revoke.csv'
        $null = [pscustomobject]@{ UserId = $first; InstanceId = $instance } | Revoke-KooPhoneInstance -Context $context -Force -Wait -JournalPath $revokes
        Clear-EmulatorRequest $emulator

        $granted = @([pscustomobject]@{ UserId = $second; InstanceId = $instance } | Grant-KooPhoneInstance -Context $context -JournalPath $journal)

        $granted | Should -HaveCount 1
        $granted[0].Evidence | Should -Not -BeLike 'From the journal*' -Because "the journal holds $instance for another user"
        @(Get-EmulatorRequest $emulator -Path '/v1/instances/assign') | Should -HaveCount 1
        (Get-KooPhoneInstance -Context $context -InstanceId $instance).AssignedUser | Should -Be $second
        Clear-EmulatorRequest $emulator

        $again = @([pscustomobject]@{ UserId = $second; InstanceId = $instance } | Grant-KooPhoneInstance -Context $context -JournalPath $journal)

        $again[0].Evidence | Should -BeLike 'From the journal*' -Because 'the pair itself is done'
        @(Get-EmulatorRequest $emulator -Path '/v1/instances/assign') | Should -HaveCount 0

        $revokedAgain = @([pscustomobject]@{ UserId = $first; InstanceId = $instance } | Revoke-KooPhoneInstance -Context $context -Force -JournalPath $revokes)

        $revokedAgain[0].Evidence | Should -BeLike 'From the journal*'
        "$($revokedAgain[0].Status)" | Should -Be 'Succeeded' -Because 'what -Wait learned of the pair is journaled under the pair'
        @(Get-EmulatorRequest $emulator -Path '/v1/instances/unassign') | Should -HaveCount 0
    }

    It 'counts a Restore entry for its instance and user together: preparing the instance for another user is sent' {
        $journal = Join-Path $folder 'restore.csv'
        $null = $ids[0] | Restore-KooPhoneInstance -Context $context -UserId '1008600000104285462' -JournalPath $journal
        Clear-EmulatorRequest $emulator

        $restored = @($ids[0] | Restore-KooPhoneInstance -Context $context -UserId '1008600000104285463' -JournalPath $journal)

        $restored | Should -HaveCount 1
        $restored[0].UserId | Should -Be '1008600000104285463'
        @(Get-EmulatorRequest $emulator -Path '/v1/instances/prepare') | Should -HaveCount 1 -Because "the journal holds $($ids[0]) prepared for another user"
        @(Import-Csv $journal).UserId | Sort-Object -Unique | Should -Be @('1008600000104285462', '1008600000104285463')
    }
}
