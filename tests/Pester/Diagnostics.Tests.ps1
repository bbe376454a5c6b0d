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

    It 'reads IAM''s {"error":{"code","message","title"}} as the code and message' {
        Set-EmulatorFault $emulator @(@{ kind = 'iam'; path = '/v1/instances/batch-query'; times = 1 })
        $failure = { Get-KooPhoneInstance -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'IAM.403*'
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
}
