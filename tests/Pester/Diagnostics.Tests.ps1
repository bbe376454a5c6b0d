# What the module tells the service and the user about each call: its User-Agent, the request ids, and errors in every shape.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:emulator = Start-TestEmulator -Instances 20 -JobDelayMs 200
    Connect-TestEmulator $emulator
    $script:ids = @((Get-KooPhoneInstance).InstanceId)
    $script:moduleVersion = (Get-Module KooPhone).Version.ToString()
}

AfterAll {
    Disconnect-KooPhone
    Stop-TestEmulator $emulator
}

Describe 'The User-Agent' {
    It 'names the module, its version and the PowerShell edition and version on every call' {
        Clear-EmulatorRequest $emulator
        $null = Get-KooPhoneInstance
        $null = $ids[0] | Restart-KooPhoneInstance -Confirm:$false
        $expected = "KooPhone/$moduleVersion PowerShell/$($PSVersionTable.PSVersion) ($($PSVersionTable.PSEdition))"
        $sent = @(Get-EmulatorRequest $emulator)
        $sent.Count | Should -BeGreaterOrEqual 2
        $sent | ForEach-Object { $_.userAgent | Should -Be $expected }
    }

    It 'is sent to IAM as well, on the project lookup' {
        $context = Connect-KooPhone -Endpoint $emulator.Url -IamEndpoint $emulator.Url -AccessKey 'emulator-ak' -SecretKey (ConvertTo-SecureString 'emulator-sk' -AsPlainText -Force) -PassThru
        try {
            $lookup = @(Get-EmulatorRequest $emulator -Path '/v3/projects')[-1]
            $lookup.userAgent | Should -BeLike "KooPhone/$moduleVersion PowerShell/*"
        }
        finally { Disconnect-KooPhone -Context $context; Connect-TestEmulator $emulator }
    }
}

Describe 'Request ids' {
    BeforeEach { Reset-TestEmulator $emulator; Clear-EmulatorRequest $emulator }
    AfterEach { Set-EmulatorOption $emulator @{ responseRequestId = 'echo' } | Out-Null }

    It 'keeps the id it sent as RequestId and adds the service''s own as ServiceRequestId when the answer carries another' {
        Set-EmulatorOption $emulator @{ responseRequestId = 'own' } | Out-Null
        $result = $ids[0] | Restart-KooPhoneInstance -Confirm:$false
        $sent = @(Get-EmulatorRequest $emulator -Path '/v1/instances/reboot')
        $sent | Should -HaveCount 1
        $result.RequestId | Should -Be $sent[0].requestId
        $result.ServiceRequestId | Should -Not -BeNullOrEmpty
        $result.ServiceRequestId | Should -Not -Be $result.RequestId
    }

    It 'leaves ServiceRequestId empty when the service echoes the id' {
        $result = $ids[0] | Restart-KooPhoneInstance -Confirm:$false
        $result.RequestId | Should -Be (Get-EmulatorRequest $emulator -Path '/v1/instances/reboot')[0].requestId
        $result.ServiceRequestId | Should -BeNullOrEmpty
    }

    It 'carries both ids on task results and on errors' {
        Set-EmulatorOption $emulator @{ responseRequestId = 'own' } | Out-Null
        $job = $ids[1] | Backup-KooPhoneInstance -Force
        $job.ServiceRequestId | Should -Not -BeNullOrEmpty
        $job.RequestId | Should -Be (Get-EmulatorRequest $emulator -Path '/v1/instances/backup')[0].requestId

        $null = Backup-KooPhoneInstance -InstanceId 'nosuch01' -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $error1 = $problems[0].Exception
        $error1.RequestId | Should -Be (Get-EmulatorRequest $emulator -Path '/v1/instances/backup')[-1].requestId
        $error1.ServiceRequestId | Should -Not -BeNullOrEmpty
        $error1.ServiceRequestId | Should -Not -Be $error1.RequestId
        $problems[0].ToString() | Should -BeLike "*service request id $($error1.ServiceRequestId)*"
    }
}

Describe 'Error shapes' {
    BeforeEach { Reset-TestEmulator $emulator; Clear-EmulatorFault $emulator }
    AfterEach { Clear-EmulatorFault $emulator }

    It 'reads IAM''s {"error":{"code","message","title"}} as the code and message, the code as IAM wrote it' {
        Set-EmulatorFault $emulator @(@{ kind = 'iam'; path = '/v1/instances/batch-query'; times = 1 })
        $failure = { Get-KooPhoneInstance -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike '403,*'
        $failure.Exception.ErrorCode | Should -BeExactly '403'
        $failure.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failure.Exception.ErrorMessage | Should -Be 'You do not have permission to perform the requested action.'
    }

    It 'reads the gateway''s error_code, error_msg and request_id' {
        Set-EmulatorOption $emulator @{ responseRequestId = 'own' } | Out-Null
        try {
            $failure = { Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString 'not-a-token' -AsPlainText -Force) } | Should -Throw -PassThru
        }
        finally { Set-EmulatorOption $emulator @{ responseRequestId = 'echo' } | Out-Null }
        $failure.FullyQualifiedErrorId | Should -BeLike 'APIGW.0301*'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.Exception.ErrorMessage | Should -BeLike 'Incorrect IAM authentication information*'
        $failure.Exception.ServiceRequestId | Should -Not -BeNullOrEmpty
        $failure.Exception.ServiceRequestId | Should -Not -Be $failure.Exception.RequestId
    }

    It 'keeps what a <shape> body says: <code>, its message, and no invented prefix' -ForEach @(
        @{ shape = 'camel'; code = 'KP.0042'; status = 400; message = 'The request names an instance twice.' }
        @{ shape = 'plain'; code = 'KP.0043'; status = 400; message = 'The request body is too large.' }
        @{ shape = 'nested'; code = 'APIGW.0302'; status = 403; message = 'The IAM user is not authorized to access the API.' }
        @{ shape = 'text'; code = 'HTTP.502'; status = 502; message = 'upstream connect error or disconnect/reset before headers. reset reason: connection termination' }
        @{ shape = 'other'; code = 'HTTP.400'; status = 400; message = '{"status":"failed","reason":"The request was refused in a shape no SDK reads."}' }
    ) {
        # No retries, so the one answer is the shaped one.
        $once = Connect-KooPhone -Endpoint $emulator.Url -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force) -MaxRetryCount 0 -PassThru
        Set-EmulatorFault $emulator @(@{ kind = 'shape'; shape = $shape; path = '/v1/instances/batch-query' })
        $failure = { Get-KooPhoneInstance -Context $once -ErrorAction Stop } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -BeLike "$code,*"
        $failure.Exception.ErrorCode | Should -BeExactly $code
        $failure.Exception.HttpStatus | Should -Be $status
        $failure.Exception.ErrorMessage | Should -BeExactly $message
        $failure.ToString() | Should -Not -Match 'gave no message|IAM\.'
    }

    It 'keeps the encoded reason and the details of a policy denial, in the error and on the exception' {
        Set-EmulatorFault $emulator @(@{ kind = 'shape'; shape = 'denied'; path = '/v1/instances/backup' })
        $null = $ids[0] | Backup-KooPhoneInstance -Force -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems | Should -HaveCount 1
        $problem = $problems[0]
        $problem.FullyQualifiedErrorId | Should -BeLike 'APIGW.0302,*'
        $problem.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $problem.TargetObject | Should -Be $ids[0]
        $denial = $problem.Exception
        $denial.ErrorMessage | Should -Be 'The IAM user is not authorized to access the API.'
        # Opaque to the module; the emulator's encoding names the call it denied.
        $decoded = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($denial.EncodedAuthorizationMessage)) | ConvertFrom-Json
        $decoded.decision | Should -Be 'deny'
        $decoded.method | Should -Be 'POST'
        $decoded.path | Should -Be '/v1/instances/backup'
        $denial.Details | Should -HaveCount 1
        $denial.Details[0].ErrorCode | Should -Be 'IAM.0003'
        $denial.Details[0].ErrorMessage | Should -Be 'No identity policy allows the action.'
        $text = $problem.ToString()
        $text | Should -Match ([regex]::Escape($denial.EncodedAuthorizationMessage))
        $text | Should -Match 'Details: IAM.0003: No identity policy allows the action'
        $problem.ErrorDetails.RecommendedAction | Should -Match 'decode-authorization-message'
    }

    It 'reads the encoded reason inside a nested error as well' {
        Set-EmulatorFault $emulator @(@{ kind = 'shape'; shape = 'nested'; path = '/v1/instances/batch-query' })
        $failure = { Get-KooPhoneInstance -ErrorAction Stop } | Should -Throw -PassThru
        $decoded = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($failure.Exception.EncodedAuthorizationMessage)) | ConvertFrom-Json
        $decoded.path | Should -Be '/v1/instances/batch-query'
    }
}

Describe 'IAM''s errors' {
    BeforeEach { Disconnect-KooPhone; Clear-EmulatorFault $emulator }
    AfterEach { Clear-EmulatorFault $emulator; Connect-TestEmulator $emulator }

    It 'names IAM''s trace id and keeps IAM''s code as it wrote it on a wrong password' {
        $wrong = [pscredential]::new('emulator-user', (ConvertTo-SecureString 'not-the-password' -AsPlainText -Force))
        $failure = { Connect-KooPhone -Endpoint $emulator.Url -IamEndpoint $emulator.Url -Credential $wrong -DomainName 'emulator-domain' -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike '401,*'
        $failure.Exception.IamTraceId | Should -Match '^[0-9a-f]{32}$'
        $failure.ToString() | Should -Match "IAM trace id $($failure.Exception.IamTraceId)"
        $failure.Exception.Message | Should -Match "IAM trace id $($failure.Exception.IamTraceId)"
    }

    It 'reads a <shape> body from the token endpoint with its trace id and no invented prefix' -ForEach @(
        @{ shape = 'nested'; code = 'APIGW.0302' }
        @{ shape = 'camel'; code = 'KP.0042' }
        @{ shape = 'text'; code = 'HTTP.502' }
    ) {
        Set-EmulatorFault $emulator @(@{ kind = 'shape'; shape = $shape; path = '/v3/auth/tokens' })
        $failure = { Connect-KooPhone -Endpoint $emulator.Url -IamEndpoint $emulator.Url -Credential ([pscredential]::new('emulator-user', (ConvertTo-SecureString 'emulator-password' -AsPlainText -Force))) -DomainName 'emulator-domain' -MaxRetryCount 0 -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike "$code,*"
        $failure.Exception.Operation | Should -Be 'KeystoneCreateUserTokenByPassword'
        $failure.Exception.IamTraceId | Should -Not -BeNullOrEmpty
        $failure.ToString() | Should -Match "IAM trace id $($failure.Exception.IamTraceId)"
        $failure.ToString() | Should -Not -Match 'gave no message|IAM\.APIGW'
    }

    It 'names the trace id of the project lookup, refused or finding no project' {
        Set-EmulatorFault $emulator @(@{ kind = 'shape'; shape = 'denied'; path = '/v3/projects' })
        $failure = { Connect-KooPhone -Endpoint $emulator.Url -IamEndpoint $emulator.Url -Region 'cn-north-4' -AccessKey 'emulator-ak' -SecretKey (ConvertTo-SecureString 'emulator-sk' -AsPlainText -Force) -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'APIGW.0302,*'
        $failure.Exception.EncodedAuthorizationMessage | Should -Not -BeNullOrEmpty
        $failure.Exception.IamTraceId | Should -Not -BeNullOrEmpty
        $lookup = @(Get-EmulatorRequest $emulator -Path '/v3/projects')[-1]
        $lookup.fault | Should -Be 'shape'
        $lookup.errorCode | Should -Be 'APIGW.0302'

        Clear-EmulatorFault $emulator
        $failure = { Connect-KooPhone -Endpoint $emulator.Url -IamEndpoint $emulator.Url -Region 'cn-noth-4' -AccessKey 'emulator-ak' -SecretKey (ConvertTo-SecureString 'emulator-sk' -AsPlainText -Force) -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'KooPhone.NoProjectForRegion,*'
        $failure.ToString() | Should -Match "IAM trace id $($failure.Exception.IamTraceId)"
        $failure.Exception.IamTraceId | Should -Not -BeNullOrEmpty
    }
}
