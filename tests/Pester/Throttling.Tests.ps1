# Throttling that converges: -ThrottleLimit 64 against a service that takes 4 calls at once.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:limit = 4
    $script:emulator = Start-TestEmulator -Instances 4000 -JobDelayMs 200 -ExtraArguments '--max-concurrency', $limit, '--latency-ms', '100'
    $lister = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -PassThru
    $script:allIds = @((Get-KooPhoneInstance -Context $lister).InstanceId)
}

AfterAll {
    Disconnect-KooPhone
    Stop-TestEmulator $emulator
}

Describe 'Throttling' {
    It 'backs up every one of 4,000 ids with -ThrottleLimit 64 and settles at the service''s limit' {
        # A fresh context: its limit starts at the ceiling and has to learn the service's.
        $context = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -PassThru
        Clear-EmulatorRequest $emulator
        # 20 ids a call: 200 calls, about 5 s at 4 × 100 ms, long enough to see the pace settle.
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $results = $allIds | Backup-KooPhoneInstance -Context $context -Force -ThrottleLimit 64 -BatchSize 20 -ErrorVariable problems -ErrorAction SilentlyContinue
        $clock.Stop()

        $problems | Should -HaveCount 0
        @($results | Where-Object Status -eq 'Submitted').Count | Should -Be $allIds.Count
        @($results.InstanceId | Sort-Object -Unique).Count | Should -Be $allIds.Count

        $calls = @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup' | Sort-Object { [datetimeoffset]$_.receivedAt })
        $start = [datetimeoffset]$calls[0].receivedAt
        $settled = @($calls | Where-Object { ([datetimeoffset]$_.receivedAt - $start).TotalSeconds -ge 2 })
        $throttled = @($settled | Where-Object status -eq 429)
        $accepted = @($calls | Where-Object status -eq 200)
        $peak = ($settled | Measure-Object inFlight -Maximum).Maximum
        Write-Host ("{0} calls accepted, {1} throttled in all, {2} of {3} after the first 2 s; peak in flight after 2 s {4}; {5:N1} s" -f $accepted.Count, @($calls | Where-Object status -eq 429).Count, $throttled.Count, $settled.Count, $peak, $clock.Elapsed.TotalSeconds)

        $accepted | Should -HaveCount 200
        $settled.Count | Should -BeGreaterThan 50 -Because 'the run lasts long enough to see the pace settle'
        $throttled.Count | Should -BeLessOrEqual ([math]::Ceiling($settled.Count * 0.25)) -Because 'once the limit is learnt, throttling is the exception'
        $peak | Should -BeLessOrEqual (2 * $limit) -Because 'the calls in flight settle near the service''s limit, not -ThrottleLimit'
    }
}
