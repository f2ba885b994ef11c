#Requires -Version 7.2
# Wait-OciContainer on Docker and Podman.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix waitctr
    $run = [guid]::NewGuid().ToString('N')
}

AfterAll {
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Wait-OciContainer' {
    It 'outputs the exit code of each container on <Name>, for each condition' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $ctr = New-LabelledTestContainer -Connection $c -Run $run -Script 'sleep 1; exit 5'
        $ctr | Wait-OciContainer | Should -Be 5
        Wait-OciContainer $ctr.Name -Condition NotRunning -Connection $c | Should -Be 5
        $gone = New-OciContainer $Small 'sh', '-c', 'sleep 1; exit 6' -Network none -AutoRemove -Label @{ $ContainerLabel = $run } -Connection $c | Start-OciContainer -PassThru
        Wait-OciContainer $gone.Name -Condition Removed -Connection $c | Should -Be 6
        @(Get-OciContainer -All -Label "$ContainerLabel=$run" -Connection $c | Where-Object Name -eq $gone.Name).Count | Should -Be 0
    }

    It 'stops at once on Ctrl+C' {
        $ctr = New-LabelledTestContainer -Connection $podman -Run $run
        $rs = New-TestRunspace
        try {
            $null = Invoke-InRunspace $rs { $global:c = Connect-OciEngine -Endpoint $PodmanEndpoint }
            $stopped = Stop-InRunspace $rs ([scriptblock]::Create("'waiting'; Wait-OciContainer $($ctr.Name) -Connection `$global:c")) -Ready { param($out) $out.Count -gt 0 }
            $stopped.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'a hang guard: Ctrl+C stops a wait within a moment'
            $stopped.State | Should -Be 'Stopped'
        }
        finally { $rs.Dispose() }
        (Get-OciContainer $ctr.Name -Connection $podman).State | Should -Be 'running'
    }
}
