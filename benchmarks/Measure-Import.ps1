<#
    Imports the module in this fresh pwsh process, then runs a first cmdlet that loads the engine
    (KooPhone.Client) but opens no journal, timing both from inside the process once its own start
    has settled: for a while after the start, pwsh's background start-up work competes with the
    import, which then varies far more from run to run. Reports the Azure assemblies loaded by then
    (they load only for a journal that is a blob URL, src/KooPhone.Client/Runs/JournalStores.cs).
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath
)
$ErrorActionPreference = 'Stop'
Start-Sleep -Milliseconds 1500
$clock = [Diagnostics.Stopwatch]::StartNew()
Import-Module $ModulePath
$import = $clock.Elapsed.TotalMilliseconds
Get-KooPhoneContext -ErrorAction SilentlyContinue | Out-Null
$firstUse = $clock.Elapsed.TotalMilliseconds
$loaded = [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name
if ($loaded -notcontains 'KooPhone.Client') { throw 'Get-KooPhoneContext did not load the engine (KooPhone.Client).' }
[pscustomobject]@{
    ImportMilliseconds = [math]::Round($import, 1)
    FirstUseMilliseconds = [math]::Round($firstUse, 1)
    Azure = @($loaded -like 'Azure.*')
} | ConvertTo-Json -Compress
