#Requires -Version 7.2
# Invoke-OciContainerCommand on Docker and Podman.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix execctr
    $run = [guid]::NewGuid().ToString('N')
}

AfterAll {
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Invoke-OciContainerCommand' {
    It 'runs a command with input on stdin, environment, user and working directory on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $ctr = New-LabelledTestContainer -Connection $c -Run $run
        $r = $ctr | Invoke-OciContainerCommand -Command 'sh', '-c', 'cat; echo "$MODE $(busybox id -u) $(pwd)"; echo bad >&2; exit 4' `
            -InputText "from stdin`n" -Environment @{ MODE = 'test' } -User 1000 -WorkingDirectory /tmp
        $r.GetType().FullName | Should -Be 'Oci.OciExecResult'
        $r.Connection | Should -Be $c
        $r.Stdout | Should -Be "from stdin`ntest 1000 /tmp`n"
        $r.Stderr | Should -Be "bad`n"
        $r.ExitCode | Should -Be 4
        $r.Id | Should -Be $ctr.Id -Because 'the result names the container by its Id too'
    }

    It 'a container that does not run is Oci.Conflict; -WhatIf runs nothing' {
        $ctr = New-LabelledTestContainer -Connection $docker -Run $run -NoStart
        Invoke-OciContainerCommand $ctr.Name 'true' -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.Conflict,Oci.PowerShell.InvokeOciContainerCommand'
        $ev[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        $running = New-LabelledTestContainer -Connection $docker -Run $run
        Invoke-OciContainerCommand $running.Name 'touch', '/tmp/whatif' -Connection $docker -WhatIf
        (Invoke-OciContainerCommand $running.Name 'ls', '/tmp/whatif' -Connection $docker).ExitCode | Should -Not -Be 0
    }

    It 'stops at once on Ctrl+C' {
        $ctr = New-LabelledTestContainer -Connection $docker -Run $run
        $rs = New-TestRunspace
        try {
            $null = Invoke-InRunspace $rs { $global:c = Connect-OciEngine -Endpoint $Endpoint }
            $script = [scriptblock]::Create("'running'; Invoke-OciContainerCommand $($ctr.Name) 'sleep', '60' -Connection `$global:c")
            $stopped = Stop-InRunspace $rs $script -Ready { param($out) $out.Count -gt 0 }
            $stopped.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'a hang guard: Ctrl+C stops waiting for a command within a moment'
            $stopped.State | Should -Be 'Stopped'
        }
        finally { $rs.Dispose() }
    }
}
