#Requires -Version 7.2
# Stop-OciContainer on Docker and Podman.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix stopctr
    $run = [guid]::NewGuid().ToString('N')
}

AfterAll {
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Stop-OciContainer' {
    It 'stops a container that ignores SIGTERM on <Name>: killed once the timeout passed' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $ctr = New-LabelledTestContainer -Connection $c -Run $run -Script "trap '' TERM; while true; do sleep 0.2; done"
        $stopped = Stop-OciContainer $ctr.Name -Timeout 1 -Connection $c -PassThru
        $stopped.State | Should -Be 'stopped'
        $stopped.ExitCode | Should -Be 137
        $stopped.Connection | Should -Be $c
    }

    It 'stops what Get-OciContainer found across engines; -WhatIf stops nothing' {
        $d = New-LabelledTestContainer -Connection $docker -Run $run
        $p = New-LabelledTestContainer -Connection $podman -Run $run
        Get-OciConnection | Get-OciContainer -Label "$ContainerLabel=$run" | Stop-OciContainer -Timeout 0 -WhatIf
        @(Get-OciConnection | Get-OciContainer -Label "$ContainerLabel=$run").Count | Should -Be 2
        Get-OciConnection | Get-OciContainer -Label "$ContainerLabel=$run" | Stop-OciContainer -Timeout 0
        @(Get-OciConnection | Get-OciContainer -Label "$ContainerLabel=$run").Count | Should -Be 0
        (Get-OciContainer $d.Name -Connection $docker).State | Should -Be 'stopped'
        (Get-OciContainer $p.Name -Connection $podman).State | Should -Be 'stopped'
    }
}
