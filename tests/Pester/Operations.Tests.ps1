# Every KooPhone operation as a cmdlet, end to end against the emulator.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    # 700: enough unassigned yearly/monthly instances (every 10th is pay-per-use) for 250 of each kind.
    $script:emulator = Start-TestEmulator -Instances 700 -JobDelayMs 300
    $script:context = Connect-TestEmulator $emulator -PassThru
    $script:all = @(Get-KooPhoneInstance)
    $script:ids = @($all.InstanceId)
    $script:user = '1008600000104285462'
    $script:apk = @{ PackageUrl = 'https://bucket.obs.cn-north-4.myhuaweicloud.com/apps/demo.apk'; PackageName = 'com.example.demo'; Version = '1.2.0'; SizeMB = 12; Md5 = '9e107d9d372bb6826bd81d3542a419d6' }
    $script:rates = @{ CodeRate = 3000, 6000, 8000; Fps = 30, 30, 60 }

    function Get-Sent([string] $Path) { @(Get-EmulatorRequest $emulator -Path $Path) }
}

AfterAll {
    Disconnect-KooPhone
    Stop-TestEmulator $emulator
}

Describe 'The module''s commands' {
    It 'uses only approved verbs and the KooPhone noun prefix' {
        $approved = (Get-Verb).Verb
        $commands = Get-Command -Module KooPhone
        $commands.Count | Should -BeGreaterOrEqual 26
        $commands | ForEach-Object {
            $approved | Should -Contain $_.Verb
            $_.Noun | Should -BeLike 'KooPhone*'
        }
    }

    It 'supports -WhatIf on every command that changes state' {
        $mutating = Get-Command -Module KooPhone | Where-Object { $_.Parameters.ContainsKey('WhatIf') }
        @($mutating.Name) | Should -Contain 'Backup-KooPhoneInstance'
        foreach ($verb in 'Reset', 'Restart', 'Remove', 'Set', 'Invoke', 'Start', 'Install', 'Grant', 'Revoke', 'Restore', 'Stop', 'New') {
            @($mutating | Where-Object Verb -eq $verb).Count | Should -BeGreaterThan 0 -Because "$verb- commands change state"
        }
    }
}

Describe 'Batch cmdlets' {
    BeforeEach {
        Reset-TestEmulator $emulator
        Clear-EmulatorRequest $emulator
    }

    It '<name> sends 250 piped ids as requests of at most 100, each id once' -ForEach @(
        @{ name = 'Backup-KooPhoneInstance'; path = '/v1/instances/backup'; run = { $input | Backup-KooPhoneInstance -Force } }
        @{ name = 'Reset-KooPhoneInstance'; path = '/v1/instances/batch-reset'; run = { $input | Reset-KooPhoneInstance -Force } }
        @{ name = 'Restart-KooPhoneInstance'; path = '/v1/instances/reboot'; run = { $input | Restart-KooPhoneInstance } }
        @{ name = 'Get-KooPhoneInstanceStatus'; path = '/v1/instances/batch-query-status'; run = { $input | Get-KooPhoneInstanceStatus } }
        @{ name = 'Remove-KooPhoneInstance'; path = '/v1/instances/delete'; run = { $input | Remove-KooPhoneInstance -Force } }
        @{ name = 'Set-KooPhoneVideoSetting'; path = '/v1/instances/video-setting'; run = { $input | Set-KooPhoneVideoSetting @rates } }
        @{ name = 'Invoke-KooPhoneCommand'; path = '/v1/instances/sync-command'; run = { $input | Invoke-KooPhoneCommand -Command 'getprop ro.build.version.release' } }
        @{ name = 'Start-KooPhoneCommand'; path = '/v1/instances/async-command'; run = { $input | Start-KooPhoneCommand -Command 'ls -l /system' } }
        @{ name = 'Install-KooPhoneApp'; path = '/v1/instances/app/install'; run = { $input | Install-KooPhoneApp @apk } }
        @{ name = 'Restore-KooPhoneInstance'; path = '/v1/instances/prepare'; run = { $input | Restore-KooPhoneInstance -UserId $user } }
        @{ name = 'Grant-KooPhoneInstance'; path = '/v1/instances/assign'; run = { $input | ForEach-Object { [pscustomobject]@{ UserId = $user; InstanceId = $_ } } | Grant-KooPhoneInstance } }
    ) {
        # Pay-per-use instances cannot be deleted; the others can all take every operation.
        $chosen = @($all | Where-Object { $_.BillingMode -ne 'postPaid' -and -not $_.IsAssigned } | Select-Object -First 250 -ExpandProperty InstanceId)
        if ($chosen.Count -lt 250) { $chosen = $ids[0..249] }
        $Error.Clear()
        $out = @($chosen | & $run)

        $Error | Should -BeNullOrEmpty
        $sent = Get-Sent $path
        $sent | ForEach-Object { $_.instanceIds.Count | Should -BeLessOrEqual 100 }
        $flat = @($sent | ForEach-Object { $_.instanceIds })
        $flat.Count | Should -Be 250
        @($flat | Sort-Object) | Should -Be @($chosen | Sort-Object)
        @($out).Count | Should -Be 250
    }

    It 'Revoke-KooPhoneInstance sends 250 piped pairs as requests of at most 100, each once' {
        $pairs = @($all | Where-Object IsAssigned | Select-Object -First 250 | ForEach-Object { [pscustomobject]@{ UserId = $_.AssignedUser; InstanceId = $_.InstanceId } })
        $pairs.Count | Should -Be 250
        $out = $pairs | Revoke-KooPhoneInstance -Force
        $sent = Get-Sent '/v1/instances/unassign'
        $sent | ForEach-Object { $_.instanceIds.Count | Should -BeLessOrEqual 100 }
        @($sent | ForEach-Object { $_.instanceIds } | Sort-Object) | Should -Be @($pairs.InstanceId | Sort-Object)
        @($out).Count | Should -Be 250
    }

    It '<name> sends nothing with -WhatIf' -ForEach @(
        @{ name = 'Backup-KooPhoneInstance'; run = { $input | Backup-KooPhoneInstance -WhatIf -Force } }
        @{ name = 'Reset-KooPhoneInstance'; run = { $input | Reset-KooPhoneInstance -WhatIf -Force } }
        @{ name = 'Restart-KooPhoneInstance'; run = { $input | Restart-KooPhoneInstance -WhatIf } }
        @{ name = 'Remove-KooPhoneInstance'; run = { $input | Remove-KooPhoneInstance -WhatIf -Force } }
        @{ name = 'Set-KooPhoneVideoSetting'; run = { $input | Set-KooPhoneVideoSetting @rates -WhatIf } }
        @{ name = 'Invoke-KooPhoneCommand'; run = { $input | Invoke-KooPhoneCommand -Command 'ls' -WhatIf } }
        @{ name = 'Start-KooPhoneCommand'; run = { $input | Start-KooPhoneCommand -Command 'ls' -WhatIf } }
        @{ name = 'Install-KooPhoneApp'; run = { $input | Install-KooPhoneApp @apk -WhatIf } }
        @{ name = 'Restore-KooPhoneInstance'; run = { $input | Restore-KooPhoneInstance -UserId $user -WhatIf } }
        @{ name = 'Grant-KooPhoneInstance'; run = { $input | ForEach-Object { [pscustomobject]@{ UserId = $user; InstanceId = $_ } } | Grant-KooPhoneInstance -WhatIf } }
        @{ name = 'Revoke-KooPhoneInstance'; run = { $input | ForEach-Object { [pscustomobject]@{ UserId = $user; InstanceId = $_ } } | Revoke-KooPhoneInstance -WhatIf -Force } }
        @{ name = 'Stop-KooPhoneSession'; run = { $input | Stop-KooPhoneSession -WhatIf } }
        @{ name = 'Stop-KooPhoneStreaming'; run = { $input | Stop-KooPhoneStreaming -WhatIf } }
        @{ name = 'New-KooPhoneInstance'; run = { New-KooPhoneInstance -InstanceSkuId 'sku' -BandwidthSkuId 'band' -RegionId 'cn-north-4' -Os AOSP11 -NamePrefix 'x' -Count 1 -Bandwidth 2 -Months 1 -WhatIf } }
    ) {
        # In a host of its own: the "What if:" lines are asserted here instead of flooding the log.
        $given = $ids[0..4]
        $whatIf = Invoke-InTestHost -Command $run -Context $context -InputObject $given -Variables @{ rates = $rates; apk = $apk; user = $user }
        $whatIf.Output | Should -BeNullOrEmpty
        $whatIf.Errors | Should -BeNullOrEmpty
        $lines = @($whatIf.Lines -like 'What if:*')
        if ($name -eq 'New-KooPhoneInstance') { $lines | Should -HaveCount 1 }
        else {
            $lines | Should -HaveCount $given.Count -Because 'one line per id it would act on'
            foreach ($id in $given) { @($lines -like "*`"$id`"*") | Should -HaveCount 1 }
        }
        (Get-EmulatorRequest $emulator).Count | Should -Be 0
    }
}

Describe 'Lifecycle cmdlets' {
    BeforeEach { Reset-TestEmulator $emulator; Clear-EmulatorRequest $emulator }

    It 'resets instances and waits for the jobs' {
        $results = $ids[0..2] | Reset-KooPhoneInstance -Force -Wait
        $results | Should -HaveCount 3
        $results | ForEach-Object { $_.Operation | Should -Be 'BatchResetInstance'; $_.Status | Should -Be 'Succeeded' }
        (Get-EmulatorInstance $emulator $ids[0]).running_status | Should -Be 2
    }

    It 'maps a reset of an unknown instance to KOOPHONE.API.1001' {
        $null = @('nosuch01') | Reset-KooPhoneInstance -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.1001*'
    }

    It 'restarts running instances, and maps a stopped one to KOOPHONE.API.5005' {
        $ok = $ids[0..1] | Restart-KooPhoneInstance
        $ok | Should -HaveCount 2
        $ok[0].Status | Should -Be 'Accepted'
        Set-EmulatorInstanceState $emulator $ids[5] @{ running_status = 1 }
        $null = @($ids[5]) | Restart-KooPhoneInstance -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.5005*'
    }

    It 'removes yearly/monthly instances, which then leave the listing, and maps pay-per-use to KOOPHONE.API.5001' {
        $prepaid = ($all | Where-Object BillingMode -ne 'postPaid' | Select-Object -First 1).InstanceId
        $removed = $prepaid | Remove-KooPhoneInstance -Force
        $removed.Status | Should -Be 'Accepted'
        Get-KooPhoneInstance -InstanceId $prepaid -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $postpaid = ($all | Where-Object BillingMode -eq 'postPaid' | Select-Object -First 1).InstanceId
        $null = $postpaid | Remove-KooPhoneInstance -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.5001*'
    }

    It 'reads run status in batches and maps an unknown id to KOOPHONE.API.1001' {
        $status = $ids[0..2] | Get-KooPhoneInstanceStatus
        $status | Should -HaveCount 3
        $status[0].RunStatus | Should -Be 'Running'
        $null = @('nosuch01') | Get-KooPhoneInstanceStatus -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.1001*'
    }
}

Describe 'Video settings' {
    BeforeEach { Clear-EmulatorRequest $emulator }

    It 'sets all six combinations built by New-KooPhoneVideoSetting' {
        $settings = foreach ($n in 'MobileNetwork', 'Wifi', 'Wired') { foreach ($e in 'H264', 'H265') { New-KooPhoneVideoSetting $n $e -CodeRate 2000, 4000, 6000 -Fps 30, 30, 60 } }
        $result = Set-KooPhoneVideoSetting -InstanceId $ids[0] -Setting $settings
        $result.Status | Should -Be 'Accepted'
    }

    It 'refuses, before sending, settings that miss a combination or break a range' {
        $five = foreach ($n in 'MobileNetwork', 'Wifi', 'Wired') { foreach ($e in 'H264', 'H265') { New-KooPhoneVideoSetting $n $e -CodeRate 2000, 4000, 6000 -Fps 30, 30, 60 } }
        { Set-KooPhoneVideoSetting -InstanceId $ids[0] -Setting $five[0..4] } | Should -Throw -ErrorId 'KooPhone.InvalidVideoSetting*'
        { Set-KooPhoneVideoSetting -InstanceId $ids[0] -CodeRate 2000, 4050, 6000 -Fps 30, 30, 60 } | Should -Throw '*multiple of 100*'
        { Set-KooPhoneVideoSetting -InstanceId $ids[0] -CodeRate 2000, 4000, 6000 -Fps 30, 25, 60 } | Should -Throw '*neither 30 nor 60*'
        (Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'accepts the SDK''s bit-rate range, 0 to 10,000 kbit/s, and sends it as given' {
        $result = Set-KooPhoneVideoSetting -InstanceId $ids[0] -CodeRate 0, 5000, 10000 -Fps 30, 30, 60
        $result.Status | Should -Be 'Accepted'
        $stored = (Get-EmulatorInstance $emulator $ids[0]).video_settings
        $stored | Should -HaveCount 6
        $stored[0].video_spec_groups[0].definition_540P.code_rate | Should -Be 0
        $stored[0].video_spec_groups[0].definition_1080P.code_rate | Should -Be 10000
    }

    It 'refuses 150 and 10,100 kbit/s before sending: the step and the maximum are the SDK''s own rule' {
        { Set-KooPhoneVideoSetting -InstanceId $ids[0] -CodeRate 150, 4000, 6000 -Fps 30, 30, 60 } | Should -Throw '*multiple of 100 from 0 to 10000*'
        { Set-KooPhoneVideoSetting -InstanceId $ids[0] -CodeRate 100, 4000, 10100 -Fps 30, 30, 60 } | Should -Throw '*10100*'
        (Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'maps an unknown instance to KOOPHONE.API.1001' {
        $null = Set-KooPhoneVideoSetting -InstanceId 'nosuch01' @rates -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.1001*'
    }
}

Describe 'Commands' {
    BeforeEach { Reset-TestEmulator $emulator; Clear-EmulatorRequest $emulator }

    It 'runs a command synchronously and returns each instance''s output' {
        $results = $ids[0..2] | Invoke-KooPhoneCommand -Command 'getprop ro.build.version.release'
        $results | Should -HaveCount 3
        $results | ForEach-Object { $_.Status | Should -Be 'Succeeded'; $_.Output | Should -Not -BeNullOrEmpty }
    }

    It 'reports a failed instance as a result with Status Failed' {
        Set-EmulatorInstanceState $emulator $ids[1] @{ running_status = 1 }
        $results = $ids[0..1] | Invoke-KooPhoneCommand -Command 'ls'
        ($results | Where-Object InstanceId -eq $ids[1]).Status | Should -Be 'Failed'
        ($results | Where-Object InstanceId -eq $ids[0]).Status | Should -Be 'Succeeded'
    }

    It 'refuses, before sending, a command with characters the service rejects or over 1024 bytes' {
        { $ids[0] | Invoke-KooPhoneCommand -Command 'ls | grep x' } | Should -Throw -ErrorId 'KooPhone.InvalidCommand*'
        { $ids[0] | Start-KooPhoneCommand -Command ('a' * 1025) } | Should -Throw '*1025 bytes*'
        (Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'starts a command as a task that Wait-KooPhoneTask completes' {
        $final = $ids[0..2] | Start-KooPhoneCommand -Command 'ls -l /system' | Wait-KooPhoneTask
        $final | Should -HaveCount 3
        $final | ForEach-Object { $_.Status | Should -Be 'Succeeded'; $_.InstanceId | Should -BeIn $ids[0..2] }
    }

    It 'maps a command on an unknown instance to KOOPHONE.API.1001' {
        $null = @('nosuch01') | Start-KooPhoneCommand -Command 'ls' -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.1001*'
    }
}

Describe 'Apps' {
    BeforeEach { Reset-TestEmulator $emulator; Clear-EmulatorRequest $emulator }

    It 'installs an app, waits through the task query, and lists it afterwards' {
        $results = $ids[0..1] | Install-KooPhoneApp @apk -Wait
        $results | ForEach-Object { $_.Status | Should -Be 'Succeeded'; $_.TaskId | Should -BeLike 'ZGCA*' }
        $apps = Get-KooPhoneApp -InstanceId $ids[0] -AppType ThirdParty
        @($apps.PackageName) | Should -Contain 'com.example.demo'
    }

    It 'refuses a malformed MD5 before sending' {
        $bad = $apk.Clone(); $bad.Md5 = 'xyz'
        { $ids[0] | Install-KooPhoneApp @bad } | Should -Throw
        (Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'lists apps page by page and filters system apps' {
        $all = Get-KooPhoneApp -InstanceId $ids[0]
        $system = Get-KooPhoneApp -InstanceId $ids[0] -AppType System
        $all.Count | Should -BeGreaterThan $system.Count
        $system.Count | Should -BeGreaterThan 0
        (Get-Sent "/v1/instances/$($ids[0])/app-list")[0].query | Should -Match 'page_size=200'
    }

    It 'maps apps of an unknown instance to an error with the service''s code' {
        $null = Get-KooPhoneApp -InstanceId 'nosuch01' -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.*'
        $problems[0].TargetObject | Should -Be 'nosuch01'
    }
}

Describe 'Users and streaming' {
    BeforeEach { Reset-TestEmulator $emulator; Clear-EmulatorRequest $emulator }

    It 'assigns and unassigns instances, and the listing follows' {
        $free = ($all | Where-Object { -not $_.IsAssigned } | Select-Object -First 2).InstanceId
        $granted = $free | ForEach-Object { [pscustomobject]@{ UserId = $user; InstanceId = $_ } } | Grant-KooPhoneInstance
        $granted | ForEach-Object { $_.UserId | Should -Be $user }
        (Get-KooPhoneInstance -InstanceId $free[0]).AssignedUser | Should -Be $user

        $revoked = $free | ForEach-Object { [pscustomobject]@{ UserId = $user; InstanceId = $_ } } | Revoke-KooPhoneInstance -Force -Wait
        $revoked | ForEach-Object { $_.Status | Should -Be 'Succeeded' }
        (Get-KooPhoneInstance -InstanceId $free[0]).IsAssigned | Should -BeFalse
    }

    It 'refuses an empty or too long user id before sending, and maps a missing binding to KOOPHONE.API.2210' {
        $null = [pscustomobject]@{ UserId = ('9' * 33); InstanceId = $ids[0] } | Grant-KooPhoneInstance -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -HaveCount 1
        (Get-EmulatorRequest $emulator).Count | Should -Be 0
        $free = ($all | Where-Object { -not $_.IsAssigned } | Select-Object -First 1).InstanceId
        $null = [pscustomobject]@{ UserId = $user; InstanceId = $free } | Revoke-KooPhoneInstance -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.2210*'
    }

    It 'prepares backed-up instances for a user and waits until they are ready' {
        $null = $ids[0..1] | Backup-KooPhoneInstance -Force -Wait
        $prepared = $ids[0..1] | Restore-KooPhoneInstance -UserId $user -Wait
        $prepared | ForEach-Object { $_.Progress | Should -Be 'Ready' }
        (Get-KooPhonePrepareProgress -UserId $user -InstanceId $ids[0]).Progress | Should -Be 'Ready'
    }

    It 'maps preparing an unknown instance to KOOPHONE.API.4001' {
        $null = 'nosuch01' | Restore-KooPhoneInstance -UserId $user -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.4001*'
        $null = Get-KooPhonePrepareProgress -UserId $user -InstanceId 'nosuch01' -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.4001*'
    }

    It 'gets a device token as a SecureString, and stops streaming and the session' {
        $token = Get-KooPhoneDeviceToken -InstanceId $ids[0] -StreamType H5
        $token.DeviceToken | Should -BeOfType [securestring]
        $token.SignalingUrl | Should -Not -BeNullOrEmpty
        (Get-Sent "/v1/instances/$($ids[0])/auth")[0].query | Should -Match 'stream_type=2'
        (Stop-KooPhoneStreaming -InstanceId $ids[0]).Status | Should -Be 'Accepted'
        (Stop-KooPhoneSession -InstanceId $ids[0]).Status | Should -Be 'Accepted'
    }

    It 'keeps every field of the device token the SDK models' {
        $token = Get-KooPhoneDeviceToken -InstanceId $ids[0]
        # The emulator's answer (docs/emulator.md): kp_id is the instance id; internal aport and atype
        # come as strings, external ones as integers; IPv6 addresses from 2001:db8::/32.
        $token.KpId | Should -Be $ids[0]
        $token.AppIpSynchronizeList | Should -Be 'com.android.settings,com.android.camera2'
        $token.InternalAddress | Should -Match '^192\.168\.\d+\.\d+$'
        $token.InternalAudioPort | Should -Be '9000'
        $token.InternalAudioType | Should -Be '1'
        $token.InternalAddressIpv6 | Should -Match '^2001:db8:a::[0-9a-f]+$'
        $token.ExternalAddress | Should -Match '^203\.0\.113\.\d+$'
        $token.ExternalAudioPort | Should -Be '9000'
        $token.ExternalAudioType | Should -Be '1'
        $token.ExternalAddressIpv6 | Should -Match '^2001:db8:b::[0-9a-f]+$'
        $shown = $token | Format-List | Out-String
        foreach ($name in 'KpId', 'AppIpSynchronizeList', 'InternalAudioType', 'InternalAddressIpv6', 'ExternalAudioType') { $shown | Should -Match "\b$name\b" }
    }

    It 'refuses an invalid instance id before sending and maps an unknown one for streaming calls' {
        $null = Get-KooPhoneDeviceToken -InstanceId ('x' * 33) -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KooPhone.InvalidInstanceId*'
        (Get-EmulatorRequest $emulator).Count | Should -Be 0
        foreach ($command in 'Get-KooPhoneDeviceToken', 'Stop-KooPhoneSession', 'Stop-KooPhoneStreaming') {
            $null = & $command -InstanceId 'nosuch01' -ErrorVariable problems -ErrorAction SilentlyContinue
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.*' -Because $command
        }
    }
}

Describe 'SKUs and orders' {
    BeforeEach { Reset-TestEmulator $emulator; Clear-EmulatorRequest $emulator }

    It 'lists SKUs and orders instances that then appear in the listing' {
        $sku = Get-KooPhoneSku -RegionId 'cn-north-4' | Select-Object -First 1
        $sku.SkuId | Should -Not -BeNullOrEmpty
        $sku.BandwidthSkuId | Should -Not -BeNullOrEmpty
        $sku.BandSizes.Count | Should -BeGreaterThan 0

        $order = New-KooPhoneInstance -InstanceSkuId $sku.SkuId -BandwidthSkuId $sku.BandwidthSkuId -RegionId 'cn-north-4' -Os AOSP11 -NamePrefix 'neworder' -Count 3 -Bandwidth $sku.BandSizes[0] -Months 1 -AutoPay -Force
        $order.OrderId | Should -Not -BeNullOrEmpty
        $order.Instances | Should -HaveCount 3
        (Get-KooPhoneInstance -InstanceId $order.Instances[0].InstanceId).InstanceId | Should -Be $order.Instances[0].InstanceId
    }

    It 'refuses an order outside the documented ranges before sending' {
        { New-KooPhoneInstance -InstanceSkuId 's' -BandwidthSkuId 'b' -RegionId 'cn-north-4' -Os AOSP11 -NamePrefix 'x' -Count 1 -Bandwidth 2 -Months 10 -Force } | Should -Throw '*1 to 9 months*'
        { New-KooPhoneInstance -InstanceSkuId 's' -BandwidthSkuId 'b' -RegionId 'cn-north-4' -Os AOSP11 -NamePrefix 'x' -Count 0 -Bandwidth 2 -Years 1 -Force } | Should -Throw -ErrorId 'KooPhone.InvalidOrder*'
        { New-KooPhoneInstance -InstanceSkuId 's' -BandwidthSkuId 'b' -RegionId 'cn-north-4' -Os AOSP11 -NamePrefix 'fifteen-chars-x' -Count 1 -Bandwidth 2 -Years 1 -Force } | Should -Throw '*name prefix*'
        (Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'sends an order of 2,000 instances, the SDK''s documented maximum, above the API page''s 1,500' {
        $sku = Get-KooPhoneSku -RegionId 'cn-north-4' | Select-Object -First 1
        Clear-EmulatorRequest $emulator
        $order = New-KooPhoneInstance -InstanceSkuId $sku.SkuId -BandwidthSkuId $sku.BandwidthSkuId -RegionId 'cn-north-4' -Os AOSP11 -NamePrefix 'big' -Count 2000 -Bandwidth $sku.BandSizes[0] -Months 1 -Force
        $order.OrderId | Should -Not -BeNullOrEmpty
        $sent = @(Get-EmulatorRequest $emulator -Path '/v1/instances/create')
        $sent | Should -HaveCount 1
        $sent[0].errorCode | Should -Be '0'
    }

    It 'refuses 2,001 instances before sending, as 2,000 is the most the SDK documents for one order' {
        $failure = { New-KooPhoneInstance -InstanceSkuId 's' -BandwidthSkuId 'b' -RegionId 'cn-north-4' -Os AOSP11 -NamePrefix 'big' -Count 2001 -Bandwidth 2 -Months 1 -Force } |
            Should -Throw -ErrorId 'KooPhone.InvalidOrder*' -PassThru
        $failure.ToString() | Should -BeLike '*2001*1 to 2000*'
        Get-Sent '/v1/instances/create' | Should -BeNullOrEmpty
    }

    It 'requires -Os, as the service does, instead of choosing an image' {
        (Get-Command New-KooPhoneInstance).Parameters['Os'].Attributes.Where({ $_ -is [Parameter] }).Mandatory | Should -Be $true
        # A runspace without a host cannot prompt for it, so the missing parameter is an error.
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({
                    param($Module, $Context)
                    Import-Module $Module
                    New-KooPhoneInstance -Context $Context -InstanceSkuId s -BandwidthSkuId b -RegionId cn-north-4 -NamePrefix x -Count 1 -Bandwidth 2 -Months 1 -Force
                }.ToString()).AddParameters(@{ Module = $env:KOOPHONE_TEST_MODULE; Context = $context })
            $null = $shell.Invoke()
            $shell.Streams.Error | Should -HaveCount 1
            $shell.Streams.Error[0].FullyQualifiedErrorId | Should -BeLike 'MissingMandatoryParameter*'
            $shell.Streams.Error[0].ToString() | Should -Match '\bOs\b'
        }
        finally { $shell.Dispose() }
        Get-Sent '/v1/instances/create' | Should -BeNullOrEmpty
    }

    It 'sends the -Os it was given and no optional field it was not given' {
        $sku = Get-KooPhoneSku -RegionId 'cn-north-4' | Select-Object -First 1
        Clear-EmulatorRequest $emulator
        $order = New-KooPhoneInstance -InstanceSkuId $sku.SkuId -BandwidthSkuId $sku.BandwidthSkuId -RegionId 'cn-north-4' -Os AOSP14 -NamePrefix 'bare' -Count 1 -Bandwidth $sku.BandSizes[0] -Months 1 -Force
        $order.OrderId | Should -Not -BeNullOrEmpty
        $sent = @(Get-Sent '/v1/instances/create')
        $sent | Should -HaveCount 1
        $sent[0].bodyFields | Should -Be @('bandSize', 'bandSkuId', 'chargeParam', 'chargeParam.chargingMode', 'chargeParam.periodNum', 'chargeParam.periodType',
            'count', 'instanceNamePrefix', 'instanceSkuId', 'os', 'regionId')
        $order.Instances | Should -HaveCount 0 -Because 'without isAutoPay the order waits for payment'
    }

    It 'sends isAutoPay, isAutoRenew, network and nodeGroupId as given, -AutoRenew:$false as 0' {
        $sku = Get-KooPhoneSku -RegionId 'cn-north-4' | Select-Object -First 1
        Clear-EmulatorRequest $emulator
        $order = New-KooPhoneInstance -InstanceSkuId $sku.SkuId -BandwidthSkuId $sku.BandwidthSkuId -RegionId 'cn-north-4' -Os AOSP11 -NamePrefix 'full' -Count 1 -Bandwidth $sku.BandSizes[0] -Months 1 `
            -AutoPay -AutoRenew:$false -Network EIP -NodeGroupId 'group-1' -Force
        $order.Instances | Should -HaveCount 1 -Because 'isAutoPay 1 pays the order at once'
        $fields = @(Get-Sent '/v1/instances/create')[0].bodyFields
        foreach ($field in 'chargeParam.isAutoPay', 'chargeParam.isAutoRenew', 'network', 'nodeGroupId') { $fields | Should -Contain $field }
    }

    It 'maps an unknown SKU to KOOPHONE.API.3002' {
        $null = New-KooPhoneInstance -InstanceSkuId 'nosuchsku' -BandwidthSkuId 'b' -RegionId 'cn-north-4' -Os AOSP11 -NamePrefix 'x' -Count 1 -Bandwidth 2 -Months 1 -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.3002*'
    }
}

Describe 'Checks before sending, and service errors, for every instance cmdlet' {
    BeforeEach { Reset-TestEmulator $emulator; Clear-EmulatorRequest $emulator }

    It '<name> refuses an over-long instance id without sending it' -ForEach @(
        @{ name = 'Backup-KooPhoneInstance'; run = { $input | Backup-KooPhoneInstance -Force } }
        @{ name = 'Reset-KooPhoneInstance'; run = { $input | Reset-KooPhoneInstance -Force } }
        @{ name = 'Restart-KooPhoneInstance'; run = { $input | Restart-KooPhoneInstance } }
        @{ name = 'Remove-KooPhoneInstance'; run = { $input | Remove-KooPhoneInstance -Force } }
        @{ name = 'Get-KooPhoneInstanceStatus'; run = { $input | Get-KooPhoneInstanceStatus } }
        @{ name = 'Set-KooPhoneVideoSetting'; run = { $input | Set-KooPhoneVideoSetting @rates } }
        @{ name = 'Invoke-KooPhoneCommand'; run = { $input | Invoke-KooPhoneCommand -Command 'ls' } }
        @{ name = 'Start-KooPhoneCommand'; run = { $input | Start-KooPhoneCommand -Command 'ls' } }
        @{ name = 'Install-KooPhoneApp'; run = { $input | Install-KooPhoneApp @apk } }
        @{ name = 'Restore-KooPhoneInstance'; run = { $input | Restore-KooPhoneInstance -UserId $user } }
        @{ name = 'Get-KooPhoneApp'; run = { $input | Get-KooPhoneApp } }
        @{ name = 'Get-KooPhoneDeviceToken'; run = { $input | Get-KooPhoneDeviceToken } }
        @{ name = 'Stop-KooPhoneSession'; run = { $input | Stop-KooPhoneSession -Confirm:$false } }
        @{ name = 'Stop-KooPhoneStreaming'; run = { $input | Stop-KooPhoneStreaming -Confirm:$false } }
        @{ name = 'Grant-KooPhoneInstance'; run = { $input | ForEach-Object { [pscustomobject]@{ UserId = $user; InstanceId = $_ } } | Grant-KooPhoneInstance } }
        @{ name = 'Revoke-KooPhoneInstance'; run = { $input | ForEach-Object { [pscustomobject]@{ UserId = $user; InstanceId = $_ } } | Revoke-KooPhoneInstance -Force } }
        @{ name = 'Get-KooPhonePrepareProgress'; run = { $input | ForEach-Object { [pscustomobject]@{ UserId = $user; InstanceId = $_ } } | Get-KooPhonePrepareProgress } }
    ) {
        # Pester turns non-terminating errors into failures; here they are what is looked for.
        $ErrorActionPreference = 'Continue'
        $out = @(('x' * 33) | & $run 2>&1)
        @($out | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -HaveCount 1
        ($out | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).FullyQualifiedErrorId | Should -BeLike 'KooPhone.Invalid*'
        (Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'maps a synchronous command on an unknown instance to KOOPHONE.API.1001' {
        $null = @('nosuch01') | Invoke-KooPhoneCommand -Command 'ls' -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.1001*'
        $problems[0].TargetObject | Should -Be 'nosuch01'
    }

    It 'maps an install on an unknown instance to KOOPHONE.API.1001' {
        $null = @('nosuch01') | Install-KooPhoneApp @apk -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.1001*'
    }

    It 'maps assigning an instance that has another user to KPAPI.2209' {
        $taken = $all | Where-Object IsAssigned | Select-Object -First 1
        $null = [pscustomobject]@{ UserId = '1234567890'; InstanceId = $taken.InstanceId } | Grant-KooPhoneInstance -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'KPAPI.2209*'
    }

    It 'maps a failing SKU listing to an error record with the service''s code' {
        Set-EmulatorFault $emulator @(@{ kind = 'status'; status = 500; path = '/v1/instances/sku'; times = 10 })
        try {
            $once = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -MaxRetryCount 0 -PassThru
            $null = Get-KooPhoneSku -Context $once -ErrorVariable problems -ErrorAction SilentlyContinue
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'KOOPHONE.API.9999*'
        }
        finally { Clear-EmulatorFault $emulator }
    }
}

Describe 'An instance id the service does not know that looks like a name' {
    BeforeEach { Reset-TestEmulator $emulator; Clear-EmulatorRequest $emulator }

    It '<name> sends it as given and suggests -Name in the error' -ForEach @(
        @{ name = 'Backup-KooPhoneInstance'; run = { 'phone-00005' | Backup-KooPhoneInstance -Force }; path = '/v1/instances/backup' }
        @{ name = 'Restart-KooPhoneInstance'; run = { Restart-KooPhoneInstance -InstanceId 'phone-00005' }; path = '/v1/instances/reboot' }
        @{ name = 'Get-KooPhoneDeviceToken'; run = { Get-KooPhoneDeviceToken -InstanceId 'phone-00005' }; path = '/v1/instances/phone-00005/auth' }
        @{ name = 'Get-KooPhoneInstance'; run = { Get-KooPhoneInstance -InstanceId 'phone-00005' }; path = '/v1/instances/batch-query' }
    ) {
        # Pester turns non-terminating errors into failures; here they are what is looked for.
        $ErrorActionPreference = 'Continue'
        $problems = @(& $run 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $problems | Should -HaveCount 1
        $problems[0].TargetObject | Should -Be 'phone-00005'
        $problems[0].ToString() | Should -Match ([regex]::Escape("'phone-00005' looks like an instance name, not an id: Get-KooPhoneInstance -Name 'phone-00005' finds"))
        $problems[0].ErrorDetails.RecommendedAction | Should -Match 'Get-KooPhoneInstance -Name'
        @(Get-Sent $path) | Should -Not -BeNullOrEmpty -Because 'the id is sent, and the service decides'
    }

    It 'finds the instance of that name, as the hint says' {
        $named = Get-KooPhoneInstance -Name 'phone-00005'
        $named.InstanceId | Should -Not -Be 'phone-00005'
        ($named | Backup-KooPhoneInstance -Force).InstanceId | Should -Be $named.InstanceId
    }

    It 'gives no such hint for an unknown id that looks like an id' {
        $ErrorActionPreference = 'Continue'
        $problems = @('nosuch01' | Backup-KooPhoneInstance -Force 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $problems | Should -HaveCount 1
        $problems[0].ToString() | Should -Not -Match 'Get-KooPhoneInstance -Name'
    }
}
