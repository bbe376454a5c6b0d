# Get-KooPhoneTask and Wait-KooPhoneTask against the emulator.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:emulator = Start-TestEmulator -Instances 150 -JobDelayMs 400
    Connect-TestEmulator $emulator
    $script:allIds = @((Get-KooPhoneInstance).InstanceId)
}

AfterAll {
    Disconnect-KooPhone
    Stop-TestEmulator $emulator
}

Describe 'Get-KooPhoneTask and Wait-KooPhoneTask' {
    BeforeEach { Reset-TestEmulator $emulator }

    It 'waits for piped backup results and reports each job against its instance' {
        $submitted = $allIds[0..119] | Backup-KooPhoneInstance -Force
        $final = $submitted | Wait-KooPhoneTask

        $final | Should -HaveCount 120
        @($final.InstanceId | Sort-Object) | Should -Be @($allIds[0..119] | Sort-Object)
        $final | ForEach-Object { $_.Status | Should -Be 'Succeeded' }
        # The caller's objects are left as they were.
        $submitted[0].Status | Should -Be 'Submitted'
    }

    It 'reads a task by id: every job, running before the delay' {
        $submitted = $allIds[0..2] | Backup-KooPhoneInstance -Force
        $jobs = Get-KooPhoneTask -TaskId $submitted[0].TaskId
        $jobs | Should -HaveCount 3
        @($jobs.JobId | Sort-Object) | Should -Be @($submitted.JobId | Sort-Object)
        $jobs | ForEach-Object { $_.Status | Should -Be 'Running' }
    }

    It 'reads piped results with their instances' {
        $submitted = $allIds[0..2] | Backup-KooPhoneInstance -Force
        Start-Sleep -Milliseconds 600
        $jobs = $submitted | Get-KooPhoneTask
        @($jobs.InstanceId | Sort-Object) | Should -Be @($allIds[0..2] | Sort-Object)
        $jobs | ForEach-Object { $_.Status | Should -Be 'Succeeded' }
    }

    It 'gives ObjectNotFound for an unknown task' {
        $jobs = Get-KooPhoneTask -TaskId 'ffffffffffffffffffffffffffffffff' -ErrorVariable problems -ErrorAction SilentlyContinue
        $jobs | Should -BeNullOrEmpty
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.1323*'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
