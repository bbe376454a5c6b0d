# AK/SK without a project id: the project is looked up from the region through IAM, as Huawei's SDKs do.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KooPhoneTestHelpers.psm1') -Force
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:emulator = Start-TestEmulator -Instances 20 -JobDelayMs 200
    # A second emulator stands for a separate IAM host: -IamEndpoint must send the lookup there.
    $script:iam = Start-TestEmulator -Instances 0
    $script:projectId = '0123456789abcdef0123456789abcdef'
    $script:secretKey = 'emulator-sk'
    $script:lookupPath = '/v3/projects'

    # CmdletBinding, so -Verbose and -Debug reach Connect-KooPhone through the preference variables.
    function Connect-WithoutProject {
        [CmdletBinding()]
        param($target, [string] $IamEndpoint = $target.Url, [string] $Region = 'cn-north-4', [string] $Secret = $secretKey)
        Connect-KooPhone -Endpoint $target.Url -IamEndpoint $IamEndpoint -Region $Region -AccessKey 'emulator-ak' -SecretKey (ConvertTo-SecureString $Secret -AsPlainText -Force) -PassThru -ErrorAction Stop
    }
    $script:variables = 'KOOPHONE_TOKEN', 'KOOPHONE_ENDPOINT', 'HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_PROJECT_ID', 'HUAWEICLOUD_SDK_REGION', 'HUAWEICLOUD_SDK_IAM_ENDPOINT'
    $script:savedEnvironment = @{}
    foreach ($name in $variables) { $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name) }
}

AfterAll {
    Disconnect-KooPhone
    foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
    Stop-TestEmulator $emulator
    Stop-TestEmulator $iam
}

Describe 'Looking up the project of the region' {
    BeforeEach {
        Disconnect-KooPhone
        foreach ($name in $variables) { [Environment]::SetEnvironmentVariable($name, $null) }
        Clear-EmulatorRequest $emulator
        Clear-EmulatorRequest $iam
    }

    It 'asks IAM once, signed, names the project in -Verbose and keeps it for later commands' {
        $verbose = Connect-WithoutProject $emulator -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Out-String
        $context = Get-KooPhoneContext
        $context.ProjectId | Should -Be $projectId
        $verbose | Should -Match "Project $projectId is the project named 'cn-north-4', looked up through IAM"

        $lookups = @(Get-EmulatorRequest $emulator -Path $lookupPath)
        $lookups | Should -HaveCount 1
        $lookups[0].method | Should -Be 'GET'
        $lookups[0].query | Should -Be '?name=cn-north-4'
        $lookups[0].auth | Should -Be 'signature'
        $lookups[0].status | Should -Be 200

        Get-KooPhoneInstance | Should -HaveCount 20
        Get-KooPhoneInstance -InstanceId (Get-KooPhoneInstance | Select-Object -First 1).InstanceId | Should -HaveCount 1
        @(Get-EmulatorRequest $emulator -Path $lookupPath) | Should -HaveCount 1
        # The KooPhone calls carried the project the lookup found, and the gateway accepted their signatures.
        @(Get-EmulatorRequest $emulator | Where-Object { $_.path -like '/v1/*' -and $_.status -ne 200 }) | Should -HaveCount 0
    }

    It 'asks the IAM host -IamEndpoint names, not the KooPhone one' {
        $null = Connect-WithoutProject $emulator -IamEndpoint $iam.Url
        @(Get-EmulatorRequest $iam -Path $lookupPath) | Should -HaveCount 1
        @(Get-EmulatorRequest $emulator -Path $lookupPath) | Should -HaveCount 0
        Get-KooPhoneInstance | Should -HaveCount 20
    }

    It 'looks the project up for AK/SK from the environment at HUAWEICLOUD_SDK_IAM_ENDPOINT, once for several commands' {
        $env:KOOPHONE_ENDPOINT = $emulator.Url
        $env:HUAWEICLOUD_SDK_AK = 'emulator-ak'
        $env:HUAWEICLOUD_SDK_SK = $secretKey
        $env:HUAWEICLOUD_SDK_REGION = 'cn-north-4'
        $env:HUAWEICLOUD_SDK_IAM_ENDPOINT = $iam.Url

        $verbose = Get-KooPhoneInstance -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Out-String
        $verbose | Should -Match "Project $projectId is the project named 'cn-north-4'"
        Get-KooPhoneInstance | Should -HaveCount 20
        (Get-KooPhoneContext).ProjectId | Should -Be $projectId
        @(Get-EmulatorRequest $iam -Path $lookupPath) | Should -HaveCount 1
        @(Get-EmulatorRequest $emulator -Path $lookupPath) | Should -HaveCount 0
    }

    It 'takes HUAWEICLOUD_SDK_IAM_ENDPOINT for Connect-KooPhone without -IamEndpoint' {
        $env:HUAWEICLOUD_SDK_IAM_ENDPOINT = $iam.Url
        $null = Connect-KooPhone -Endpoint $emulator.Url -AccessKey 'emulator-ak' -SecretKey (ConvertTo-SecureString $secretKey -AsPlainText -Force) -ErrorAction Stop
        @(Get-EmulatorRequest $iam -Path $lookupPath) | Should -HaveCount 1
    }

    It 'does not look anything up when -ProjectId is given' {
        $null = Connect-KooPhone -Endpoint $emulator.Url -IamEndpoint $iam.Url -AccessKey 'emulator-ak' -SecretKey (ConvertTo-SecureString $secretKey -AsPlainText -Force) -ProjectId $projectId -ErrorAction Stop
        @(Get-EmulatorRequest $iam -Path $lookupPath) | Should -HaveCount 0
        @(Get-EmulatorRequest $emulator -Path $lookupPath) | Should -HaveCount 0
    }
}

Describe 'When the lookup cannot name one project' {
    BeforeEach {
        Disconnect-KooPhone
        foreach ($name in $variables) { [Environment]::SetEnvironmentVariable($name, $null) }
        Clear-EmulatorRequest $emulator
    }

    It 'says there is no project for a region the account has none in, and sends nothing to KooPhone' {
        $failure = { Connect-WithoutProject $emulator -Region 'cn-south-1' } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'KooPhone.NoProjectForRegion*'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.ToString() | Should -BeLike "*no project named 'cn-south-1'*-ProjectId*"
        Get-KooPhoneContext | Should -BeNullOrEmpty
        @(Get-EmulatorRequest $emulator | Where-Object path -like '/v1/*') | Should -HaveCount 0
    }

    It 'refuses to guess between several projects of that name, naming them' {
        $other = 'fedcba9876543210fedcba9876543210'
        $twin = Start-TestEmulator -Instances 0 -ExtraArguments '--iam-project', "cn-north-4=$other"
        try {
            $failure = { Connect-WithoutProject $emulator -IamEndpoint $twin.Url } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeLike 'KooPhone.SeveralProjectsForRegion*'
            $failure.ToString() | Should -BeLike "*$projectId*$other*"
            @(Get-EmulatorRequest $twin -Path $lookupPath) | Should -HaveCount 1
        }
        finally { Stop-TestEmulator $twin }
    }

    It 'reports IAM refusing the keys with the gateway''s code, once' {
        $failure = { Connect-WithoutProject $emulator -Secret 'not-the-secret' } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'APIGW.0301*'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.ToString() | Should -Match 'signature does not match'
        $lookups = @(Get-EmulatorRequest $emulator -Path $lookupPath)
        $lookups | Should -HaveCount 1
        $lookups[0].status | Should -Be 401
        $lookups[0].errorCode | Should -Be 'APIGW.0301'
        @(Get-EmulatorRequest $emulator | Where-Object path -like '/v1/*') | Should -HaveCount 0
    }

    It 'keeps the keys out of -Verbose, -Debug and the errors of the lookup' {
        $text = & {
            Connect-WithoutProject $emulator -Verbose -Debug | Format-List * -Force | Out-String
            Get-KooPhoneInstance -Verbose -Debug | Select-Object -First 1 | Out-String
            Disconnect-KooPhone
            try { Connect-WithoutProject $emulator -Secret 'wrong-Secr3t-x' -Verbose -Debug } catch { $_ | Format-List * -Force | Out-String; $_.Exception.ToString() }
            try { Connect-WithoutProject $emulator -Region 'cn-south-1' -Verbose -Debug } catch { $_ | Format-List * -Force | Out-String; $_.Exception.ToString() }
        } *>&1 | Out-String

        $text | Should -Match 'GET /v3/projects\?name=cn-north-4'     # the lookup's trace was captured
        $text | Should -Match $projectId                               # the project id is no secret
        $text | Should -Not -Match ([regex]::Escape($secretKey))
        $text | Should -Not -Match 'wrong-Secr3t-x'
        $text | Should -Not -Match 'Signature='
        $text | Should -Not -Match 'SDK-HMAC-SHA256 Access'
    }
}
