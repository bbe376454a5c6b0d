# Module manifest for KooPhone. build.ps1 copies it to out/KooPhone/ and stamps ModuleVersion
# from Directory.Build.props, the one place the version is kept.
@{
    RootModule             = 'KooPhone.dll'
    # Loaded first: it keeps the engine and its libraries in a private load context.
    NestedModules          = @('KooPhone.Loader.dll')
    ModuleVersion          = '0.0.0'
    GUID                   = '5b8f3f3e-5d0c-4f55-9a55-0e6f6f2a7c11'
    Author                 = 'KooPhone.PowerShell contributors'
    CompanyName            = 'KooPhone.PowerShell'
    Copyright              = '(c) KooPhone.PowerShell contributors. MIT licence.'
    Description            = 'Run fleets of Huawei Cloud KooPhone cloud phones from PowerShell: pipeline batching, concurrency, -WhatIf, task waiting and typed output over the KooPhone API.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('KooPhone.Format.ps1xml')
    TypesToProcess         = @('KooPhone.Types.ps1xml')
    CmdletsToExport        = @(
        'Connect-KooPhone'
        'Disconnect-KooPhone'
        'Get-KooPhoneApp'
        'Install-KooPhoneApp'
        'Invoke-KooPhoneCommand'
        'Start-KooPhoneCommand'
        'Get-KooPhoneContext'
        'Select-KooPhoneContext'
        'Get-KooPhoneRun'
        'Get-KooPhoneDeviceToken'
        'Backup-KooPhoneInstance'
        'Get-KooPhoneInstance'
        'Grant-KooPhoneInstance'
        'New-KooPhoneInstance'
        'Remove-KooPhoneInstance'
        'Reset-KooPhoneInstance'
        'Restart-KooPhoneInstance'
        'Restore-KooPhoneInstance'
        'Revoke-KooPhoneInstance'
        'Get-KooPhoneInstanceStatus'
        'Get-KooPhonePrepareProgress'
        'Stop-KooPhoneSession'
        'Get-KooPhoneSku'
        'Stop-KooPhoneStreaming'
        'Get-KooPhoneTask'
        'Wait-KooPhoneTask'
        'New-KooPhoneVideoSetting'
        'Set-KooPhoneVideoSetting'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags       = @('KooPhone', 'HuaweiCloud', 'CloudPhone', 'Automation', 'PSEdition_Desktop', 'PSEdition_Core')
            LicenseUri = 'https://opensource.org/licenses/MIT'
        }
    }
}
