#Requires -Version 7.2
# The help as users read it (Get-Help), for every cmdlet the module exports: a synopsis, a description, every
# parameter documented with the syntax the cmdlet really has, at least one example; every cmdlet has its help data
# file (src/Oci.PowerShell/help/<Cmdlet>.psd1) and no data file documents a parameter that does not exist; the
# about_Oci topic covers discovery, drivers, credentials, every error id and TLS.

BeforeDiscovery {
    # The cmdlets the manifest exports (Module.Tests.ps1 checks that the imported module has exactly these).
    $Exported = (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../Oci.psd1')).CmdletsToExport
    $HelpFiles = @(Get-ChildItem (Join-Path $PSScriptRoot '../../src/Oci.PowerShell/help') -Filter '*.psd1' | ForEach-Object BaseName)
}

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    $HelpFolder = Join-Path $RepoRoot 'src/Oci.PowerShell/help'
    $Common = [System.Management.Automation.PSCmdlet]::CommonParameters

    function Get-Text {
        # The text of a help node's paragraphs.
        param($Node)
        (@($Node | ForEach-Object Text) -join ' ').Trim()
    }
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Help for <_>' -ForEach $Exported {
    BeforeAll {
        $name = $_
        $help = Get-Help $name -Full
        $command = Get-Command $name -Module Oci
        $parameters = @($command.Parameters.Values | Where-Object Name -notin $Common)
    }

    It 'has a synopsis, a description and at least one example with code' {
        $help.Synopsis.Trim() | Should -Not -BeNullOrEmpty
        $help.Synopsis.Contains("$name [") | Should -BeFalse -Because 'the generated synopsis is the syntax line: the MAML help was not found'
        Get-Text $help.Description | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 1
        @($help.Examples.Example | Where-Object { -not $_.Code.Trim() }).Count | Should -Be 0
    }

    It 'documents every parameter, and only those' {
        $parameters.Count | Should -BeGreaterOrEqual 1
        $documented = @($help.Parameters.Parameter | Where-Object { Get-Text $_.Description })
        @($parameters.Name | Where-Object { $_ -notin $documented.Name }) | Should -BeNullOrEmpty -Because 'every parameter has a description'
        @($help.Parameters.Parameter.Name | Where-Object { $_ -notin $parameters.Name }) | Should -BeNullOrEmpty -Because 'help names no parameter the cmdlet lacks'
    }

    It 'gives each parameter the syntax the cmdlet has (type, mandatory, position, pipeline input, wildcards)' {
        foreach ($p in $parameters) {
            $h = $help.Parameters.Parameter | Where-Object Name -eq $p.Name
            $sets = @($p.ParameterSets.Values)
            $h.type.name | Should -Be $p.ParameterType.FullName -Because "-$($p.Name)'s type"
            $h.required | Should -Be ("$(@($sets | Where-Object { -not $_.IsMandatory }).Count -eq 0)".ToLowerInvariant()) -Because "-$($p.Name) is mandatory in every set or not"
            $positions = @($sets | Where-Object Position -ge 0 | ForEach-Object Position | Sort-Object)
            $h.position | Should -Be $(if ($positions.Count) { "$($positions[0])" } else { 'named' }) -Because "-$($p.Name)'s position"
            $h.pipelineInput.Contains('ByValue') | Should -Be (@($sets | Where-Object ValueFromPipeline).Count -gt 0) -Because "-$($p.Name) takes pipeline input by value or not"
            $h.pipelineInput.Contains('ByPropertyName') | Should -Be (@($sets | Where-Object ValueFromPipelineByPropertyName).Count -gt 0) -Because "-$($p.Name) binds by property name or not"
            $wildcards = @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count -gt 0
            $h.globbing | Should -Be "$wildcards".ToLowerInvariant() -Because "-$($p.Name) takes wildcards or not"
        }
    }

    It 'shows one syntax per parameter set' {
        @($help.Syntax.SyntaxItem).Count | Should -Be @($command.ParameterSets).Count
    }

    It 'has its help data file' {
        Join-Path $HelpFolder "$name.psd1" | Should -Exist
    }
}

Describe 'Help data file <_>.psd1' -ForEach $HelpFiles {
    It 'belongs to an exported cmdlet and documents only parameters it has' {
        $name = $_
        $name | Should -BeIn @(Get-Command -Module Oci).Name
        $data = Import-PowerShellDataFile (Join-Path $HelpFolder "$name.psd1")
        $actual = @((Get-Command $name -Module Oci).Parameters.Keys)
        foreach ($key in 'Parameters', 'DefaultValues') {
            if ($data.ContainsKey($key)) {
                @($data[$key].Keys | Where-Object { $_ -notin $actual }) | Should -BeNullOrEmpty -Because "$key names only parameters of $name"
            }
        }
    }
}

Describe 'Help on discovery, TLS and credentials' {
    It 'documents <Cmdlet> -<Parameter> with an example' -ForEach @(
        @{ Cmdlet = 'Connect-OciEngine'; Parameter = 'CertificatePath'; Example = '-CertificatePath' }
        @{ Cmdlet = 'Connect-OciEngine'; Parameter = 'Endpoint'; Example = 'Connect-OciEngine -Verbose' }
        @{ Cmdlet = 'Connect-OciEngine'; Parameter = 'Driver'; Example = 'Connect-OciEngine -Endpoint *podman*' }
        @{ Cmdlet = 'Invoke-OciPull'; Parameter = 'Credential'; Example = '-Credential $cred' }
        @{ Cmdlet = 'Invoke-OciPull'; Parameter = 'AllowUnencryptedAuthentication'; Example = '-AllowUnencryptedAuthentication' }
        @{ Cmdlet = 'Invoke-OciRequest'; Parameter = 'Parameters'; Example = '@{ credential = Get-Credential }' }
    ) {
        $h = Get-Help $Cmdlet -Full
        $description = Get-Text ($h.Parameters.Parameter | Where-Object Name -eq $Parameter).Description
        $description.Length | Should -BeGreaterThan 80 -Because "$Cmdlet -$Parameter is documented"
        @($h.Examples.Example | Where-Object { $_.Code.Contains($Example) }).Count | Should -BeGreaterOrEqual 1
        if ($Parameter -eq 'Endpoint') {
            foreach ($place in 'DOCKER_HOST', 'DOCKER_CONTEXT', 'currentContext', 'rootless', 'Podman', '-Verbose', 'Tab') {
                $description.Contains($place) | Should -BeTrue -Because "-Endpoint's help explains $place"
            }
        }
    }
}

Describe 'about_Oci' {
    BeforeAll {
        $about = Get-Help about_Oci | Out-String
    }

    It 'is shown by Get-Help about_Oci, with a section per subject' {
        $about | Should -Match '(?m)^\s*about_Oci\s*$'
        foreach ($section in 'FINDING THE ENGINE', 'DRIVERS', 'REGISTRY CREDENTIALS', 'ERRORS', 'TLS') {
            $about | Should -Match "(?m)^$section\s*$" -Because "about_Oci has a $section section"
        }
    }

    It 'lists the discovery places in the order Connect-OciEngine tries them' {
        $order = 'DOCKER_HOST', 'DOCKER_CONTEXT', 'platform default', 'Rootless Docker', 'Podman rootful', 'Podman rootless'
        $at = @($order | ForEach-Object { $about.IndexOf($_) })
        $at | Should -Not -Contain -1
        $at | Should -Be @($at | Sort-Object) -Because 'the places are listed in discovery order'
    }

    It 'names every error id the module writes, and every registered driver' {
        $c = Connect-TestEngine
        # Oci.Core loads in the module's own context: reach its error kinds through an object it made.
        $core = (Invoke-OciRequest -Method PING -Connection $c).GetType().Assembly
        $kinds = [System.Enum]::GetNames($core.GetType('Oci.OciErrorKind', $true))
        # Engine and Registry have no NotFound id of their own (no Get-* lists them): Oci.NotFound.
        $targets = @([System.Enum]::GetNames($core.GetType('Oci.OciKind', $true)) | Where-Object { $_ -notin 'Engine', 'Registry' } | ForEach-Object { "Oci.${_}NotFound" })
        $ids = @($kinds | ForEach-Object { "Oci.$_" }) + $targets +
            'Oci.NoConnection', 'Oci.ConnectionClosed', 'Oci.ConnectionNotFound', 'Oci.ConnectionNameInUse', 'Oci.InvalidWildcard', 'Oci.UnexpectedError'
        foreach ($id in $ids) { $about | Should -Match "(?m)^\s+$([regex]::Escape($id))\s" -Because "about_Oci explains $id" }
        # The registered drivers, as -Driver completes them.
        $line = 'Connect-OciEngine -Driver '
        $drivers = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
        $drivers | Should -Contain 'docker'
        foreach ($driver in $drivers) {
            $about | Should -Match "(?m)^\s+$driver\s" -Because "about_Oci describes the $driver driver"
        }
    }
}
