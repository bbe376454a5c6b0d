#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Writes the MAML help file of a binary module from its cmdlets' metadata and XML doc comments.

.DESCRIPTION
    One source of truth for Get-Help: the cmdlet classes. This script imports the built module,
    walks every cmdlet it exports and writes one <command:command> per cmdlet in the MAML schema
    that Get-Help reads for binary modules:

      - name, verb, noun, parameter sets, parameter attributes (mandatory, position, pipeline
        input, aliases, [SupportsWildcards], enum and [ValidateSet] values), input types and
        [OutputType] come from the cmdlet's metadata, as PowerShell itself sees it;
      - synopsis, description, examples and parameter descriptions come from the XML doc comments
        in the XmlDoc2CmdletDoc convention:
          class:     <summary><para type="synopsis">..</para><para type="description">..</para></summary>
                     <example><code>..</code><para>remarks</para></example> (one per example)
                     optional <para type="link" uri="https://..">text</para> in the summary
          parameter: <summary><para type="description">..</para></summary>
      - default values come from a fresh instance of the cmdlet class (simple types only).

    A parameter's doc comment is found through reflection: the property's DeclaringType (a
    generic base class is spelled with its arity, P:Ns.InstanceCmdlet`1.InstanceId), then the
    base classes above it, so docs written once on a shared base class serve every cmdlet.
    Output types are described by the <summary> of their class when its assembly's XML doc file
    (<AssemblyName>.xml) sits beside -XmlDocPath.

    The script fails (exit code 1, nothing written) and lists every gap when a cmdlet has no
    synopsis, no description, fewer than two examples, an example without code, no [OutputType],
    or a parameter without a description. Any other failure exits with code 2.

.PARAMETER ModuleManifest
    The built module's manifest (.psd1). The module is imported from it.

.PARAMETER XmlDocPath
    The XML doc file the compiler wrote for the cmdlet assembly (GenerateDocumentationFile).

.PARAMETER OutputPath
    The MAML file to write: <module folder>/<culture>/<cmdlet assembly file name>-Help.xml,
    e.g. out/KooPhone/en-US/KooPhone.dll-Help.xml. Its folder is created when missing.

.EXAMPLE
    dotnet pwsh -NoProfile -File tools/New-MamlHelp.ps1 -ModuleManifest out/KooPhone/KooPhone.psd1 -XmlDocPath out/staging/KooPhone.xml -OutputPath out/KooPhone/en-US/KooPhone.dll-Help.xml
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $XmlDocPath,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

# Added by PowerShell to every cmdlet; Get-Help describes them itself.
$commonParameters = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
foreach ($name in @([System.Management.Automation.Cmdlet]::CommonParameters) + @([System.Management.Automation.Cmdlet]::OptionalCommonParameters) +
    @('Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ProgressAction', 'ErrorVariable', 'WarningVariable',
        'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable', 'WhatIf', 'Confirm', 'UseTransaction')) {
    [void]$commonParameters.Add($name)
}

#region XML doc comments

# Member id -> XmlElement, from the given file and from the XML doc files beside it (other
# assemblies' docs, for the output types' descriptions).
$script:members = @{}

function Read-XmlDoc {
    param([string] $Path, [switch] $Primary)
    $document = [System.Xml.XmlDocument]::new()
    # Whitespace is kept so example code can be un-indented exactly (see Get-CodeText).
    $document.PreserveWhitespace = $true
    $document.XmlResolver = $null
    $document.Load($Path)
    foreach ($member in $document.SelectNodes('/doc/members/member')) {
        $id = $member.GetAttribute('name')
        if ($Primary -or -not $script:members.ContainsKey($id)) { $script:members[$id] = $member }
    }
}

function Get-DocId {
    # The XML doc id of a type or member: T:Ns.Outer.Inner, P:Ns.Generic`1.Property.
    param([type] $Type, [string] $Prefix = 'T', [string] $Member)
    if ($Type.IsGenericType -and -not $Type.IsGenericTypeDefinition) { $Type = $Type.GetGenericTypeDefinition() }
    $name = $Type.FullName
    if (-not $name) { $name = "$($Type.Namespace).$($Type.Name)" }
    $name = $name.Replace('+', '.')
    if ($Member) { return "${Prefix}:$name.$Member" }
    return "${Prefix}:$name"
}

function Get-InlineText {
    # The text of a doc node, with <see>, <paramref>, <c> and friends rendered as plain words.
    param([System.Xml.XmlNode] $Node)
    $text = [System.Text.StringBuilder]::new()
    foreach ($child in $Node.ChildNodes) {
        switch ($child.NodeType) {
            { $_ -in 'Text', 'CDATA', 'Whitespace', 'SignificantWhitespace' } { [void]$text.Append($child.Value) }
            'Element' {
                switch ($child.LocalName) {
                    'see' {
                        if ($child.HasAttribute('langword')) { [void]$text.Append($child.GetAttribute('langword')) }
                        elseif ($child.InnerText.Trim()) { [void]$text.Append((Get-InlineText $child)) }
                        elseif ($child.HasAttribute('cref')) { [void]$text.Append(($child.GetAttribute('cref') -replace '^\w:' -replace '\(.*$' -split '\.')[-1]) }
                        elseif ($child.HasAttribute('href')) { [void]$text.Append($child.GetAttribute('href')) }
                    }
                    'paramref' { [void]$text.Append('-' + $child.GetAttribute('name')) }
                    'typeparamref' { [void]$text.Append($child.GetAttribute('name')) }
                    default { [void]$text.Append((Get-InlineText $child)) }
                }
            }
        }
    }
    return $text.ToString()
}

function ConvertTo-FlowText {
    # A paragraph as one line: doc comments wrap their text over several source lines.
    param([string] $Text)
    return ($Text -replace '\s+', ' ').Trim()
}

function Get-TypedPara {
    param([System.Xml.XmlElement] $Member, [string] $Type)
    if (-not $Member) { return @() }
    @($Member.SelectNodes("summary/para[@type='$Type']") | ForEach-Object { ConvertTo-FlowText (Get-InlineText $_) } | Where-Object { $_ })
}

function Get-CodeText {
    # Example code as written: the compiler re-indents continuation lines by the member's
    # indentation in the XML file (that of the <example> tag), which is taken off again; relative
    # indentation (a script block's body) stays.
    param([System.Xml.XmlElement] $Code, [string] $BaseIndent)
    $lines = [System.Collections.Generic.List[string]]((Get-InlineText $Code) -split '\r?\n')
    for ($i = 1; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        $strip = 0
        while ($strip -lt $BaseIndent.Length -and $strip -lt $line.Length -and ($line[$strip] -eq ' ' -or $line[$strip] -eq "`t")) { $strip++ }
        $lines[$i] = $line.Substring($strip)
    }
    for ($i = 0; $i -lt $lines.Count; $i++) { $lines[$i] = $lines[$i].TrimEnd() }
    $leadingBlank = $false
    while ($lines.Count -gt 0 -and -not $lines[0]) { $lines.RemoveAt(0); $leadingBlank = $true }
    while ($lines.Count -gt 0 -and -not $lines[$lines.Count - 1]) { $lines.RemoveAt($lines.Count - 1) }
    if ($leadingBlank -and $lines.Count -gt 0) {
        # <code> on a line of its own: every line carries the same extra indentation.
        $common = ($lines | Where-Object { $_ } | ForEach-Object { $_.Length - $_.TrimStart().Length } | Measure-Object -Minimum).Minimum
        for ($i = 0; $i -lt $lines.Count; $i++) { if ($lines[$i]) { $lines[$i] = $lines[$i].Substring($common) } }
    }
    return $lines -join "`n"
}

function Get-Examples {
    param([System.Xml.XmlElement] $Member)
    if (-not $Member) { return @() }
    foreach ($example in $Member.SelectNodes('example')) {
        $indent = ''
        $previous = $example.PreviousSibling
        if ($previous -and $previous.NodeType -in 'Whitespace', 'SignificantWhitespace', 'Text') {
            $indent = ($previous.Value -split '\n')[-1] -replace '[^ \t]'
        }
        $code = @($example.SelectNodes('code') | ForEach-Object { Get-CodeText $_ $indent } | Where-Object { $_ }) -join "`n"
        $remarks = @($example.SelectNodes('para') | ForEach-Object { ConvertTo-FlowText (Get-InlineText $_) } | Where-Object { $_ })
        [pscustomobject]@{ Code = $code; Remarks = $remarks }
    }
}

function Get-Links {
    param([System.Xml.XmlElement] $Member)
    if (-not $Member) { return @() }
    foreach ($para in $Member.SelectNodes("summary/para[@type='link']")) {
        [pscustomobject]@{ Text = ConvertTo-FlowText (Get-InlineText $para); Uri = $para.GetAttribute('uri') }
    }
}

function Find-ParameterDoc {
    # The doc comment of a parameter: its property (or field) on the type that declares it, then
    # the same name on the base classes above it (an override or a `new` property without docs).
    param([type] $ImplementingType, [string] $Name)
    $flags = [System.Reflection.BindingFlags]'Public, Instance'
    $declared = @($ImplementingType.GetProperties($flags) | Where-Object Name -EQ $Name) + @($ImplementingType.GetFields($flags) | Where-Object Name -EQ $Name)
    $tried = [System.Collections.Generic.List[string]]::new()
    if ($declared.Count -eq 0) { return [pscustomobject]@{ Member = $null; Tried = @('(no public property or field of that name: a dynamic parameter?)') } }
    # The most derived declaration wins (a property hidden with `new` shows up twice).
    $member = $declared | Sort-Object { $depth = 0; $t = $_.DeclaringType; while ($t) { $depth++; $t = $t.BaseType }; -$depth } | Select-Object -First 1
    $prefix = if ($member -is [System.Reflection.FieldInfo]) { 'F' } else { 'P' }
    $type = $member.DeclaringType
    # Up to, not into, PowerShell's own classes (PSCmdlet, Cmdlet).
    $engine = [System.Management.Automation.Cmdlet].Assembly
    while ($type -and $type -ne [object] -and $type.Assembly -ne $engine) {
        $id = Get-DocId $type $prefix $Name
        $tried.Add($id)
        $doc = $script:members[$id]
        if ($doc -and (Get-TypedPara $doc 'description')) { return [pscustomobject]@{ Member = $doc; Tried = $tried } }
        $type = $type.BaseType
    }
    return [pscustomobject]@{ Member = $null; Tried = $tried }
}

function Get-TypeSummary {
    param([type] $Type)
    $doc = $script:members[(Get-DocId $Type)]
    if (-not $doc) { return '' }
    $summary = $doc.SelectSingleNode('summary')
    if (-not $summary) { return '' }
    $typed = @(Get-TypedPara $doc 'description')
    if ($typed) { return $typed -join ' ' }
    return ConvertTo-FlowText (Get-InlineText $summary)
}

#endregion

#region Metadata

function Get-ShortTypeName {
    # What Get-Help shows in <..>: String[], KooPhoneContext, Nullable[Int32].
    param([type] $Type)
    if ($Type.IsArray) { return (Get-ShortTypeName $Type.GetElementType()) + '[]' }
    if ($Type.IsGenericType) {
        $arguments = @($Type.GetGenericArguments() | ForEach-Object { Get-ShortTypeName $_ }) -join ', '
        return ($Type.Name -replace '`\d+$') + "[$arguments]"
    }
    return $Type.Name
}

function Get-FullTypeName {
    param([type] $Type)
    if ($Type.IsArray) { return (Get-FullTypeName $Type.GetElementType()) + '[]' }
    if ($Type.IsGenericType) {
        $arguments = @($Type.GetGenericArguments() | ForEach-Object { Get-FullTypeName $_ }) -join ', '
        return ($Type.GetGenericTypeDefinition().FullName -replace '`\d+$') + "[$arguments]"
    }
    if ($Type.FullName) { return $Type.FullName.Replace('+', '.') }
    return $Type.Name
}

function Get-AcceptedValues {
    # Enum names (of T, T[] or Nullable[T]) or [ValidateSet] values.
    param([type] $Type, $Attributes)
    $set = @($Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1)
    if ($set) { return @($set[0].ValidValues) }
    $core = $Type
    if ($core.IsArray) { $core = $core.GetElementType() }
    $underlying = [Nullable]::GetUnderlyingType($core)
    if ($underlying) { $core = $underlying }
    if ($core.IsEnum) { return @([Enum]::GetNames($core)) }
    return @()
}

function Format-PipelineInput {
    param([bool] $ByValue, [bool] $ByPropertyName)
    if ($ByValue -and $ByPropertyName) { return 'True (ByValue, ByPropertyName)' }
    if ($ByValue) { return 'True (ByValue)' }
    if ($ByPropertyName) { return 'True (ByPropertyName)' }
    return 'False'
}

function Format-Position {
    param([int] $Position)
    if ($Position -eq [int]::MinValue -or $Position -lt 0) { return 'named' }
    return [string]$Position
}

function Format-DefaultValue {
    # Only values that read well and are cheap to know; everything else is 'None'.
    param($Value)
    if ($null -eq $Value) { return 'None' }
    if ($Value -is [System.Management.Automation.SwitchParameter]) { return [string]$Value.IsPresent }
    if ($Value -is [string]) { if ($Value) { return $Value } else { return 'None' } }
    if ($Value -is [Array]) {
        if ($Value.Length -eq 0) { return 'None' }
        $items = @($Value | ForEach-Object { Format-DefaultValue $_ })
        if ($items -contains 'None') { return 'None' }
        return $items -join ', '
    }
    if ($Value -is [bool] -or $Value -is [enum] -or $Value -is [uri] -or $Value -is [timespan] -or $Value.GetType().IsPrimitive -or $Value -is [decimal]) {
        return [System.Convert]::ToString($Value, [System.Globalization.CultureInfo]::InvariantCulture)
    }
    return 'None'
}

function Get-DefaultValues {
    param([type] $Type, [string[]] $Names)
    $values = @{}
    $instance = $null
    try { $instance = [Activator]::CreateInstance($Type) } catch { return $values }
    try {
        foreach ($name in $Names) {
            try {
                $property = $Type.GetProperty($name)
                if ($property -and $property.CanRead) { $values[$name] = Format-DefaultValue $property.GetValue($instance) }
                else {
                    $field = $Type.GetField($name)
                    if ($field) { $values[$name] = Format-DefaultValue $field.GetValue($instance) }
                }
            }
            catch { }
        }
    }
    finally {
        if ($instance -is [IDisposable]) { try { $instance.Dispose() } catch { } }
    }
    return $values
}

function Get-SortedParameters {
    # Syntax order: positional by position, then mandatory, then the rest as declared.
    param($Parameters)
    $index = 0
    @($Parameters | ForEach-Object { [pscustomobject]@{ P = $_; I = $index++ } } |
            Sort-Object @{ Expression = { if ($_.P.Position -ge 0) { $_.P.Position } else { [int]::MaxValue } } },
            @{ Expression = { -not $_.P.IsMandatory } }, @{ Expression = { $_.I } } |
            ForEach-Object P)
}

#endregion

#region Model

function Get-CommandHelp {
    param([System.Management.Automation.CmdletInfo] $Command, [System.Collections.Generic.List[string]] $Problems)
    $type = $Command.ImplementingType
    $classDoc = $script:members[(Get-DocId $type)]
    $where = "$($Command.Name) ($(Get-DocId $type))"

    $synopsis = @(Get-TypedPara $classDoc 'synopsis')
    $description = @(Get-TypedPara $classDoc 'description')
    $examples = @(Get-Examples $classDoc)
    if (-not $classDoc) { $Problems.Add("${where}: no XML doc comment on the class.") }
    else {
        if (-not $synopsis) { $Problems.Add("${where}: no <para type=`"synopsis`"> in the class summary.") }
        if (-not $description) { $Problems.Add("${where}: no <para type=`"description`"> in the class summary.") }
        if ($examples.Count -lt 2) { $Problems.Add("${where}: $($examples.Count) <example>, at least 2 needed.") }
        for ($i = 0; $i -lt $examples.Count; $i++) {
            if (-not $examples[$i].Code) { $Problems.Add("${where}: example $($i + 1) has no <code>.") }
        }
    }
    if (-not $Command.OutputType -or $Command.OutputType.Count -eq 0) { $Problems.Add("$($Command.Name): no [OutputType] attribute ([OutputType(typeof(void))] for a cmdlet that writes nothing).") }

    # Parameter sets, default first; a cmdlet without named sets has one, __AllParameterSets.
    $sets = @($Command.ParameterSets | Sort-Object { -not $_.IsDefault })
    $ownNames = [System.Collections.Generic.List[string]]::new()
    foreach ($set in $sets) {
        foreach ($p in (Get-SortedParameters @($set.Parameters | Where-Object { -not $commonParameters.Contains($_.Name) }))) {
            if (-not $ownNames.Contains($p.Name)) { $ownNames.Add($p.Name) }
        }
    }
    $defaults = Get-DefaultValues $type $ownNames

    $parameters = foreach ($name in $ownNames) {
        $metadata = $Command.Parameters[$name]
        $infos = @($sets | ForEach-Object { $_.Parameters | Where-Object Name -EQ $name } | Select-Object -First 1)
        $infosBySet = @(foreach ($set in $sets) { foreach ($p in $set.Parameters) { if ($p.Name -eq $name) { [pscustomobject]@{ Set = $set.Name; P = $p } } } })
        $doc = Find-ParameterDoc $type $name
        $paramDescription = @(Get-TypedPara $doc.Member 'description')
        if (-not $paramDescription) {
            $Problems.Add("$($Command.Name) -${name}: no <para type=`"description`"> (looked for $($doc.Tried -join ', ')).")
        }
        $mandatory = @($infosBySet | ForEach-Object { $_.P.IsMandatory } | Sort-Object -Unique)
        $required = if ($mandatory.Count -eq 1) { ([string]$mandatory[0]).ToLowerInvariant() } else {
            # Mandatory in some sets only (the syntax shows which); Get-Help reads this as a boolean.
            'false'
        }
        $positions = @($infosBySet | ForEach-Object { $_.P.Position } | Where-Object { $_ -ge 0 } | Sort-Object -Unique)
        $byValue = [bool]@($infosBySet | Where-Object { $_.P.ValueFromPipeline })
        $byProp = [bool]@($infosBySet | Where-Object { $_.P.ValueFromPipelineByPropertyName })
        $isSwitch = $metadata.SwitchParameter
        [pscustomobject]@{
            Name           = $name
            Type           = $metadata.ParameterType
            IsSwitch       = $isSwitch
            Description    = $paramDescription
            Required       = $required
            Position       = if ($positions.Count) { [string]$positions[0] } else { 'named' }
            ByValue        = $byValue
            ByPropertyName = $byProp
            PipelineInput  = Format-PipelineInput $byValue $byProp
            Globbing       = [bool]@($infos[0].Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            Aliases        = @($metadata.Aliases)
            AcceptedValues = @(Get-AcceptedValues $metadata.ParameterType $infos[0].Attributes)
            DefaultValue   = if ($mandatory.Count -eq 1 -and $mandatory[0]) { 'None' } elseif ($defaults.ContainsKey($name)) { $defaults[$name] } else { 'None' }
        }
    }
    $byName = @{}
    foreach ($p in $parameters) { $byName[$p.Name] = $p }

    $syntax = foreach ($set in $sets) {
        $items = foreach ($p in (Get-SortedParameters @($set.Parameters | Where-Object { -not $commonParameters.Contains($_.Name) }))) {
            [pscustomobject]@{
                Parameter     = $byName[$p.Name]
                Required      = ([string]$p.IsMandatory).ToLowerInvariant()
                Position      = Format-Position $p.Position
                PipelineInput = Format-PipelineInput $p.ValueFromPipeline $p.ValueFromPipelineByPropertyName
            }
        }
        # -WhatIf and -Confirm read better in the syntax; their descriptions are PowerShell's.
        $risk = @($set.Parameters | Where-Object { $_.Name -in 'WhatIf', 'Confirm' } | ForEach-Object Name)
        [pscustomobject]@{ Name = $set.Name; Items = @($items); Risk = $risk }
    }

    $inputs = [System.Collections.Generic.List[object]]::new()
    foreach ($p in @($parameters | Where-Object ByValue)) {
        $pipedType = if ($p.Type.IsArray) { $p.Type.GetElementType() } else { $p.Type }
        $inputs.Add([pscustomobject]@{ Type = Get-FullTypeName $pipedType; Description = "Bound to -$($p.Name) by value." })
    }
    $byProperty = @($parameters | Where-Object ByPropertyName)
    if ($byProperty) {
        $names = @($byProperty | ForEach-Object {
                if ($_.Aliases) { "$($_.Name) (or $($_.Aliases -join ', '))" } else { $_.Name }
            })
        $inputs.Add([pscustomobject]@{
                Type        = 'System.Management.Automation.PSObject'
                Description = "Any object with the propert$(if ($names.Count -gt 1) { 'ies' } else { 'y' }) $($names -join ', '): bound by property name to the parameter$(if ($names.Count -gt 1) { 's' }) of the same name."
            })
    }
    if ($inputs.Count -eq 0) { $inputs.Add([pscustomobject]@{ Type = 'None'; Description = 'This cmdlet takes no input from the pipeline.' }) }

    $outputs = foreach ($output in @($Command.OutputType)) {
        $outputType = $output.Type
        if ($outputType -eq [void]) { [pscustomobject]@{ Type = 'None'; Description = 'This cmdlet writes no output.' }; continue }
        $text = if ($outputType) { Get-TypeSummary $outputType } else { '' }
        [pscustomobject]@{ Type = if ($outputType) { Get-FullTypeName $outputType } else { $output.Name }; Description = $text }
    }

    [pscustomobject]@{
        Name        = $Command.Name
        Verb        = $Command.Verb
        Noun        = $Command.Noun
        Synopsis    = if ($synopsis) { $synopsis -join ' ' } else { '' }
        Description = $description
        Syntax      = @($syntax)
        Parameters  = @($parameters)
        Inputs      = @($inputs)
        Outputs     = @($outputs)
        Examples    = $examples
        Links       = @(Get-Links $classDoc)
    }
}

#endregion

#region Writing

function Write-Para {
    param([System.Xml.XmlWriter] $Writer, [string[]] $Paras, [string] $Element = 'description')
    $Writer.WriteStartElement('maml', $Element, $ns.maml)
    $any = $false
    foreach ($para in $Paras) {
        if (-not $para) { continue }
        $Writer.WriteElementString('maml', 'para', $ns.maml, $para)
        $any = $true
    }
    if (-not $any) { $Writer.WriteElementString('maml', 'para', $ns.maml, '') }
    $Writer.WriteEndElement()
}

function Write-ParameterValue {
    param([System.Xml.XmlWriter] $Writer, $Parameter, [bool] $InSyntax)
    if ($Parameter.AcceptedValues) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $ns.command)
        foreach ($value in $Parameter.AcceptedValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $ns.command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('command', 'variableLength', $ns.command, 'false')
            $Writer.WriteString([string]$value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    # A switch shows as [-Force] in the syntax, and as -Force [<SwitchParameter>] under PARAMETERS.
    if ($Parameter.IsSwitch -and $InSyntax) { return }
    $Writer.WriteStartElement('command', 'parameterValue', $ns.command)
    $Writer.WriteAttributeString('required', $(if ($Parameter.IsSwitch) { 'false' } else { 'true' }))
    $Writer.WriteAttributeString('variableLength', $(if ($Parameter.Type.IsArray) { 'true' } else { 'false' }))
    $Writer.WriteString((Get-ShortTypeName $Parameter.Type))
    $Writer.WriteEndElement()
}

function Write-DevType {
    param([System.Xml.XmlWriter] $Writer, [string] $Name)
    $Writer.WriteStartElement('dev', 'type', $ns.dev)
    $Writer.WriteElementString('maml', 'name', $ns.maml, $Name)
    $Writer.WriteElementString('maml', 'uri', $ns.maml, '')
    $Writer.WriteEndElement()
}

function Write-Parameter {
    param([System.Xml.XmlWriter] $Writer, $Parameter, [string] $Required, [string] $Position, [string] $PipelineInput, [bool] $InSyntax)
    $Writer.WriteStartElement('command', 'parameter', $ns.command)
    $Writer.WriteAttributeString('required', $Required)
    $Writer.WriteAttributeString('variableLength', $(if ($Parameter.Type.IsArray) { 'true' } else { 'false' }))
    $Writer.WriteAttributeString('globbing', ([string]$Parameter.Globbing).ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $PipelineInput)
    $Writer.WriteAttributeString('position', $Position)
    $Writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $ns.maml, $Parameter.Name)
    Write-Para $Writer $Parameter.Description
    Write-ParameterValue $Writer $Parameter $InSyntax
    Write-DevType $Writer (Get-FullTypeName $Parameter.Type)
    $Writer.WriteElementString('dev', 'defaultValue', $ns.dev, $Parameter.DefaultValue)
    $Writer.WriteEndElement()
}

function Write-RiskParameter {
    param([System.Xml.XmlWriter] $Writer, [string] $Name)
    $Writer.WriteStartElement('command', 'parameter', $ns.command)
    foreach ($attribute in @(@('required', 'false'), @('variableLength', 'false'), @('globbing', 'false'), @('pipelineInput', 'False'), @('position', 'named'), @('aliases', $(if ($Name -eq 'WhatIf') { 'wi' } else { 'cf' })))) {
        $Writer.WriteAttributeString($attribute[0], $attribute[1])
    }
    $Writer.WriteElementString('maml', 'name', $ns.maml, $Name)
    $text = if ($Name -eq 'WhatIf') { 'Shows what would happen if the cmdlet runs. The cmdlet is not run.' } else { 'Prompts you for confirmation before running the cmdlet.' }
    Write-Para $Writer @($text)
    Write-DevType $Writer 'System.Management.Automation.SwitchParameter'
    $Writer.WriteElementString('dev', 'defaultValue', $ns.dev, 'False')
    $Writer.WriteEndElement()
}

function Write-Command {
    param([System.Xml.XmlWriter] $Writer, $Help, [string] $AboutTopic)
    $Writer.WriteStartElement('command', 'command', $ns.command)
    foreach ($prefix in 'maml', 'command', 'dev', 'MSHelp') { $Writer.WriteAttributeString('xmlns', $prefix, $null, $ns[$prefix]) }

    $Writer.WriteStartElement('command', 'details', $ns.command)
    $Writer.WriteElementString('command', 'name', $ns.command, $Help.Name)
    $Writer.WriteElementString('command', 'verb', $ns.command, $Help.Verb)
    $Writer.WriteElementString('command', 'noun', $ns.command, $Help.Noun)
    Write-Para $Writer @($Help.Synopsis)
    $Writer.WriteEndElement()

    Write-Para $Writer $Help.Description

    $Writer.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($item in $Help.Syntax) {
        $Writer.WriteStartElement('command', 'syntaxItem', $ns.command)
        $Writer.WriteElementString('maml', 'name', $ns.maml, $Help.Name)
        foreach ($entry in $item.Items) { Write-Parameter $Writer $entry.Parameter $entry.Required $entry.Position $entry.PipelineInput $true }
        foreach ($risk in $item.Risk) { Write-RiskParameter $Writer $risk }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($parameter in $Help.Parameters) { Write-Parameter $Writer $parameter $parameter.Required $parameter.Position $parameter.PipelineInput $false }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'inputTypes', $ns.command)
    foreach ($input in $Help.Inputs) {
        $Writer.WriteStartElement('command', 'inputType', $ns.command)
        Write-DevType $Writer $input.Type
        Write-Para $Writer @($input.Description)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'returnValues', $ns.command)
    foreach ($output in $Help.Outputs) {
        $Writer.WriteStartElement('command', 'returnValue', $ns.command)
        Write-DevType $Writer $output.Type
        Write-Para $Writer @($output.Description)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $ns.command)
    for ($i = 0; $i -lt $Help.Examples.Count; $i++) {
        $example = $Help.Examples[$i]
        $Writer.WriteStartElement('command', 'example', $ns.command)
        $Writer.WriteElementString('maml', 'title', $ns.maml, "-------------------------- Example $($i + 1) --------------------------")
        $Writer.WriteElementString('dev', 'code', $ns.dev, $example.Code)
        $Writer.WriteStartElement('dev', 'remarks', $ns.dev)
        foreach ($remark in $example.Remarks) { $Writer.WriteElementString('maml', 'para', $ns.maml, $remark) }
        # An empty last paragraph: Get-Help then leaves a blank line before the next example.
        $Writer.WriteElementString('maml', 'para', $ns.maml, '')
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $ns.command)
    $links = @($Help.Links)
    if ($AboutTopic) { $links += [pscustomobject]@{ Text = $AboutTopic; Uri = '' } }
    foreach ($link in $links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $ns.maml)
        $Writer.WriteElementString('maml', 'linkText', $ns.maml, $link.Text)
        $Writer.WriteElementString('maml', 'uri', $ns.maml, $link.Uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

#endregion

foreach ($path in $ModuleManifest, $XmlDocPath) {
    if (-not (Test-Path -LiteralPath $path -PathType Leaf)) {
        [Console]::Error.WriteLine("New-MamlHelp: '$path' does not exist.")
        exit 2
    }
}

$temporary = $null
try {
    $XmlDocPath = (Resolve-Path -LiteralPath $XmlDocPath).ProviderPath
    $OutputPath = [System.IO.Path]::GetFullPath($OutputPath, (Get-Location -PSProvider FileSystem).ProviderPath)

    # The other assemblies' doc files first, so the cmdlet assembly's own entries win.
    foreach ($sibling in Get-ChildItem -LiteralPath (Split-Path $XmlDocPath) -Filter *.xml -File) {
        if ($sibling.FullName -eq $XmlDocPath) { continue }
        try { Read-XmlDoc $sibling.FullName } catch { Write-Verbose "Skipped $($sibling.Name): $($_.Exception.Message)" }
    }
    Read-XmlDoc $XmlDocPath -Primary

    $module = Import-Module -Name (Resolve-Path -LiteralPath $ModuleManifest).ProviderPath -Force -PassThru -ErrorAction Stop | Select-Object -First 1
    $commands = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
    if ($commands.Count -eq 0) { throw "Module '$($module.Name)' exports no cmdlets." }

    # Every cmdlet links to the module's about topic when it sits beside the help file.
    $aboutName = "about_$($module.Name)"
    $aboutTopic = if ((Test-Path (Join-Path (Split-Path $OutputPath) "$aboutName.help.txt")) -or
        (Test-Path (Join-Path $module.ModuleBase "en-US/$aboutName.help.txt"))) { $aboutName } else { $null }

    $problems = [System.Collections.Generic.List[string]]::new()
    $helps = foreach ($command in $commands) { Get-CommandHelp $command $problems }
    if ($problems.Count -gt 0) {
        [Console]::Error.WriteLine("New-MamlHelp: the help of $($module.Name) is incomplete; nothing was written. Fix the XML doc comments (XmlDoc2CmdletDoc convention) or attributes:")
        foreach ($problem in $problems) { [Console]::Error.WriteLine("  - $problem") }
        exit 1
    }

    $directory = Split-Path $OutputPath
    if ($directory) { New-Item -ItemType Directory -Force $directory | Out-Null }
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.IndentChars = '  '
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $settings.NewLineChars = "`n"
    $temporary = "$OutputPath.$PID.tmp"
    $writer = [System.Xml.XmlWriter]::Create($temporary, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($help in $helps) { Write-Command $writer $help $aboutTopic }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
    Move-Item -LiteralPath $temporary -Destination $OutputPath -Force
    Write-Host "New-MamlHelp: wrote help for $($commands.Count) cmdlets of $($module.Name) to $OutputPath"
    exit 0
}
catch {
    [Console]::Error.WriteLine("New-MamlHelp: $($_.Exception.Message)")
    [Console]::Error.WriteLine($_.ScriptStackTrace)
    if ($temporary -and (Test-Path -LiteralPath $temporary)) { Remove-Item -LiteralPath $temporary -Force -ErrorAction SilentlyContinue }
    exit 2
}
