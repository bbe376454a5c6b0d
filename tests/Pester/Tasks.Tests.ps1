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

    It 'gives ObjectNotFound for an unknown task' {
        $jobs = Get-KooPhoneTask -TaskId 'ffffffffffffffffffffffffffffffff' -ErrorVariable problems -ErrorAction SilentlyContinue
        $jobs | Should -BeNullOrEmpty
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.1323*'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Get-KooPhoneTask on an emulator clock the test moves' {
    BeforeAll {
        # The jobs end when the test moves the emulator's clock past the job delay, not after a sleep.
        $script:still = Start-TestEmulator -Instances 10 -JobDelayMs 400 -ManualClock
        $script:stillContext = Connect-TestEmulator $still -PassThru
        $script:stillIds = @((Get-KooPhoneInstance -Context $stillContext).InstanceId)
    }
    AfterAll { Stop-TestEmulator $still }
    BeforeEach { Reset-TestEmulator $still }

    It 'reads a task by id: every job, running until the delay has passed' {
        $submitted = $stillIds[0..2] | Backup-KooPhoneInstance -Context $stillContext -Force
        Move-EmulatorClock $still 399 | Out-Null
        $jobs = Get-KooPhoneTask -Context $stillContext -TaskId $submitted[0].TaskId
        $jobs | Should -HaveCount 3
        @($jobs.JobId | Sort-Object) | Should -Be @($submitted.JobId | Sort-Object)
        $jobs | ForEach-Object { $_.Status | Should -Be 'Running' }
    }

    It 'reads piped results with their instances once the delay has passed' {
        $submitted = $stillIds[0..2] | Backup-KooPhoneInstance -Context $stillContext -Force
        Move-EmulatorClock $still 400 | Out-Null
        $jobs = $submitted | Get-KooPhoneTask -Context $stillContext
        @($jobs.InstanceId | Sort-Object) | Should -Be @($stillIds[0..2] | Sort-Object)
        $jobs | ForEach-Object { $_.Status | Should -Be 'Succeeded' }
    }
}
