# The emulator refusing batches the ways a real service plausibly might, so the module's culprit
# isolation can be tested against each: error messages that name every offending ID, none or only
# the first (--refusal-ids), refused batches carried out on their healthy IDs all the same
# (--rejected-batches), and instances spread over regions whose mixed batches are refused
# (--regions, KOOPHONE.API.1002). These talk to the emulator over raw HTTP, not through the module.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    # A clock that stands still keeps every transition in flight while a test looks at it.
    $script:emulator = Start-TestEmulator -Instances 20 -JobDelayMs 5000 -ManualClock
    $script:regions = 'cn-north-4', 'cn-east-3', 'xx-lab-1'
    $script:configured = Start-TestEmulator -Instances 12 -JobDelayMs 5000 -ManualClock -ExtraArguments @(
        '--refusal-ids', 'first', '--rejected-batches', 'partly-applied', '--regions', ($regions -join ','))

    function Invoke-Api {
        param([string] $Method, [string] $Path, $Body, $Target = $emulator)
        $request = @{
            Method = $Method; Uri = "$($Target.Url)$Path"; TimeoutSec = 10; SkipHttpErrorCheck = $true; StatusCodeVariable = 'status'
            Headers = @{ 'X-Auth-Token' = $Target.Token; 'x-request-id' = [guid]::NewGuid().ToString() }
        }
        if ($null -ne $Body) { $request.Body = ConvertTo-Json -InputObject $Body -Depth 8 -Compress; $request.ContentType = 'application/json' }
        $answer = Invoke-RestMethod @request
        [pscustomobject]@{ Status = $status; Code = $answer.error_code; Message = $answer.error_msg; Body = $answer }
    }

    function Get-Seeded($Target = $emulator) {
        @((Invoke-Api GET '/v1/instances/batch-query?page_no=1&page_size=100' -Target $Target).Body.data.result)
    }

    function Test-InstanceExists([string] $InstanceId, $Target = $emulator) {
        Invoke-RestMethod "$($Target.Url)/_emulator/instances/$InstanceId" -SkipHttpErrorCheck -StatusCodeVariable status | Out-Null
        $status -eq 200
    }

    function Get-CarriedOut([string] $Operation, $Target = $emulator) {
        @(Get-EmulatorAction $Target -Operation $Operation | ForEach-Object instance_id)
    }

    # All six network × encoding combinations SetVideo requires.
    $script:videoSettings = @(foreach ($network in 'MOBILE_NETWORK', 'WIFI', 'WIRED') {
            foreach ($encoding in 'H264', 'H265') {
                $spec = @{ code_rate = 1000; fps = 30 }
                @{ network_type = $network; encoding_type = $encoding
                    video_spec_groups = @(@{ definition_540P = $spec; definition_720P = $spec; definition_1080P = $spec }) }
            }
        })

    # Seeded instances alternate assigned (odd positions) and unassigned; every 10th is pay-per-use.
    $script:seeded = Get-Seeded
    $script:users = @{}
    foreach ($instance in $seeded) { $users[$instance.instance_id] = $instance.assign_user }
    $script:unassigned = @($seeded | Where-Object { $_.assign_status -eq 0 -and $_.billing_mode -eq 'prePaid' } | ForEach-Object instance_id)
    $script:assigned = @($seeded | Where-Object assign_status -eq 1 | ForEach-Object instance_id)
    $script:postPaid = @($seeded | Where-Object billing_mode -eq 'postPaid' | ForEach-Object instance_id)
}

AfterAll {
    Stop-TestEmulator $emulator
    Stop-TestEmulator $configured
}

Describe 'Emulator culprits' {
    BeforeEach {
        Reset-TestEmulator $emulator
        Reset-TestEmulator $configured
    }

    Context 'which offending IDs a refusal names' {
        BeforeEach {
            # Two instances being backed up among four.
            $script:busy = $unassigned[1], $unassigned[3]
            foreach ($id in $busy) { Set-EmulatorInstanceState $emulator $id @{ backup_status = 1 } }
            $script:batch = $unassigned[0], $busy[0], $unassigned[2], $busy[1]
        }

        It 'names every offending ID by default' {
            $answer = Invoke-Api POST '/v1/instances/backup' @{ instance_ids = $batch }

            $answer.Status | Should -Be 200
            $answer.Code | Should -Be 'KOOPHONE.API.2006'
            $answer.Message | Should -BeExactly "instances are being backed up: $($busy[0]), $($busy[1])"
        }

        It 'names no ID with refusalIds none' {
            Set-EmulatorOption $emulator @{ refusalIds = 'none' } | Out-Null

            $answer = Invoke-Api POST '/v1/instances/backup' @{ instance_ids = $batch }

            $answer.Code | Should -Be 'KOOPHONE.API.2006'
            $answer.Message | Should -BeExactly 'instances are being backed up'
        }

        It 'names only the first offending ID with refusalIds first' {
            Set-EmulatorOption $emulator @{ refusalIds = 'first' } | Out-Null

            $answer = Invoke-Api POST '/v1/instances/backup' @{ instance_ids = $batch }

            $answer.Code | Should -Be 'KOOPHONE.API.2006'
            $answer.Message | Should -BeExactly "instances are being backed up: $($busy[0])"
        }

        It 'names unknown IDs in mode <mode> as <expected>' -ForEach @(
            @{ mode = 'named'; expected = 'no permission on instances (not found for this tenant): nosuch01, nosuch02' }
            @{ mode = 'none'; expected = 'no permission on instances (not found for this tenant)' }
            @{ mode = 'first'; expected = 'no permission on instances (not found for this tenant): nosuch01' }
        ) {
            Set-EmulatorOption $emulator @{ refusalIds = $mode } | Out-Null

            $answer = Invoke-Api POST '/v1/instances/batch-query-status' @{ instance_ids = @($unassigned[0], 'nosuch01', 'nosuch02') }

            $answer.Code | Should -Be 'KOOPHONE.API.1001'
            $answer.Message | Should -BeExactly $expected
        }

        It 'takes --refusal-ids first at start-up' {
            $ids = @(Get-Seeded $configured | Select-Object -First 4 | Where-Object region -eq 'cn-north-4' | ForEach-Object instance_id)

            $answer = Invoke-Api POST '/v1/instances/reboot' @{ instance_ids = @($ids[0], 'nosuch01', 'nosuch02') } -Target $configured

            $answer.Message | Should -BeExactly 'no permission on instances (not found for this tenant): nosuch01'
        }
    }

    Context 'refused batches' {
        It 'changes nothing of a refused batch by default' {
            Set-EmulatorInstanceState $emulator $unassigned[1] @{ backup_status = 1 }

            $answer = Invoke-Api POST '/v1/instances/backup' @{ instance_ids = @($unassigned[0], $unassigned[1], $unassigned[2]) }

            $answer.Code | Should -Be 'KOOPHONE.API.2006'
            @(Get-EmulatorAction $emulator).Count | Should -Be 0
            (Get-EmulatorInstance $emulator $unassigned[0]).backup_status | Should -Be 2
            (Get-EmulatorInstance $emulator $unassigned[2]).backup_status | Should -Be 2
        }

        It 'carries <operation> out on the healthy IDs under partly-applied, still answering <code>' -ForEach @(
            @{ operation = 'BatchBackupInstances'; method = 'POST'; path = '/v1/instances/backup'; code = 'KOOPHONE.API.2006'; status = 200
                culprit = 'patched'; patch = @{ backup_status = 1 }; body = { param($ids) @{ instance_ids = $ids } }
                changed = { param($view) $view.backup_status -eq 1 -and $view.running_status -eq 3 } }
            @{ operation = 'BatchRebootInstance'; method = 'POST'; path = '/v1/instances/reboot'; code = 'KOOPHONE.API.5005'; status = 200
                culprit = 'patched'; patch = @{ running_status = 1 }; body = { param($ids) @{ instance_ids = $ids } }
                changed = { param($view) $view.running_status -eq 4 } }
            @{ operation = 'BatchResetInstance'; method = 'POST'; path = '/v1/instances/batch-reset'; code = 'KOOPHONE.API.2005'; status = 200
                culprit = 'patched'; patch = @{ restore_status = 1 }; body = { param($ids) @{ instance_ids = $ids } }
                changed = { param($view) $view.running_status -eq 4 } }
            @{ operation = 'DeleteInstance'; method = 'POST'; path = '/v1/instances/delete'; code = 'KOOPHONE.API.5001'; status = 400
                culprit = 'postPaid'; body = { param($ids) @{ instanceIdList = $ids } }; changed = $null }
            @{ operation = 'ProvisionInstance'; method = 'POST'; path = '/v1/instances/assign'; code = 'KPAPI.2209'; status = 200
                culprit = 'assigned'; body = { param($ids) @{ user_instances = @($ids | ForEach-Object { @{ user_id = 'u-new'; instance_id = $_ } }) } }
                changed = { param($view) $view.assign_user -eq 'u-new' } }
            @{ operation = 'CancelInstance'; method = 'POST'; path = '/v1/instances/unassign'; code = 'KOOPHONE.API.2210'; status = 200
                healthy = 'assigned'; culprit = 'unassigned'
                body = { param($ids) @{ user_instances = @($ids | ForEach-Object { @{ user_id = if ($users[$_]) { $users[$_] } else { 'u-nobody' }; instance_id = $_ } }) } }
                changed = $null }
            @{ operation = 'BatchPrepareInstances'; method = 'POST'; path = '/v1/instances/prepare'; code = 'KOOPHONE.API.4001'; status = 200
                culprit = 'unknown'; body = { param($ids) @{ user_id = 'u-prep'; instance_ids = $ids } }
                changed = { param($view) $view.prepared_for_user -eq 'u-prep' } }
            @{ operation = 'SyncInvokeInstance'; method = 'POST'; path = '/v1/instances/sync-command'; code = 'KOOPHONE.API.1001'; status = 200
                culprit = 'unknown'; body = { param($ids) @{ command = 'getprop ro.build.version.release'; instance_ids = $ids } }; changed = $null }
            @{ operation = 'AsyncInvokeInstance'; method = 'POST'; path = '/v1/instances/async-command'; code = 'KOOPHONE.API.1001'; status = 200
                culprit = 'unknown'; body = { param($ids) @{ command = 'echo hi'; instance_ids = $ids } }; changed = $null }
            @{ operation = 'InstallApp'; method = 'POST'; path = '/v1/instances/app/install'; code = 'KOOPHONE.API.5005'; status = 200
                culprit = 'patched'; patch = @{ running_status = 1 }
                body = { param($ids) @{ fast_install = '0'; object_name = 'com.example.part'; file_name = 'part.apk'; object_version = '1.0'; object_size = '1'
                        biz_type = 'apk'; install_package_url = 'https://bucket.invalid/part.apk'; instance_id_list = $ids } }
                changed = $null }
            @{ operation = 'SetVideo'; method = 'PUT'; path = '/v1/instances/video-setting'; code = 'KOOPHONE.API.1001'; status = 200
                culprit = 'unknown'; body = { param($ids) @{ instance_ids = $ids; instance_settings = $videoSettings } }
                changed = { param($view) $null -ne $view.video_settings } }
        ) {
            $pool = if ($_.ContainsKey('healthy')) { $assigned } else { $unassigned }
            $healthy = $pool[0], $pool[1]
            $culpritId = switch ($culprit) {
                'unknown' { 'nosuch01' }
                'postPaid' { $postPaid[0] }
                'assigned' { $assigned[0] }
                'unassigned' { $unassigned[0] }
                'patched' { $unassigned[2]; Set-EmulatorInstanceState $emulator $unassigned[2] $patch }
            }
            Set-EmulatorOption $emulator @{ rejectedBatches = 'partly-applied' } | Out-Null

            # The culprit sits between the healthy IDs: those after it are carried out too.
            $answer = Invoke-Api $method $path (& $body @($healthy[0], $culpritId, $healthy[1]))

            $answer.Status | Should -Be $status
            $answer.Code | Should -Be $code
            $answer.Message | Should -BeLike "*: $culpritId"
            $answer.Body.PSObject.Properties.Name | Should -Not -Contain 'data'
            Get-CarriedOut $operation | Sort-Object | Should -Be @($healthy | Sort-Object)
            foreach ($entry in Get-EmulatorAction $emulator -Operation $operation) { $entry.count | Should -Be 1 }
            if ($operation -eq 'DeleteInstance') {
                foreach ($id in $healthy) { Test-InstanceExists $id | Should -BeFalse }
                Test-InstanceExists $culpritId | Should -BeTrue
            }
            elseif ($changed) {
                foreach ($id in $healthy) { & $changed (Get-EmulatorInstance $emulator $id) | Should -BeTrue -Because "$id is healthy" }
            }
        }

        It 'carries nothing out when every ID of a partly-applied batch is at fault' {
            Set-EmulatorOption $emulator @{ rejectedBatches = 'partly-applied' } | Out-Null

            $answer = Invoke-Api POST '/v1/instances/delete' @{ instanceIdList = $postPaid }

            $answer.Code | Should -Be 'KOOPHONE.API.5001'
            @(Get-EmulatorAction $emulator).Count | Should -Be 0
        }

        It 'takes --rejected-batches partly-applied at start-up' {
            $north = @(Get-Seeded $configured | Where-Object { $_.region -eq 'cn-north-4' } | ForEach-Object instance_id)
            Set-EmulatorInstanceState $configured $north[1] @{ running_status = 1 }

            $answer = Invoke-Api POST '/v1/instances/reboot' @{ instance_ids = @($north[0], $north[1], $north[2]) } -Target $configured

            $answer.Code | Should -Be 'KOOPHONE.API.5005'
            Get-CarriedOut BatchRebootInstance $configured | Sort-Object | Should -Be @($north[0], $north[2] | Sort-Object)
        }
    }

    Context 'regions' {
        It 'seeds the instances round-robin over --regions, with their names' {
            $instances = Get-Seeded $configured

            $instances.Count | Should -Be 12
            for ($i = 0; $i -lt $instances.Count; $i++) { $instances[$i].region | Should -Be $regions[$i % 3] }
            $instances[1].region_name | Should -Be '华东-上海一'
            $instances[1].region_name_en | Should -Be 'CN East-Shanghai1'
            $instances[2].region_name | Should -Be 'xx-lab-1'
            $instances[2].region_name_en | Should -Be 'xx-lab-1'
        }

        It 'keeps every instance in cn-north-4 by default' {
            @($seeded | Where-Object region -ne 'cn-north-4').Count | Should -Be 0
            $seeded[0].region_name_en | Should -Be 'CN North-Beijing4'
        }

        It 'refuses a mixed-region <path> with KOOPHONE.API.1002 and carries nothing out, while a same-region one passes' -ForEach @(
            @{ path = '/v1/instances/backup'; operation = 'BatchBackupInstances' }
            @{ path = '/v1/instances/batch-query-status'; operation = $null }
        ) {
            $instances = Get-Seeded $configured
            $mixed = $instances[0].instance_id, $instances[1].instance_id
            $same = $instances[3].instance_id, $instances[6].instance_id

            $refused = Invoke-Api POST $path @{ instance_ids = $mixed } -Target $configured
            $passed = Invoke-Api POST $path @{ instance_ids = $same } -Target $configured

            $refused.Status | Should -Be 200
            $refused.Code | Should -Be 'KOOPHONE.API.1002'
            $refused.Message | Should -BeExactly 'instances are not in the same region'
            $passed.Code | Should -Be '0'
            if ($operation) {
                # Even under partly-applied, a mixed-region batch is refused whole.
                Get-CarriedOut $operation $configured | Sort-Object | Should -Be @($same | Sort-Object)
                (Get-EmulatorInstance $configured $mixed[0]).backup_status | Should -Be 2
            }
        }

        It 'keeps an instance created in cn-south-1 out of a batch with seeded ones' {
            $order = Invoke-Api POST '/v1/instances/create' @{
                os = 'AOSP11'; instanceSkuId = 'OFFI863000000000020101'; bandSkuId = 'OFFI863000000000000001'; regionId = 'cn-south-1'
                instanceNamePrefix = 'south'; bandSize = 2; count = 1; chargeParam = @{ chargingMode = 1; periodType = 2; periodNum = 1; isAutoPay = 1 }
            }
            $created = $order.Body.data.instanceInfos[0].instanceId

            $answer = Invoke-Api POST '/v1/instances/reboot' @{ instance_ids = @($unassigned[0], $created) }

            $answer.Code | Should -Be 'KOOPHONE.API.1002'
            (Get-EmulatorInstance $emulator $created).region | Should -Be 'cn-south-1'
        }

        It 'reports unknown IDs before mixed regions' {
            $instances = Get-Seeded $configured

            $answer = Invoke-Api POST '/v1/instances/reboot' @{ instance_ids = @($instances[0].instance_id, $instances[1].instance_id, 'nosuch01') } -Target $configured

            $answer.Code | Should -Be 'KOOPHONE.API.1001'
            @(Get-EmulatorAction $configured).Count | Should -Be 0
        }

        It 'exits with code 2 on <arguments>' -ForEach @(
            @{ arguments = @('--regions', 'CN-North-4') }
            @{ arguments = @('--regions', 'cn-north-4,,cn-east-3') }
            @{ arguments = @('--regions', 'cn-north-4,cn-north-4') }
            @{ arguments = @('--refusal-ids', 'all') }
            @{ arguments = @('--rejected-batches', 'partial') }
        ) {
            & dotnet $env:KOOPHONE_TEST_EMULATOR --port 0 @arguments *> $null

            $LASTEXITCODE | Should -Be 2
        }
    }

    Context 'run-time options' {
        It 'shows the defaults, switches at run time and goes back to them on reset' {
            $options = Get-EmulatorOption $emulator
            $options.refusalIds | Should -Be 'named'
            $options.rejectedBatches | Should -Be 'untouched'

            $changed = Set-EmulatorOption $emulator @{ refusalIds = 'none'; rejectedBatches = 'partly-applied' }
            $changed.refusalIds | Should -Be 'none'
            $changed.rejectedBatches | Should -Be 'partly-applied'
            (Get-EmulatorOption $emulator).refusalIds | Should -Be 'none'

            Reset-TestEmulator $emulator
            $options = Get-EmulatorOption $emulator
            $options.refusalIds | Should -Be 'named'
            $options.rejectedBatches | Should -Be 'untouched'
        }

        It 'goes back to the start-up values on reset' {
            Set-EmulatorOption $configured @{ refusalIds = 'named'; rejectedBatches = 'untouched' } | Out-Null

            Reset-TestEmulator $configured

            $options = Get-EmulatorOption $configured
            $options.refusalIds | Should -Be 'first'
            $options.rejectedBatches | Should -Be 'partly-applied'
        }

        It 'rejects <field> = <value> and keeps the settings' -ForEach @(
            @{ field = 'refusalIds'; value = 'all' }
            @{ field = 'rejectedBatches'; value = 'partly' }
            @{ field = 'refusalIds'; value = 1 }
        ) {
            { Set-EmulatorOption $emulator @{ $field = $value } } | Should -Throw
            (Get-EmulatorOption $emulator).refusalIds | Should -Be 'named'
            (Get-EmulatorOption $emulator).rejectedBatches | Should -Be 'untouched'
        }
    }

    Context 'counting calls per operation path' {
        It 'counts the requests of each path, refused ones included' {
            Invoke-Api POST '/v1/instances/reboot' @{ instance_ids = @($unassigned[0]) } | Out-Null
            Invoke-Api POST '/v1/instances/reboot' @{ instance_ids = @('nosuch01') } | Out-Null
            Invoke-Api POST '/v1/instances/backup' @{ instance_ids = @($unassigned[1]) } | Out-Null

            $counts = Get-EmulatorRequestCount $emulator

            $counts['/v1/instances/reboot'] | Should -Be 2
            $counts['/v1/instances/backup'] | Should -Be 1
            Get-EmulatorRequestCount $emulator -Path '/v1/instances/reboot' | Should -Be 2
            Get-EmulatorRequestCount $emulator -Path '/v1/instances/batch-reset' | Should -Be 0
        }
    }
}
