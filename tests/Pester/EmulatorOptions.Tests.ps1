# The start-up options no other file sets, each with the effect a client can see: the manual
# clock, the tenant's identity (IAM user, project, AK/SK, security token), which tasks ExecuteJob
# answers, InstallApp's older answer shape, the request log's limit, listing churn and the seed.
# These talk to the emulator over raw HTTP, except where AK/SK signing needs the module.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:plain = Start-TestEmulator -Instances 10
    $script:labProject = 'fedcba9876543210fedcba9876543210'
    $script:lab = Start-TestEmulator -Instances 10 -ManualClock -ExtraArguments @(
        '--seed', '7', '--iam-user', 'lab-user', '--iam-password', 'lab-password', '--iam-domain', 'lab-domain',
        '--project-id', $labProject, '--project-name', 'lab-project', '--access-key', 'lab-ak', '--secret-key', 'lab-sk',
        '--security-token', 'lab-st', '--task-query-unsupported', 'reset,unassign', '--install-response', 'nested',
        '--request-log-limit', '2', '--listing-churn', '1')

    function Invoke-Api {
        param([string] $Method, [string] $Path, $Body, $Target = $lab)
        $request = @{
            Method = $Method; Uri = "$($Target.Url)$Path"; TimeoutSec = 10; SkipHttpErrorCheck = $true
            Headers = @{ 'X-Auth-Token' = $Target.Token; 'x-request-id' = [guid]::NewGuid().ToString() }
        }
        if ($null -ne $Body) { $request.Body = ConvertTo-Json -InputObject $Body -Depth 8 -Compress; $request.ContentType = 'application/json' }
        $response = Invoke-WebRequest @request
        [pscustomobject]@{ Status = [int]$response.StatusCode; Body = $response.Content | ConvertFrom-Json }
    }

    function Invoke-Admin {
        param([string] $Method, [string] $Path, $Body, $Target = $lab)
        $request = @{ Method = $Method; Uri = "$($Target.Url)/_emulator$Path"; SkipHttpErrorCheck = $true; StatusCodeVariable = 'status' }
        if ($null -ne $Body) { $request.Body = ConvertTo-Json -InputObject $Body -Compress; $request.ContentType = 'application/json' }
        $answer = Invoke-RestMethod @request
        [pscustomobject]@{ Status = $status; Body = $answer }
    }

    function Request-IamToken([string] $User, [string] $Password, [string] $Domain, [hashtable] $Project) {
        $body = @{ auth = @{
                identity = @{ methods = @('password'); password = @{ user = @{ name = $User; password = $Password; domain = @{ name = $Domain } } } }
                scope = @{ project = $Project } } }
        $response = Invoke-WebRequest -Method Post "$($lab.Url)/v3/auth/tokens" -ContentType 'application/json' -SkipHttpErrorCheck `
            -Body (ConvertTo-Json -InputObject $body -Depth 8 -Compress)
        [pscustomobject]@{ Status = [int]$response.StatusCode; Body = $response.Content | ConvertFrom-Json }
    }

    function Connect-Lab([string] $AccessKey = 'lab-ak', [string] $SecurityToken = 'lab-st') {
        Connect-KooPhone -Endpoint $lab.Url -AccessKey $AccessKey -SecretKey (ConvertTo-SecureString 'lab-sk' -AsPlainText -Force) -ProjectId $labProject `
            -SecurityToken (ConvertTo-SecureString $SecurityToken -AsPlainText -Force) -PassThru -ErrorAction Stop
    }
}

AfterAll {
    Stop-TestEmulator $plain
    Stop-TestEmulator $lab
}

Describe 'Emulator start-up options' {
    BeforeEach { Reset-TestEmulator $lab }

    Context '--clock' {
        It 'stands still under manual until the admin API moves it forward' {
            $start = [DateTimeOffset](Invoke-Admin GET '/clock').Body.now
            Invoke-Api GET '/v1/instances/sku?type=0' | Out-Null
            [DateTimeOffset](Invoke-Admin GET '/clock').Body.now | Should -Be $start

            $moved = Invoke-Admin POST '/clock' @{ advanceMs = 1500 }

            $moved.Status | Should -Be 200
            [DateTimeOffset]$moved.Body.now | Should -Be $start.AddMilliseconds(1500)
            (Invoke-Admin POST '/clock' @{ advanceMs = -1 }).Status | Should -Be 400
            [DateTimeOffset](Invoke-Admin GET '/clock').Body.now | Should -Be $start.AddMilliseconds(1500)
        }

        It 'follows real time by default and refuses to be moved' {
            (Invoke-Admin GET '/clock' -Target $plain).Body.manual | Should -BeFalse
            (Invoke-Admin POST '/clock' @{ advanceMs = 1 } -Target $plain).Status | Should -Be 409
        }
    }

    Context 'the tenant' {
        It 'issues tokens to --iam-user, --iam-password and --iam-domain only, scoped to --project-name and --project-id' {
            $byName = Request-IamToken 'lab-user' 'lab-password' 'lab-domain' @{ name = 'lab-project' }
            $byName.Status | Should -Be 201
            $byName.Body.token.project.id | Should -Be $labProject
            $byName.Body.token.user.name | Should -Be 'lab-user'
            (Request-IamToken 'lab-user' 'lab-password' 'lab-domain' @{ id = $labProject }).Status | Should -Be 201

            (Request-IamToken 'emulator-user' 'emulator-password' 'emulator-domain' @{ name = 'lab-project' }).Status | Should -Be 401
            (Request-IamToken 'lab-user' 'lab-password' 'lab-domain' @{ name = 'cn-north-4' }).Status | Should -Not -Be 201
        }

        It 'gives every instance --project-id and --project-name' {
            $rows = (Invoke-Api GET '/v1/instances/batch-query?page_no=1&page_size=5').Body.data.result
            $rows | ForEach-Object { $_.project_id | Should -Be $labProject; $_.project_name | Should -Be 'lab-project' }
        }

        It 'accepts requests signed with --access-key and --secret-key that carry --security-token' {
            $context = Connect-Lab
            @(Get-KooPhoneInstance -Context $context -Name 'phone-0000[1-3]') | Should -HaveCount 3
        }

        It 'refuses another access key, or another security token' {
            { Get-KooPhoneInstance -Context (Connect-Lab -AccessKey 'emulator-ak') -ErrorAction Stop } | Should -Throw '*APIGW.0301*'
            { Get-KooPhoneInstance -Context (Connect-Lab -SecurityToken 'other-st') -ErrorAction Stop } | Should -Throw '*APIGW.0301*'
        }
    }

    Context 'answers' {
        It 'answers reset and unassign tasks as unknown under --task-query-unsupported, and backup tasks still' {
            $ids = @((Invoke-Api GET '/v1/instances/batch-query?page_no=1&page_size=2').Body.data.result.instance_id)
            $reset = (Invoke-Api POST '/v1/instances/batch-reset' @{ instance_ids = @($ids[0]) }).Body.data.task_id
            $backup = (Invoke-Api POST '/v1/instances/backup' @{ instance_ids = @($ids[1]) }).Body.data.task_id

            (Invoke-Api GET "/v1/instances/tasks/$reset").Body.error_code | Should -Be 'KOOPHONE.API.1323'
            (Invoke-Api GET "/v1/instances/tasks/$backup").Body.error_code | Should -Be '0'
        }

        It 'answers InstallApp in the older nested shape under --install-response nested' {
            $id = (Invoke-Api GET '/v1/instances/batch-query?page_no=1&page_size=1').Body.data.result[0].instance_id
            $install = @{
                fast_install = '0'; object_name = 'com.example.nested'; file_name = 'n.apk'; object_version = '1.0'; object_size = '1'
                biz_type = 'apk'; install_package_url = 'https://bucket.invalid/n.apk'; instance_id_list = @($id)
            }

            $data = (Invoke-Api POST '/v1/instances/app/install' $install).Body.data

            $data.data.task_id | Should -Not -BeNullOrEmpty
            $data.PSObject.Properties.Name | Should -Not -Contain 'task_id'
        }

        It 'keeps only the --request-log-limit newest requests' {
            Invoke-Api GET '/v1/instances/sku?type=0' | Out-Null
            Invoke-Api POST '/v1/instances/session/release' @{ instance_id = 'nosuch1' } | Out-Null
            Invoke-Api POST '/v1/instances/streaming/stop' @{ instance_id = 'nosuch1' } | Out-Null

            @(Get-EmulatorRequest $lab).path | Should -Be @('/v1/instances/session/release', '/v1/instances/streaming/stop')
        }
    }

    Context 'the fleet' {
        It 'creates --listing-churn instances before answering each listing' {
            $first = (Invoke-Api GET '/v1/instances/batch-query?page_no=1&page_size=100').Body.data
            $second = (Invoke-Api GET '/v1/instances/batch-query?page_no=1&page_size=100').Body.data

            $first.total_count | Should -Be 11
            $second.total_count | Should -Be 12
            $second.result[-1].instance_name | Should -Be 'churn-2'
        }

        It 'seeds other instances under another --seed, the same ones again after a reset' {
            $seeded = { param($target) @((Invoke-Api GET '/v1/instances/batch-query?page_no=1&page_size=5' -Target $target).Body.data.result.instance_id) }
            $labIds = & $seeded $lab
            Reset-TestEmulator $lab

            & $seeded $lab | Should -Be $labIds
            @(Compare-Object $labIds (& $seeded $plain) -IncludeEqual -ExcludeDifferent) | Should -HaveCount 0
        }
    }
}
