# Waiting that never drops a result: failed polls, saved results read back, the run record.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:emulator = Start-TestEmulator -Instances 60 -JobDelayMs 300
    Connect-TestEmulator $emulator
    $script:allIds = @((Get-KooPhoneInstance).InstanceId)
    $script:ids = $allIds[0..9]

    function Assert-AllSucceeded($results, $expectedIds) {
        $results | Should -HaveCount $expectedIds.Count
        @($results.InstanceId | Sort-Object) | Should -Be @($expectedIds | Sort-Object)
        $results | ForEach-Object { $_.Status | Should -Be 'Succeeded' }
    }
}

AfterAll {
    Disconnect-KooPhone
    Stop-TestEmulator $emulator
}

Describe 'A failed poll is about its task, not the end of the wait' {
    BeforeEach { Reset-TestEmulator $emulator; Clear-EmulatorFault $emulator }
    AfterEach { Clear-EmulatorFault $emulator }

    It 'one garbage answer to a task poll: every result is written' {
        Set-EmulatorFault $emulator @{ kind = 'garbage'; times = 1; path = '/v1/instances/tasks' }
        $final = $ids | Backup-KooPhoneInstance -Force -Wait -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -BeNullOrEmpty
        Assert-AllSucceeded $final $ids
        $final | ForEach-Object { $_.LastPollError | Should -BeNullOrEmpty }
    }

    It 'a poll out of retries: every result is written' {
        $context = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -MaxRetryCount 1 -PassThru
        $submitted = $ids | Backup-KooPhoneInstance -Force -Context $context
        Set-EmulatorFault $emulator @{ kind = 'status'; status = 503; times = 2; path = '/v1/instances/tasks' }
        $final = $submitted | Wait-KooPhoneTask -Context $context -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -BeNullOrEmpty
        Assert-AllSucceeded $final $ids
    }

    It 'a task that keeps failing: results written at the time limit with the reason' {
        $submitted = $ids[0..1] | Backup-KooPhoneInstance -Force
        Set-EmulatorFault $emulator @{ kind = 'garbage'; path = '/v1/instances/tasks' }
        $final = $submitted | Wait-KooPhoneTask -TimeoutSeconds 2 -WarningVariable warnings -WarningAction SilentlyContinue
        $final | Should -HaveCount 2
        $final | ForEach-Object { $_.Status | Should -Be 'Submitted'; $_.LastPollError | Should -BeLike 'The task query failed*' }
        "$warnings" | Should -BeLike '*LastPollError*'
    }
}

Describe 'Saved results resume with their instances' {
    BeforeEach { Reset-TestEmulator $emulator; Clear-EmulatorFault $emulator }

    It 'round trips through <Name>' -ForEach @(
        @{ Name = 'Export-Csv'; Save = { param($r, $p) $r | Export-Csv -Path $p -NoTypeInformation }; Load = { param($p) Import-Csv -Path $p } }
        @{ Name = 'Export-Clixml'; Save = { param($r, $p) $r | Export-Clixml -Path $p }; Load = { param($p) Import-Clixml -Path $p } }
        @{ Name = 'ConvertTo-Json'; Save = { param($r, $p) ConvertTo-Json -InputObject @($r) | Set-Content -Path $p }; Load = { param($p) Get-Content -Raw -Path $p | ConvertFrom-Json | ForEach-Object { $_ } } }
    ) {
        $path = Join-Path $TestDrive "submitted-$Name"
        $submitted = $ids | Backup-KooPhoneInstance -Force
        & $Save $submitted $path
        $rows = @(& $Load $path)
        $rows | Should -HaveCount $ids.Count
        Get-Content -Raw -Path $path | Should -Match '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z'

        $final = $rows | Wait-KooPhoneTask
        Assert-AllSucceeded $final $ids
        ($final | Where-Object { -not $_.InstanceId }) | Should -BeNullOrEmpty
        $final | ForEach-Object { [datetime]::Parse($_.SubmittedAt, [cultureinfo]::InvariantCulture, 'AdjustToUniversal,AssumeUniversal').Kind | Should -Be 'Utc' }
    }

    It 'writes SubmittedAt as ISO 8601 UTC text in CSV, whatever the culture' {
        $submitted = $ids[0] | Backup-KooPhoneInstance -Force
        $csv = $submitted | ConvertTo-Csv -NoTypeInformation
        $csv[1] | Should -Match '"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z"'
    }

    It 'a CSV row with an empty TaskId: one error naming it, nothing polled for it' {
        $path = Join-Path $TestDrive 'broken.csv'
        $submitted = $ids[0..2] | Backup-KooPhoneInstance -Force
        $submitted | Export-Csv -Path $path -NoTypeInformation
        $rows = @(Import-Csv -Path $path)
        $rows[1].TaskId = ''
        Clear-EmulatorRequest $emulator
        $final = $rows | Wait-KooPhoneTask -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KooPhone.NoTask*'
        "$($problems[0])" | Should -BeLike "*$($rows[1].InstanceId)*"
        $final | Should -HaveCount 2
        @(Get-EmulatorRequest $emulator | Where-Object { $_.path -like '/v1/instances/tasks/*' -and $_.path -notlike "*/$($submitted[0].TaskId)" }) | Should -BeNullOrEmpty
    }

    It 'refuses an object without a TaskId property instead of polling its text' {
        Clear-EmulatorRequest $emulator
        [pscustomobject]@{ Foo = 'bar' } | Wait-KooPhoneTask -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -HaveCount 1
        @(Get-EmulatorRequest $emulator | Where-Object { $_.path -like '/v1/instances/tasks/*' }) | Should -BeNullOrEmpty
    }

    It 'still takes task id strings from the pipeline' {
        $submitted = $ids[0..1] | Backup-KooPhoneInstance -Force
        $final = $submitted[0].TaskId | Wait-KooPhoneTask
        $final | Should -HaveCount 2
        $final | ForEach-Object { $_.Status | Should -Be 'Succeeded' }
    }
}

Describe 'SubmittedAt read back in a zone that is not UTC' {
    BeforeAll {
        # UTC+8 without daylight saving.
        $script:savedTz = Set-TestTimeZone 'Asia/Shanghai'
    }

    AfterAll { Restore-TestTimeZone $savedTz }

    BeforeEach { Reset-TestEmulator $emulator }

    It 'reads <Given> as <Moment>' -ForEach @(
        # As results and the run record write it, with its zone: the same moment anywhere.
        @{ Given = '2026-01-02T03:04:05.0000000Z'; Moment = '2026-01-02T03:04:05.0000000Z' }
        # Without a zone: local time, as Get-Date and [datetime] take it.
        @{ Given = '2026-01-02 03:04:05'; Moment = '2026-01-01T19:04:05.0000000Z' }
    ) {
        [TimeZoneInfo]::Local.BaseUtcOffset | Should -Be ([timespan]'08:00:00')
        $submitted = $ids[0] | Backup-KooPhoneInstance -Force
        $row = [pscustomobject]@{ TaskId = $submitted.TaskId; JobId = $submitted.JobId; InstanceId = $submitted.InstanceId; Operation = $submitted.Operation; SubmittedAt = $Given }
        $read = $row | Get-KooPhoneTask
        $read.InstanceId | Should -Be $ids[0]
        $read.SubmittedAt | Should -Be $Moment
    }

    It 'round trips a result through Export-Csv to the same moment' {
        $submitted = $ids[0] | Backup-KooPhoneInstance -Force
        $path = Join-Path $TestDrive 'submitted-zone.csv'
        $submitted | Export-Csv -Path $path -NoTypeInformation
        (Import-Csv -Path $path | Get-KooPhoneTask).SubmittedAt | Should -Be $submitted.SubmittedAt
    }
}

Describe 'The run record resumes' {
    BeforeEach { Reset-TestEmulator $emulator; Clear-EmulatorFault $emulator }

    It 'Get-KooPhoneRun -Last | Wait-KooPhoneTask ends with every id Succeeded' {
        $null = $ids | Backup-KooPhoneInstance -Force
        $entries = @(Get-KooPhoneRun -Last)
        $entries | Should -HaveCount $ids.Count
        $final = $entries | Wait-KooPhoneTask -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -BeNullOrEmpty
        Assert-AllSucceeded $final $ids
    }

    It 'follows entries without a task through the state, and skips the rest with one warning' {
        $at = [datetime]::UtcNow
        $null = $ids[0] | Backup-KooPhoneInstance -Force -Wait
        $entries = @(
            [pscustomobject]@{ TaskId = ''; JobId = ''; InstanceId = $ids[0]; Operation = 'BatchBackupInstances'; Outcome = 'Result'; SubmittedAt = $at.ToString('o') }
            [pscustomobject]@{ TaskId = ''; JobId = ''; InstanceId = $ids[1]; Operation = 'BatchBackupInstances'; Outcome = 'NotSent'; SubmittedAt = '' }
            [pscustomobject]@{ TaskId = ''; JobId = ''; InstanceId = $ids[2]; Operation = 'BatchRebootInstance'; Outcome = 'Result'; SubmittedAt = '' }
        )
        $final = $entries | Wait-KooPhoneTask -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
        $problems | Should -BeNullOrEmpty
        $warnings | Should -HaveCount 1
        $final | Should -HaveCount 1
        $final.InstanceId | Should -Be $ids[0]
        $final.Status | Should -Be 'Succeeded'
    }
}
