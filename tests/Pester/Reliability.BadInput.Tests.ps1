# The cmdlets' bad-input suite (docs/reliability.md): every case of BadInput.Cases.ps1, once through a connection to a
# recording engine answering as dockerd and once as Podman, fails with exactly its ErrorId and ErrorCategory, in a message
# of sane length, and nothing reaches the engine.

BeforeDiscovery {
    $runs = foreach ($case in (. (Join-Path $PSScriptRoot 'BadInput.Cases.ps1'))) {
        foreach ($driver in 'docker', 'podman') { @{ Case = $case.Name; Driver = $driver } }
    }
}

Describe 'Bad input to the cmdlets' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-Module $ModulePath -Force
        # Loaded again for the run: the cases' script blocks read the table's own variables ($K17, $Nul, ...).
        $Table = @(. (Join-Path $PSScriptRoot 'BadInput.Cases.ps1'))
        $Cases = @{}
        foreach ($c in $Table) { $Cases[$c.Name] = $c }
        $Engines = @{
            docker = [Oci.Tests.Pester.FakeEngine]::new([ipaddress]::Loopback, $false)
            podman = [Oci.Tests.Pester.FakeEngine]::new([ipaddress]::Loopback, $true)
        }
        $Connections = @{}
        foreach ($d in 'docker', 'podman') { $Connections[$d] = Connect-OciEngine -Endpoint $Engines[$d].Endpoint -Name "badinput-$d" -ErrorAction Stop }
    }

    AfterAll {
        Disconnect-OciEngine -Name 'badinput-*'
        foreach ($e in $Engines.Values) { $e.Dispose() }
    }

    It 'has at least 100 cases, each named once, covering every cmdlet' {
        $Table.Count | Should -BeGreaterOrEqual 100
        $Cases.Count | Should -Be $Table.Count
        $covered = $Table | ForEach-Object { $_.Run.Ast.FindAll({ param($a) $a -is [System.Management.Automation.Language.CommandAst] }, $true) | ForEach-Object { $_.GetCommandName() } } |
            Where-Object { $_ -like '*-Oci*' } | Sort-Object -Unique
        $Cmdlets | Where-Object { $_ -notin $covered } | Should -BeNullOrEmpty -Because 'every cmdlet has bad-input cases'
    }

    It 'the recording engines see what is sent' {
        foreach ($d in 'docker', 'podman') {
            $before = $Engines[$d].Requests.Count
            $null = Invoke-OciRequest PING -Connection $Connections[$d]
            $Engines[$d].Requests.Count | Should -Be ($before + 1)
        }
    }

    It '<Case> (<Driver>)' -ForEach $runs {
        $c = $Cases[$Case]
        $engine = $Engines[$Driver]
        $before = $engine.Requests.Count
        $e = $null
        try {
            $ErrorActionPreference = 'Stop'
            $null = & $c.Run $Connections[$Driver]
        }
        catch { $e = $_ }
        $e | Should -Not -BeNullOrEmpty -Because 'bad input is refused'
        ($e.FullyQualifiedErrorId -split ',')[0] | Should -Be $c.Id -Because "$($e.FullyQualifiedErrorId) [$($e.CategoryInfo.Category)]: $e"
        $e.CategoryInfo.Category | Should -Be $c.Category -Because "$($e.FullyQualifiedErrorId) [$($e.CategoryInfo.Category)]: $e"
        "$e".Length | Should -BeLessThan 2048
        $engine.Requests.Count | Should -Be $before -Because 'nothing reaches the engine'
    }
}
