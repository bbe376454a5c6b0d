# Restart-KooPhoneInstance -Wait: a restart is reported as done only when the polls saw the
# instance leave Running and come back; silence is never success.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force

    # An emulator whose restarts take $JobDelayMs, with a connection to it and its ids, for one Context.
    function Start-RestartEmulator([int] $Instances, [int] $JobDelayMs) {
        $script:emulator = Start-TestEmulator -Instances $Instances -JobDelayMs $JobDelayMs
        $script:context = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -PassThru
        $script:ids = @((Get-KooPhoneInstance -Context $context).InstanceId)
    }
    function Get-StatusQueryIdCounts($Emulator) {
        @(Get-EmulatorRequest $Emulator -Path "/v1/instances/batch-query-status") | ForEach-Object { @($_.instanceIds).Count }
    }
}

Describe 'Restart-KooPhoneInstance -Wait' {
    Context 'restarts that take a few seconds' {
        BeforeAll {
            # The emulator keeps a restarted instance Starting (running_status 4) for 2.5 s.
            Start-RestartEmulator -Instances 150 -JobDelayMs 2500
        }
        AfterAll { Stop-TestEmulator $emulator }
        BeforeEach { Reset-TestEmulator $emulator; Clear-EmulatorRequest $emulator }

        It 'writes each restart as Restarted once it was seen to leave Running and come back' {
            $results = @($ids | Restart-KooPhoneInstance -Context $context -Wait -TimeoutSeconds 60)

            $results | Should -HaveCount 150
            ($results.InstanceId | Sort-Object -Unique) | Should -HaveCount 150
            $results | ForEach-Object { $_.Status | Should -Be 'Restarted' }
            $results[0].Evidence | Should -Match 'leave Running and come back'
            (Get-EmulatorInstance $emulator $ids[0]).running_status | Should -Be 2
        }

        It 'reads the status 100 ids a call, and only the restarted ids' {
            $null = $ids[0..119] | Restart-KooPhoneInstance -Context $context -Wait -TimeoutSeconds 60

            $counts = @(Get-StatusQueryIdCounts $emulator)
            $counts.Count | Should -BeGreaterThan 1
            ($counts | Measure-Object -Maximum).Maximum | Should -BeLessOrEqual 100
            $asked = @(Get-EmulatorRequest $emulator -Path '/v1/instances/batch-query-status') | ForEach-Object { $_.instanceIds } | Sort-Object -Unique
            $asked | Should -HaveCount 120
        }

        It 'without -Wait writes Accepted and reads no status' {
            $results = @($ids[0..4] | Restart-KooPhoneInstance -Context $context)
            $results | ForEach-Object { $_.Status | Should -Be 'Accepted' }
            @(Get-StatusQueryIdCounts $emulator) | Should -HaveCount 0
        }

        It '-WhatIf -Wait sends nothing and reads nothing' {
            $run = Invoke-InTestHost -Command '$input | Restart-KooPhoneInstance -Wait -WhatIf' -Context $context -InputObject $ids[0..4]
            $run.Output | Should -HaveCount 0
            @($run.Lines | Where-Object { $_ -like 'What if:*' }) | Should -HaveCount 5
            @(Get-EmulatorRequest $emulator) | Where-Object { $_.path -like '/v1/*' } | Should -HaveCount 0
        }
    }

    Context 'restarts quicker than the polls' {
        BeforeAll {
            # A restart that is over at once: no poll can see the instance out of Running.
            Start-RestartEmulator -Instances 10 -JobDelayMs 0
        }
        AfterAll { Stop-TestEmulator $emulator }

        It 'never claims a restart it did not see: RestartNotSeen at the time limit' {
            $results = @($ids | Restart-KooPhoneInstance -Context $context -Wait -TimeoutSeconds 2 -WarningAction SilentlyContinue)

            $results | Should -HaveCount 10
            $results | ForEach-Object { $_.Status | Should -Be 'RestartNotSeen' }
            $results[0].Evidence | Should -Match 'Running at every poll'
            @(Get-StatusQueryIdCounts $emulator).Count | Should -BeGreaterThan 0
        }
    }

    Context 'restarts that outlast the wait' {
        BeforeAll {
            Start-RestartEmulator -Instances 10 -JobDelayMs 60000
        }
        AfterAll { Stop-TestEmulator $emulator }
        BeforeEach { Reset-TestEmulator $emulator }

        It 'writes NotBackInTime, with the status seen, for a restart still going at the time limit' {
            $results = @($ids[0..2] | Restart-KooPhoneInstance -Context $context -Wait -TimeoutSeconds 2 -WarningVariable warned -WarningAction SilentlyContinue)

            $results | Should -HaveCount 3
            $results | ForEach-Object { $_.Status | Should -Be 'NotBackInTime' }
            $results[0].Evidence | Should -Match 'Left Running, and was Starting'
            "$warned" | Should -Match '3 of 3 had not ended after 2 seconds'
        }


        It 'keeps going after a garbage answer and says what the last poll could not read' {
            Set-EmulatorFault $emulator @(@{ path = '/v1/instances/batch-query-status'; kind = 'garbage' }) | Out-Null
            try {
                $results = @($ids | Restart-KooPhoneInstance -Context $context -Wait -TimeoutSeconds 2 -WarningAction SilentlyContinue)
            }
            finally { Clear-EmulatorFault $emulator }

            $results | Should -HaveCount 10
            $results | ForEach-Object { $_.Status | Should -Be 'RestartNotSeen' }
            $results[0].Evidence | Should -Match 'No poll could read.*The last poll: The status query failed'
        }
    }
}
