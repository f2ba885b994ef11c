#Requires -Version 7.2
# Restart-OciContainer on Docker and Podman.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix restartctr
    $run = [guid]::NewGuid().ToString('N')
}

AfterAll {
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Restart-OciContainer' {
    It 'restarts containers on <Name>: running again, started later' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $ctr = New-LabelledTestContainer -Connection $c -Run $run
        $again = $ctr | Restart-OciContainer -Timeout 0 -PassThru
        $again.State | Should -Be 'running'
        $again.StartedAt | Should -BeGreaterThan $ctr.StartedAt
        $again | Restart-OciContainer -Timeout 0 -WhatIf
        (Get-OciContainer $ctr.Name -Connection $c).StartedAt | Should -Be $again.StartedAt
    }
}
