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
        # What PowerShell Gallery shows; Publish-PSResource copies it into the .nupkg's nuspec.
        PSData = @{
            Tags         = @('KooPhone', 'Huawei', 'HuaweiCloud', 'CloudPhone', 'Android', 'Automation', 'PSEdition_Desktop', 'PSEdition_Core')
            # The licence itself is the LICENSE file inside the module (and so inside the .zip and
            # the .nupkg), with the copyright line. This address is the MIT text's own, kept at the
            # Open Source Initiative: a link for the gallery's licence field, not a project address.
            # ProjectUri, IconUri and HelpInfoURI are left out: the project has no public address yet.
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            # Starts with the version it describes (Package.Tests.ps1 checks it against ModuleVersion).
            ReleaseNotes = '0.1.0: first release. A cmdlet for every KooPhone operation; pipeline input cut into calls of up to 100 ids, several at once; -WhatIf and -Confirm on every change; -Wait follows tasks to their end; -JournalPath makes reruns safe after Ctrl+C; Get-KooPhoneRun keeps what each id became; log in with a token, an IAM password or an access key; libraries kept private so Az and Microsoft.Graph load side by side. Get-Help about_KooPhone to start.'
        }
    }
}
