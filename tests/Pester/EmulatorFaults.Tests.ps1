# The emulator failing like the real service: answers lost after the work was done, state that
# shows late, deletes that disappear late, local times, foreign request IDs, 200s that say
# nothing, revoked static tokens, and the action record that proves what was carried out.
# These talk to the emulator over raw HTTP, not through the module.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    # Both clocks stand still until a test moves them, so jobs and lags end exactly when it says.
    $script:emulator = Start-TestEmulator -Instances 40 -JobDelayMs 1000 -ManualClock
    # Everything set at start-up instead of at run time, and two static tokens to revoke one of.
    $script:configured = Start-TestEmulator -Instances 10 -JobDelayMs 300 -Token 'static-a' -ManualClock -ExtraArguments @(
        '--token', 'static-b', '--visibility-lag-ms', '1500', '--delete-lag-ms', '1500', '--time-zone-offset', '-05:30',
        '--response-request-id', 'own', '--fault', 'kind=drop,phase=after,times=1,path=/v1/instances/backup')

    function Invoke-Api {
        param([string] $Method, [string] $Path, $Body, [int] $TimeoutSec = 10, $Target = $emulator, [string] $Token = $Target.Token,
            [string] $RequestId = [guid]::NewGuid().ToString())
        $request = @{
            Method = $Method; Uri = "$($Target.Url)$Path"; TimeoutSec = $TimeoutSec; SkipHttpErrorCheck = $true
            Headers = @{ 'X-Auth-Token' = $Token; 'x-request-id' = $RequestId }
        }
        if ($null -ne $Body) { $request.Body = ConvertTo-Json -InputObject $Body -Depth 6 -Compress; $request.ContentType = 'application/json' }
        Invoke-WebRequest @request
    }

    function Get-Listed([string] $InstanceId, $Target = $emulator) {
        (Invoke-Api GET "/v1/instances/batch-query?page_no=1&page_size=10&instance_id=$InstanceId" -Target $Target).Content | ConvertFrom-Json
    }

    function Get-Ids($Target = $emulator) {
        @(((Invoke-Api GET '/v1/instances/batch-query?page_no=1&page_size=100' -Target $Target).Content | ConvertFrom-Json).data.result)
    }

    # Seeded instances alternate assigned (odd positions) and unassigned; every 10th is pay-per-use.
    $script:seeded = Get-Ids
    $script:unassigned = @($seeded | Where-Object { $_.assign_status -eq 0 -and $_.billing_mode -eq 'prePaid' } | ForEach-Object instance_id)
    $script:assigned = @($seeded | Where-Object assign_status -eq 1 | ForEach-Object instance_id)
}

AfterAll {
    Stop-TestEmulator $emulator
    Stop-TestEmulator $configured
}

Describe 'Emulator faults and lags' {
    BeforeEach {
        Reset-TestEmulator $emulator
        Reset-TestEmulator $configured
    }

    Context 'faults after the operation was carried out' {
        It 'carries a backup out once although the connection is reset before the answer' {
            $id = $assigned[0]
            $before = Get-EmulatorInstance $emulator $id
            Set-EmulatorFault $emulator @{ kind = 'drop'; phase = 'after'; path = '/v1/instances/backup'; times = 1 }

            { Invoke-Api POST '/v1/instances/backup' @{ instance_ids = @($id) } } | Should -Throw

            @(Get-EmulatorAction $emulator -Operation BatchBackupInstances -InstanceId $id).count | Should -Be 1
            (Get-EmulatorInstance $emulator $id).running_status | Should -Be 3 -Because 'the backup runs for the job delay'
            Move-EmulatorClock $emulator 1000 | Out-Null
            $after = Get-EmulatorInstance $emulator $id
            $after.backup_status | Should -Be 2
            $after.backup_time | Should -Not -Be $before.backup_time
            (Get-EmulatorRequest $emulator -Path '/v1/instances/backup')[0].status | Should -Be 0
        }

        It 'answers HTTP <status> with a gateway body after rebooting' -ForEach @(@{ status = 502 }, @{ status = 504 }) {
            $id = $assigned[1]
            Set-EmulatorFault $emulator @{ kind = 'status'; status = $status; phase = 'after'; path = '/v1/instances/reboot' }

            $response = Invoke-Api POST '/v1/instances/reboot' @{ instance_ids = @($id) }

            $response.StatusCode | Should -Be $status
            ($response.Content | ConvertFrom-Json).error_code | Should -Be 'APIGW.0201'
            @(Get-EmulatorAction $emulator -Operation BatchRebootInstance -InstanceId $id).count | Should -Be 1
            (Get-EmulatorInstance $emulator $id).running_status | Should -Be 4
        }

        It 'applies an assignment whose answer comes later than the client waits' {
            $id = $unassigned[0]
            Set-EmulatorFault $emulator @{ kind = 'latency'; phase = 'after'; delayMs = 3000; path = '/v1/instances/assign' }

            { Invoke-Api POST '/v1/instances/assign' @{ user_instances = @(@{ user_id = 'u-late'; instance_id = $id }) } -TimeoutSec 1 } | Should -Throw

            (Get-EmulatorInstance $emulator $id).assign_user | Should -Be 'u-late'
            @(Get-EmulatorAction $emulator -Operation ProvisionInstance -InstanceId $id).count | Should -Be 1
            Wait-EmulatorCondition { @(Get-EmulatorRequest $emulator -Path '/v1/instances/assign').Count -eq 1 } 'the late request to be logged'
            (Get-EmulatorRequest $emulator -Path '/v1/instances/assign')[0].status | Should -Be 0
        }

        It 'delivers the real answer late when the client waits long enough' {
            $id = $unassigned[1]
            Set-EmulatorFault $emulator @{ kind = 'latency'; phase = 'after'; delayMs = 600; path = '/v1/instances/assign' }
            $watch = [System.Diagnostics.Stopwatch]::StartNew()

            $response = Invoke-Api POST '/v1/instances/assign' @{ user_instances = @(@{ user_id = 'u-wait'; instance_id = $id }) }

            $watch.ElapsedMilliseconds | Should -BeGreaterOrEqual 550
            ($response.Content | ConvertFrom-Json).error_code | Should -Be '0'
        }

        It 'counts a hanging request in flight until its client gives up on it' {
            Set-EmulatorFault $emulator @{ kind = 'hang'; path = '/v1/instances/backup'; times = 1 }
            Get-EmulatorInFlight $emulator | Should -Be 0

            $client = [System.Net.Http.HttpClient]::new()
            $cancel = [System.Threading.CancellationTokenSource]::new()
            try {
                $request = [System.Net.Http.HttpRequestMessage]::new('POST', "$($emulator.Url)/v1/instances/backup")
                $request.Headers.Add('X-Auth-Token', $emulator.Token)
                $request.Content = [System.Net.Http.StringContent]::new('{"instance_ids":["' + $assigned[0] + '"]}', [System.Text.Encoding]::UTF8, 'application/json')
                $sending = $client.SendAsync($request, $cancel.Token)
                Wait-EmulatorCondition { @(Get-EmulatorRequest $emulator -Path '/v1/instances/backup').Count -eq 1 } 'the request to hang'
                Get-EmulatorInFlight $emulator | Should -Be 1

                $cancel.Cancel()
                Wait-EmulatorCondition { (Get-EmulatorInFlight $emulator) -eq 0 } 'the abandoned request to leave the count'
                $sending.IsCanceled | Should -BeTrue
            }
            finally {
                $client.Dispose()
                $cancel.Dispose()
            }
        }

        It 'sends the headers and the first bytes of the body, then <kind>' -ForEach @(
            @{ kind = 'stall'; ending = 'nothing more until the client gives up' }
            @{ kind = 'cut'; ending = 'the connection closes mid-body' }
        ) {
            Set-EmulatorFault $emulator @{ kind = $kind; path = '/v1/instances/batch-query-status'; times = 1 }
            $client = [System.Net.Http.HttpClient]::new()
            $cancel = [System.Threading.CancellationTokenSource]::new()
            try {
                $request = [System.Net.Http.HttpRequestMessage]::new('POST', "$($emulator.Url)/v1/instances/batch-query-status")
                $request.Headers.Add('X-Auth-Token', $emulator.Token)
                $request.Content = [System.Net.Http.StringContent]::new('{"instance_ids":["' + $assigned[0] + '"]}', [System.Text.Encoding]::UTF8, 'application/json')
                $response = $client.SendAsync($request, [System.Net.Http.HttpCompletionOption]::ResponseHeadersRead).GetAwaiter().GetResult()
                [int]$response.StatusCode | Should -Be 200
                $response.Content.Headers.ContentLength | Should -Be 45
                $body = $response.Content.ReadAsStream()
                $buffer = [byte[]]::new(64)
                $read = 0
                while ($read -lt 21) { $read += $body.Read($buffer, $read, $buffer.Length - $read) }
                [System.Text.Encoding]::UTF8.GetString($buffer, 0, $read) | Should -BeExactly '{"error_code":"0","er'

                $rest = $body.ReadAsync($buffer, 0, $buffer.Length, $cancel.Token)
                if ($kind -eq 'stall') {
                    $rest.IsCompleted | Should -BeFalse -Because $ending
                    Get-EmulatorInFlight $emulator | Should -Be 1 -Because 'the emulator holds the stalled answer open'
                    $cancel.Cancel()
                    Wait-EmulatorCondition { (Get-EmulatorInFlight $emulator) -eq 0 } 'the stalled request to end when its client gives up'
                }
                else {
                    { $rest.GetAwaiter().GetResult() } | Should -Throw -Because $ending
                }
                (Get-EmulatorRequest $emulator -Path '/v1/instances/batch-query-status')[0].status | Should -Be 0
            }
            finally {
                $client.Dispose()
                $cancel.Dispose()
            }
        }

        It 'takes phase=after from --fault at start-up' {
            $id = (Get-Ids $configured)[0].instance_id
            $before = Get-EmulatorInstance $configured $id

            { Invoke-Api POST '/v1/instances/backup' @{ instance_ids = @($id) } -Target $configured } | Should -Throw

            @(Get-EmulatorAction $configured -Operation BatchBackupInstances -InstanceId $id).count | Should -Be 1
            (Get-EmulatorInstance $configured $id).backup_time | Should -Not -Be $before.backup_time
        }
    }

    Context '200s that say nothing and data of the wrong shape' {
        It 'answers <kind> in phase <phase> with its body' -ForEach @(
            foreach ($phase in 'before', 'after') {
                @{ kind = 'busy'; phase = $phase; body = '{"error_msg":"System busy, try again later"}' }
                @{ kind = 'nulldata'; phase = $phase; body = '{"error_code":"0","data":null}' }
                @{ kind = 'emptydata'; phase = $phase; body = '{"error_code":"0","data":{}}' }
                @{ kind = 'wrongshape'; phase = $phase; body = '{"error_code":"0","error_msg":"ok","data":{"task_id":["x"],"cmd_jobs":{"job_id":"x"},"status_results":{"instance_id":"x","status":2},"cmd_results":{},"status_list":{},"jobs":{},"result":{}}}' }
                @{ kind = 'wrongtype'; phase = $phase; body = '{"error_code":"0","error_msg":"ok","data":{"task_id":5,"cmd_jobs":"x","result":"x","jobs":"x","status_results":"x"}}' }
                @{ kind = 'emptycode'; phase = $phase; body = '{"error_code":"","error_msg":"ok"}' }
                @{ kind = 'codezero'; phase = $phase; body = '{"code":"0","message":"ok"}' }
            }
        ) {
            $id = $seeded[2].instance_id
            Set-EmulatorFault $emulator @{ kind = $kind; phase = $phase }

            $response = Invoke-Api POST '/v1/instances/session/release' @{ instance_id = $id }

            $response.StatusCode | Should -Be 200
            $response.Content | Should -BeExactly $body
            $expected = if ($phase -eq 'after') { 1 } else { 0 }
            [int](Get-EmulatorAction $emulator -Operation StopInstancesSession -InstanceId $id | Measure-Object count -Sum).Sum | Should -Be $expected
        }

        It 'logs emptycode''s empty error_code and codezero''s none' {
            Set-EmulatorFault $emulator @(@{ kind = 'emptycode'; times = 1 }, @{ kind = 'codezero'; times = 1 })
            Clear-EmulatorRequest $emulator

            Invoke-Api POST '/v1/instances/reboot' @{ instance_ids = @($assigned[0]) } | Out-Null
            Invoke-Api POST '/v1/instances/reboot' @{ instance_ids = @($assigned[0]) } | Out-Null

            $logged = @(Get-EmulatorRequest $emulator -Path '/v1/instances/reboot')
            $logged.fault | Should -Be @('emptycode', 'codezero')
            $logged[0].errorCode | Should -BeExactly ''
            $logged[1].errorCode | Should -BeNullOrEmpty
        }

        It 'answers every operation with a rule that names no path' {
            Set-EmulatorFault $emulator @{ kind = 'nulldata' }

            (Invoke-Api GET '/v1/instances/batch-query?page_no=1&page_size=1').Content | Should -BeExactly '{"error_code":"0","data":null}'
            (Invoke-Api GET '/v1/instances/sku?type=0').Content | Should -BeExactly '{"error_code":"0","data":null}'
            (Invoke-Api POST '/v1/instances/batch-query-status' @{ instance_ids = @($assigned[0]) }).Content | Should -BeExactly '{"error_code":"0","data":null}'
        }
    }

    Context 'a task answer without the jobs of some instances' {
        It 'answers <path> in phase <phase> without the jobs of the 2nd and 4th instances, acting on <acted>' -ForEach @(
            @{ path = '/v1/instances/backup'; operation = 'BatchBackupInstances'; phase = 'before'; acted = 'the others only' }
            @{ path = '/v1/instances/backup'; operation = 'BatchBackupInstances'; phase = 'after'; acted = 'all' }
            @{ path = '/v1/instances/batch-reset'; operation = 'BatchResetInstance'; phase = 'before'; acted = 'the others only' }
            @{ path = '/v1/instances/batch-reset'; operation = 'BatchResetInstance'; phase = 'after'; acted = 'all' }
        ) {
            $ids = @($assigned[0..4])
            Set-EmulatorFault $emulator @{ kind = 'missingjobs'; phase = $phase; path = $path }
            Clear-EmulatorRequest $emulator

            $response = Invoke-Api POST $path @{ instance_ids = $ids }

            $response.StatusCode | Should -Be 200
            $answer = $response.Content | ConvertFrom-Json
            $answer.error_code | Should -Be '0'
            $answer.data.task_id | Should -Not -BeNullOrEmpty
            @($answer.data.cmd_jobs.instance_id) | Should -Be @($ids[0], $ids[2], $ids[4])
            $acted = @(Get-EmulatorAction $emulator -Operation $operation | ForEach-Object instance_id | Sort-Object)
            $expected = if ($phase -eq 'after') { $ids } else { @($ids[0], $ids[2], $ids[4]) }
            $acted | Should -Be @($expected | Sort-Object)
            $logged = @(Get-EmulatorRequest $emulator -Path $path)
            $logged[-1].fault | Should -Be 'missingjobs'
            $logged[-1].instanceIds | Should -Be $ids -Because 'the log shows what the client sent'
        }

        It 'leaves out the jobs of unassign''s user_instances and of InstallApp''s instance_id_list too' {
            Set-EmulatorFault $emulator @(
                @{ kind = 'missingjobs'; phase = 'before'; path = '/v1/instances/unassign' }
                @{ kind = 'missingjobs'; phase = 'after'; path = '/v1/instances/app/install' })
            $pairs = @($seeded | Where-Object assign_status -eq 1 | Select-Object -First 2 | ForEach-Object { @{ user_id = $_.assign_user; instance_id = $_.instance_id } })

            $unassign = (Invoke-Api POST '/v1/instances/unassign' @{ user_instances = $pairs }).Content | ConvertFrom-Json
            @($unassign.data.cmd_jobs.instance_id) | Should -Be @($pairs[0].instance_id)
            @(Get-EmulatorAction $emulator -Operation CancelInstance).instance_id | Should -Be @($pairs[0].instance_id)

            $install = @{
                fast_install = '0'; object_name = 'com.example.gap'; file_name = 'gap.apk'; object_version = '1.0'; object_size = '1'
                biz_type = 'apk'; install_package_url = 'https://bucket.invalid/gap.apk'; instance_id_list = @($assigned[2], $assigned[3])
            }
            $installed = Invoke-Api POST '/v1/instances/app/install' $install
            $installed.StatusCode | Should -Be 200
            @(($installed.Content | ConvertFrom-Json).data.cmd_jobs.instance_id) | Should -Be @($assigned[2])
            @(Get-EmulatorAction $emulator -Operation InstallApp).Count | Should -Be 2
        }
    }

    Context 'error bodies in every shape, and IAM''s answers' {
        It 'answers the <shape> shape with HTTP <status>, its body and its code in the request log' -ForEach @(
            @{ shape = 'camel'; status = 400; code = 'KP.0042'; type = 'application/json'; body = '{"errorCode":"KP.0042","errorMsg":"The request names an instance twice.","requestId":"rid-1"}' }
            @{ shape = 'plain'; status = 400; code = 'KP.0043'; type = 'application/json'; body = '{"code":"KP.0043","message":"The request body is too large."}' }
            @{ shape = 'text'; status = 502; code = $null; type = 'text/plain'; body = 'upstream connect error or disconnect/reset before headers. reset reason: connection termination' }
            @{ shape = 'other'; status = 400; code = $null; type = 'application/json'; body = '{"status":"failed","reason":"The request was refused in a shape no SDK reads."}' }
        ) {
            Set-EmulatorFault $emulator @{ kind = 'shape'; shape = $shape; path = '/v1/instances/batch-query-status' }
            Clear-EmulatorRequest $emulator

            $response = Invoke-Api POST '/v1/instances/batch-query-status' @{ instance_ids = @($assigned[0]) } -RequestId 'rid-1'

            $response.StatusCode | Should -Be $status
            $response.Headers['Content-Type'][0] | Should -BeLike "$type*"
            $response.Content | Should -BeExactly $body
            $logged = @(Get-EmulatorRequest $emulator -Path '/v1/instances/batch-query-status')
            $logged[-1].fault | Should -Be 'shape'
            $logged[-1].errorCode | Should -Be $code
        }

        It 'answers a policy denial with its encoded reason and details, <shape>' -ForEach @(@{ shape = 'denied' }, @{ shape = 'nested' }) {
            Set-EmulatorFault $emulator @{ kind = 'shape'; shape = $shape }

            $response = Invoke-Api GET '/v1/instances/sku?type=0' -RequestId 'rid-2'

            $response.StatusCode | Should -Be 403
            $body = $response.Content | ConvertFrom-Json
            $error1 = if ($shape -eq 'nested') { $body.error } else { $body }
            $code = if ($shape -eq 'nested') { $error1.code } else { $error1.error_code }
            $code | Should -Be 'APIGW.0302'
            $reason = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($error1.encoded_authorization_message)) | ConvertFrom-Json
            $reason.method | Should -Be 'GET'
            $reason.path | Should -Be '/v1/instances/sku'
            if ($shape -eq 'denied') {
                $body.request_id | Should -Be 'rid-2'
                $body.details[0].error_code | Should -Be 'IAM.0003'
            }
        }

        It 'faults IAM only with a rule that names an IAM path, and IAM''s answers all carry X-IAM-Trace-Id' {
            $tokenRequest = @{
                Method = 'Post'; Uri = "$($emulator.Url)/v3/auth/tokens"; ContentType = 'application/json'; SkipHttpErrorCheck = $true
                Body = '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"emulator-user","password":"emulator-password","domain":{"name":"emulator-domain"}}}},"scope":{"project":{"name":"cn-north-4"}}}}'
            }
            Set-EmulatorFault $emulator @{ kind = 'shape'; shape = 'camel' }
            $issued = Invoke-WebRequest @tokenRequest
            $issued.StatusCode | Should -Be 201 -Because 'a rule without a path is for /v1 only'
            $issued.Headers['X-IAM-Trace-Id'][0] | Should -Match '^[0-9a-f]{32}$'

            Set-EmulatorFault $emulator @{ kind = 'shape'; shape = 'nested'; path = '/v3/auth/tokens'; times = 1 }
            $faulted = Invoke-WebRequest @tokenRequest
            $faulted.StatusCode | Should -Be 403
            ($faulted.Content | ConvertFrom-Json).error.code | Should -Be 'APIGW.0302'
            $faulted.Headers['X-IAM-Trace-Id'][0] | Should -Match '^[0-9a-f]{32}$'
            $faulted.Headers['X-IAM-Trace-Id'][0] | Should -Not -Be $issued.Headers['X-IAM-Trace-Id'][0]
            (Invoke-WebRequest @tokenRequest).StatusCode | Should -Be 201 -Because 'the rule fired its one time'

            $listing = Invoke-WebRequest -Uri "$($emulator.Url)/v3/projects" -SkipHttpErrorCheck
            $listing.StatusCode | Should -Be 401
            $listing.Headers['X-IAM-Trace-Id'][0] | Should -Match '^[0-9a-f]{32}$'
        }

        It 'refuses the rule <rule> and keeps the rules it had' -ForEach @(
            @{ rule = '{"kind":"shape"}'; message = "*needs 'shape'*" }
            @{ rule = '{"kind":"shape","shape":"yaml"}'; message = "*'shape' must be one of*" }
            @{ rule = '{"kind":"busy","shape":"camel"}'; message = "*'shape' applies only to kind 'shape'*" }
            @{ rule = '{"kind":"drop","path":"/v3/auth/tokens"}'; message = '*kind status, iam, html or shape, in the before phase*' }
            @{ rule = '{"kind":"shape","shape":"camel","phase":"after","path":"/v3/projects"}'; message = '*kind status, iam, html or shape, in the before phase*' }
            @{ rule = '{"kind":"iam","path":"/v3/users"}'; message = "*'path' must be*" }
            @{ rule = '{"kind":"missingjobs"}'; message = "*'missingjobs' rule needs 'path'*/v1/instances/backup*" }
            @{ rule = '{"kind":"missingjobs","path":"/v1/instances/reboot"}'; message = "*'missingjobs' rule needs 'path'*" }
        ) {
            Set-EmulatorFault $emulator @{ kind = 'nulldata'; path = '/v1/instances/sku' }
            $answer = Invoke-WebRequest -Method Post -Uri "$($emulator.Url)/_emulator/faults" -ContentType 'application/json' -Body "[$rule]" -SkipHttpErrorCheck
            $answer.StatusCode | Should -Be 400
            ($answer.Content | ConvertFrom-Json).error | Should -BeLike $message
            @(Invoke-RestMethod "$($emulator.Url)/_emulator/faults").kind | Should -Be @('nulldata')
        }
    }

    Context 'state that shows late' {
        It 'shows an assignment in ListInstances only after the run-time visibility lag' {
            Set-EmulatorOption $emulator @{ visibilityLagMs = 1500 } | Out-Null
            $id = $unassigned[2]

            Invoke-Api POST '/v1/instances/assign' @{ user_instances = @(@{ user_id = 'u-lag'; instance_id = $id }) } | Out-Null

            (Get-Listed $id).data.result[0].assign_status | Should -Be 0
            (Get-EmulatorInstance $emulator $id).assign_status | Should -Be 1
            Move-EmulatorClock $emulator 1499 | Out-Null
            (Get-Listed $id).data.result[0].assign_status | Should -Be 0 -Because 'a millisecond of the lag is left'
            Move-EmulatorClock $emulator 1 | Out-Null
            (Get-Listed $id).data.result[0].assign_user | Should -Be 'u-lag'
        }

        It 'keeps showing the old running status in BatchShowInstance during the lag' {
            Set-EmulatorOption $emulator @{ visibilityLagMs = 1500 } | Out-Null
            $id = $assigned[2]

            Invoke-Api POST '/v1/instances/reboot' @{ instance_ids = @($id) } | Out-Null

            $shown = (Invoke-Api POST '/v1/instances/batch-query-status' @{ instance_ids = @($id) }).Content | ConvertFrom-Json
            $shown.data.status_results[0].status | Should -Be 2
            (Get-EmulatorInstance $emulator $id).running_status | Should -Be 4
        }

        It 'lists an installed app only after the lag' {
            Set-EmulatorOption $emulator @{ visibilityLagMs = 1500 } | Out-Null
            $id = $assigned[3]
            $install = @{
                fast_install = '0'; object_name = 'com.example.lag'; file_name = 'lag.apk'; object_version = '1.0'; object_size = '1'
                biz_type = 'apk'; install_package_url = 'https://bucket.invalid/lag.apk'; instance_id_list = @($id)
            }
            $apps = { @(((Invoke-Api GET "/v1/instances/$id/app-list?page_no=1&page_size=50&app_type=2").Content | ConvertFrom-Json).data.result.app_pkg) }

            Invoke-Api POST '/v1/instances/app/install' $install | Out-Null
            Move-EmulatorClock $emulator 1000 | Out-Null
            @((Get-EmulatorInstance $emulator $id).apps.app_pkg) | Should -Contain 'com.example.lag' -Because 'the install job took its delay'

            & $apps | Should -Not -Contain 'com.example.lag'
            Move-EmulatorClock $emulator 1500 | Out-Null
            & $apps | Should -Contain 'com.example.lag'
        }

        It 'hides changes for --visibility-lag-ms at start-up' {
            $id = (Get-Ids $configured | Where-Object assign_status -eq 0)[0].instance_id

            Invoke-Api POST '/v1/instances/assign' @{ user_instances = @(@{ user_id = 'u-start'; instance_id = $id }) } -Target $configured | Out-Null

            (Get-Listed $id $configured).data.result[0].assign_status | Should -Be 0
            Move-EmulatorClock $configured 1500 | Out-Null
            (Get-Listed $id $configured).data.result[0].assign_status | Should -Be 1
        }
    }

    Context 'deletes that disappear late' {
        It 'lists a deleted instance for the run-time delete lag, accepting a repeated delete meanwhile' {
            Set-EmulatorOption $emulator @{ deleteLagMs = 1500 } | Out-Null
            $id = $unassigned[3]

            ((Invoke-Api POST '/v1/instances/delete' @{ instanceIdList = @($id) }).Content | ConvertFrom-Json).error_code | Should -Be '0'

            (Get-Listed $id).data.total_count | Should -Be 1
            ((Invoke-Api POST '/v1/instances/batch-query-status' @{ instance_ids = @($id) }).Content | ConvertFrom-Json).error_code | Should -Be 'KOOPHONE.API.1001'
            ((Invoke-Api POST '/v1/instances/delete' @{ instanceIdList = @($id) }).Content | ConvertFrom-Json).error_code | Should -Be '0'
            @(Get-EmulatorAction $emulator -Operation DeleteInstance -InstanceId $id).count | Should -Be 1
            Move-EmulatorClock $emulator 1500 | Out-Null
            (Get-Listed $id).data.total_count | Should -Be 0
            ((Invoke-Api POST '/v1/instances/delete' @{ instanceIdList = @($id) }).Content | ConvertFrom-Json).error_code | Should -Be 'KOOPHONE.API.1001'
        }

        It 'lists a deleted instance for --delete-lag-ms at start-up' {
            $id = (Get-Ids $configured | Where-Object billing_mode -eq 'prePaid')[1].instance_id

            Invoke-Api POST '/v1/instances/delete' @{ instanceIdList = @($id) } -Target $configured | Out-Null

            (Get-Listed $id $configured).data.total_count | Should -Be 1
            Move-EmulatorClock $configured 1500 | Out-Null
            (Get-Listed $id $configured).data.total_count | Should -Be 0
        }
    }

    Context 'times and request IDs' {
        It 'writes backup_time in the run-time time zone' {
            Set-EmulatorOption $emulator @{ timeZoneOffset = '+08:00' } | Out-Null
            $id = $assigned[4]
            $utc = [datetime]::ParseExact((Get-EmulatorInstance $emulator $id).backup_time, 'yyyy-MM-dd HH:mm:ss', $null)

            (Get-Listed $id).data.result[0].backup_time | Should -Be $utc.AddHours(8).ToString('yyyy-MM-dd HH:mm:ss')
        }

        It 'writes restore_time in the --time-zone-offset zone' {
            $id = (Get-Ids $configured)[2].instance_id
            $utc = [datetime]::ParseExact((Get-EmulatorInstance $configured $id).restore_time, 'yyyy-MM-dd HH:mm:ss', $null)

            (Get-Listed $id $configured).data.result[0].restore_time | Should -Be $utc.AddHours(-5.5).ToString('yyyy-MM-dd HH:mm:ss')
        }

        It 'answers X-Request-Id as responseRequestId <mode> says' -ForEach @(@{ mode = 'own' }, @{ mode = 'echo' }) {
            Set-EmulatorOption $emulator @{ responseRequestId = $mode } | Out-Null

            $response = Invoke-Api GET '/v1/instances/batch-query?page_no=1&page_size=1' -RequestId 'client-id-1'

            ([string]$response.Headers['X-Request-Id'] -eq 'client-id-1') | Should -Be ($mode -eq 'echo')
        }

        It 'answers an X-Request-Id of its own with --response-request-id own' {
            $response = Invoke-Api GET '/v1/instances/batch-query?page_no=1&page_size=1' -Target $configured -RequestId 'client-id-2'

            [string]$response.Headers['X-Request-Id'] | Should -Not -Be 'client-id-2'
            [string]$response.Headers['X-Request-Id'] | Should -Not -BeNullOrEmpty
        }

        It 'rejects an unknown option field and keeps the settings' {
            Set-EmulatorOption $emulator @{ deleteLagMs = 5 } | Out-Null

            { Set-EmulatorOption $emulator @{ deleteLag = 1 } } | Should -Throw
            (Get-EmulatorOption $emulator).deleteLagMs | Should -Be 5
            Reset-TestEmulator $emulator
            (Get-EmulatorOption $emulator).deleteLagMs | Should -Be 0
        }
    }

    Context 'revoking a static token' {
        It 'answers 401 to a revoked --token value, the others still work, and a reset restores it' {
            Revoke-EmulatorStaticToken $configured 'static-a'

            $refused = Invoke-Api GET '/v1/instances/batch-query?page_no=1&page_size=1' -Target $configured -Token 'static-a'
            $refused.StatusCode | Should -Be 401
            ($refused.Content | ConvertFrom-Json).error_code | Should -Be 'APIGW.0301'
            (Invoke-Api GET '/v1/instances/batch-query?page_no=1&page_size=1' -Target $configured -Token 'static-b').StatusCode | Should -Be 200
            Reset-TestEmulator $configured
            (Invoke-Api GET '/v1/instances/batch-query?page_no=1&page_size=1' -Target $configured -Token 'static-a').StatusCode | Should -Be 200
        }
    }

    Context 'the action record' {
        It 'counts each operation carried out per instance and forgets on DELETE and reset' {
            $id = $assigned[5]
            Invoke-Api POST '/v1/instances/sync-command' @{ command = 'echo hi'; instance_ids = @($id) } | Out-Null
            Invoke-Api POST '/v1/instances/async-command' @{ command = 'echo hi'; instance_ids = @($id) } | Out-Null
            Invoke-Api POST '/v1/instances/async-command' @{ command = 'echo hi'; instance_ids = @($id) } | Out-Null
            Invoke-Api POST '/v1/instances/prepare' @{ user_id = 'u1'; instance_ids = @($id) } | Out-Null
            Invoke-Api POST '/v1/instances/streaming/stop' @{ instance_id = $id } | Out-Null
            Invoke-Api POST '/v1/instances/unassign' @{ user_instances = @(@{ user_id = (Get-EmulatorInstance $emulator $id).assign_user; instance_id = $id }) } | Out-Null
            Invoke-Api POST '/v1/instances/batch-reset' @{ instance_ids = @($id) } | Out-Null
            Invoke-Api POST '/v1/instances/create' @{
                os = 'AOSP11'; instanceSkuId = 'OFFI863000000000010101'; bandSkuId = 'OFFI863000000000000001'; regionId = 'cn-north-4'
                instanceNamePrefix = 'act'; bandSize = 2; count = 1; chargeParam = @{ chargingMode = 1; periodType = 2; periodNum = 1; isAutoPay = 1 }
            } | Out-Null
            Invoke-Api POST '/v1/instances/reboot' @{ instance_ids = @('unknown1') } | Out-Null

            $actions = Get-EmulatorAction $emulator
            ($actions | Where-Object { $_.instance_id -eq $id } | ForEach-Object { '{0}={1}' -f $_.operation, $_.count }) | Should -Be @(
                'AsyncInvokeInstance=2', 'BatchPrepareInstances=1', 'BatchResetInstance=1', 'CancelInstance=1', 'StopInstancesStreaming=1', 'SyncInvokeInstance=1')
            ($actions | Where-Object operation -eq 'CreateInstance').count | Should -Be 1
            ($actions | Where-Object operation -eq 'CreateInstance').instance_id | Should -BeNullOrEmpty
            @($actions | Where-Object operation -eq 'BatchRebootInstance').Count | Should -Be 0

            Clear-EmulatorAction $emulator
            @(Get-EmulatorAction $emulator).Count | Should -Be 0
            Invoke-Api POST '/v1/instances/session/release' @{ instance_id = $id } | Out-Null
            @(Get-EmulatorAction $emulator).Count | Should -Be 1
            Reset-TestEmulator $emulator
            @(Get-EmulatorAction $emulator).Count | Should -Be 0
        }
    }
}
