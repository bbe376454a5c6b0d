# Every output type has a default view, and the views really format.
BeforeDiscovery {
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:outputTypes = @(Get-Command -Module KooPhone | ForEach-Object { $_.OutputType.Type } | Where-Object { $_ } | Sort-Object FullName -Unique |
            ForEach-Object { @{ Type = $_; Name = $_.FullName } })
}

BeforeAll {
    Import-Module $env:KOOPHONE_TEST_MODULE -Force
    $script:formatFile = Join-Path (Split-Path (Get-Module KooPhone).Path) 'KooPhone.Format.ps1xml'
    $script:viewed = @(([xml](Get-Content -Raw $formatFile)).Configuration.ViewDefinitions.View | Where-Object { $_.TableControl } | ForEach-Object { $_.ViewSelectedBy.TypeName })
}

Describe 'Views' {
    It 'declares an output type on every cmdlet that writes objects' {
        $silent = @(Get-Command -Module KooPhone | Where-Object { -not $_.OutputType } | ForEach-Object Name)
        $silent | Should -BeNullOrEmpty
    }

    It 'has a default table view for <Name>' -ForEach $outputTypes {
        if ($Type -eq [void]) { return }
        $viewed | Should -Contain $Name
        # PowerShell loaded the view for the type, and uses it: the table's first column heads the output.
        $table = (Get-FormatData -TypeName $Name).FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] }
        $table | Should -Not -BeNullOrEmpty
        if ($Type.GetConstructor([type[]]@())) {
            $firstColumn = $table[0].Control.Headers[0].Label
            ([Activator]::CreateInstance($Type) | Out-String) | Should -Match $firstColumn
        }
    }
}
