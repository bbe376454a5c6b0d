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
        Stop-Process -Id ([int](Get-Content $pidFile)) -Force
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
