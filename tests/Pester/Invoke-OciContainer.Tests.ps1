#Requires -Version 7.2
# Invoke-OciContainer on Docker and Podman.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix runctr
    $run = [guid]::NewGuid().ToString('N')
}

AfterAll {
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Invoke-OciContainer' {
    It 'runs a container on <Name>: both streams apart, exit code 3, container removed' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $r = Invoke-OciContainer $Small 'sh', '-c', 'echo out; echo err >&2; echo more; exit 3' -Network none -Label @{ $ContainerLabel = $run } -Connection $c
        $r.GetType().FullName | Should -Be 'Oci.OciRunResult'
        $r.Connection | Should -Be $c
        $r.Stdout | Should -Be "out`nmore`n"
        $r.Stderr | Should -Be "err`n"
        $r.ExitCode | Should -Be 3
        $r.Removed | Should -BeTrue
        @(Get-OciContainer -All -Label "$ContainerLabel=$run" -Connection $c | Where-Object Id -eq $r.ContainerId).Count | Should -Be 0
    }

    It '-Keep keeps the container, which pipes into Remove-OciContainer' {
        $name = New-TestContainerName
        $r = Invoke-OciContainer $Small 'echo', 'kept' -Name $name -Keep -Network none -Label @{ $ContainerLabel = $run } -Connection $podman
        $r.Removed | Should -BeFalse
        (Get-OciContainer $name -Connection $podman).State | Should -Be 'stopped'
        $r | Remove-OciContainer
        @(Get-OciContainer -All -Label "$ContainerLabel=$run" -Connection $podman | Where-Object Name -eq $name).Count | Should -Be 0
    }

    It 'Ctrl+C stops a run at once and leaves no container behind' {
        $rs = New-TestRunspace
        try {
            $null = Invoke-InRunspace $rs { $global:c = Connect-OciEngine -Endpoint $Endpoint }
            $script = [scriptblock]::Create("Invoke-OciContainer `$Small 'sh', '-c', 'sleep 60' -Network none -Label @{ '$ContainerLabel' = '$run' } -Connection `$global:c")
            $stopped = Stop-InRunspace $rs $script -Ready { @(Get-OciContainer -Label "$ContainerLabel=$run" -Connection $docker).Count -gt 0 }
            $stopped.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'a hang guard: Ctrl+C stops a run within a moment'
        }
        finally { $rs.Dispose() }
        Wait-Until { @(Get-OciContainer -All -Label "$ContainerLabel=$run" -Connection $docker).Count -eq 0 } -Seconds 60 -Because 'the cancelled run to remove its container'
    }

    It '-WhatIf runs nothing' {
        $name = New-TestContainerName
        Invoke-OciContainer $Small 'true' -Name $name -Connection $docker -WhatIf | Should -BeNullOrEmpty
        @(Get-OciContainer -All -Connection $docker | Where-Object Name -eq $name).Count | Should -Be 0
    }
}
