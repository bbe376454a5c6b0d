# Get-KooPhoneInstance end to end against the emulator.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:emulator = Start-TestEmulator -Instances 250
    Connect-TestEmulator $emulator
}

AfterAll {
    Disconnect-KooPhone
    Stop-TestEmulator $emulator
}

Describe 'Get-KooPhoneInstance' {
    BeforeEach { Clear-EmulatorRequest $emulator }

    It 'pages through every instance and streams typed objects' {
        $instances = Get-KooPhoneInstance

        $instances | Should -HaveCount 250
        @($instances.InstanceId | Sort-Object -Unique).Count | Should -Be 250
        $instances[0].GetType().FullName | Should -Be 'KooPhone.Client.Models.KooPhoneInstance'
        $instances[0].RunStatus | Should -Be ([KooPhone.Client.Models.InstanceRunStatus]::Running)
        $instances[0].Name | Should -Be 'phone-00001'
        $instances[0].Region | Should -Be 'cn-north-4'
        $instances[0].BackupTime | Should -BeOfType [datetime]
        @($instances | Where-Object IsAssigned).Count | Should -BeGreaterThan 0

        $pages = Get-EmulatorRequest $emulator -Path '/v1/instances/batch-query'
        $pages | Should -HaveCount 3
        $pages | ForEach-Object {
            $_.query | Should -Match 'page_size=100'
            # ListInstances takes its x-request-id as a query parameter (docs/api-reference.md §2.2).
            $_.query | Should -Match ('x-request-id=' + [regex]::Escape($_.requestId))
        }
        @($pages.query | ForEach-Object { if ($_ -match 'page_no=(\d+)') { [int]$Matches[1] } } | Sort-Object) | Should -Be @(1, 2, 3)
    }

    It 'writes the first objects before the listing ends' {
        $first = Get-KooPhoneInstance | Select-Object -First 1
        $first.Name | Should -Be 'phone-00001'
    }

    It 'matches an exact name in any case, not through the case-sensitive service filter' {
        $found = Get-KooPhoneInstance -Name 'Phone-00007'
        $found | Should -HaveCount 1
        $found.Name | Should -Be 'phone-00007'
        (Get-EmulatorRequest $emulator -Path '/v1/instances/batch-query').query | Should -Not -Match 'instance_name='
    }

    It 'filters by wildcard name' {
        $found = Get-KooPhoneInstance -Name 'phone-0001*'
        $found | Should -HaveCount 10
    }

    It 'gets given instances by id, from the pipeline too' {
        $two = Get-KooPhoneInstance | Select-Object -First 2
        $again = $two | Get-KooPhoneInstance
        @($again.InstanceId | Sort-Object) | Should -Be @($two.InstanceId | Sort-Object)
    }

    It 'gives ObjectNotFound for an id that does not exist' {
        $found = Get-KooPhoneInstance -InstanceId 'nosuch01' -ErrorVariable problems -ErrorAction SilentlyContinue
        $found | Should -BeNullOrEmpty
        $problems | Should -HaveCount 1
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].TargetObject | Should -Be 'nosuch01'
    }
}
