# The house style of .editorconfig holds for every C# project of the solution: the formatter
# (dotnet format, which reads .editorconfig) has nothing to change. When this fails, run
# `dotnet format KooPhone.PowerShell.sln` and commit what it changed.
BeforeAll {
    $script:root = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../..'))
}

Describe 'House style' {
    It 'leaves nothing for dotnet format to change in the solution' {
        $solution = Join-Path $root 'KooPhone.PowerShell.sln'
        # The build has restored the solution already; --no-restore keeps the check offline.
        $report = @(& dotnet format $solution --verify-no-changes --no-restore 2>&1 | ForEach-Object { "$_" })
        $complaints = @($report | Where-Object { $_ -match ': (error|warning) ' } | ForEach-Object { $_ -replace [regex]::Escape($root), '.' })
        $complaints | Should -BeNullOrEmpty -Because 'dotnet format KooPhone.PowerShell.sln fixes these'
        $LASTEXITCODE | Should -Be 0 -Because ($report -join [Environment]::NewLine)
    }
}
