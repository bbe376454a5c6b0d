# Tab completion: regions, enum values, and instance ids from a cached listing.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:emulator = Start-TestEmulator -Instances 30

    function Complete([string] $line) { @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) }
}

AfterAll {
    Disconnect-KooPhone
    Stop-TestEmulator $emulator
}

Describe 'Completion' {
    It 'completes -Region with the known regions' {
        $regions = Complete 'Connect-KooPhone -Region cn-'
        $regions | Should -Contain 'cn-north-4'
        $regions | Should -Contain 'cn-south-1'
    }

    It 'completes enum parameters with their names' {
        Complete 'Get-KooPhoneApp -AppType ' | Should -Contain 'ThirdParty'
        Complete 'New-KooPhoneVideoSetting -NetworkType W' | Should -Be @('Wifi', 'Wired')
    }

    It 'completes -InstanceId from the listing without calling the API again' {
        $context = Connect-TestEmulator $emulator -PassThru
        $ids = @((Get-KooPhoneInstance).InstanceId)
        Clear-EmulatorRequest $emulator

        $offered = Complete 'Backup-KooPhoneInstance -InstanceId '
        $offered.Count | Should -Be 30
        @($offered | Sort-Object) | Should -Be @($ids | Sort-Object)
        Complete "Restart-KooPhoneInstance -InstanceId $($ids[0].Substring(0, 3))" | Should -Contain $ids[0]
        (Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'lists once for a context with no listing yet, then completes from the cache' {
        $fresh = Connect-TestEmulator $emulator -PassThru
        Clear-EmulatorRequest $emulator
        (Complete 'Get-KooPhoneInstanceStatus -InstanceId ').Count | Should -Be 30
        $afterFirst = (Get-EmulatorRequest $emulator).Count
        $afterFirst | Should -BeGreaterThan 0
        (Complete 'Get-KooPhoneInstanceStatus -InstanceId a').Count | Should -BeGreaterOrEqual 0
        (Complete 'Get-KooPhoneInstanceStatus -InstanceId ').Count | Should -Be 30
        (Get-EmulatorRequest $emulator).Count | Should -Be $afterFirst
    }
}
