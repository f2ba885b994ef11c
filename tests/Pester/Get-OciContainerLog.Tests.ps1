#Requires -Version 7.2
# Get-OciContainerLog on Docker and Podman.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix logctr
    $run = [guid]::NewGuid().ToString('N')
}

AfterAll {
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Get-OciContainerLog' {
    It 'keeps stdout and stderr apart on <Name>, with -Tail, -Stream and -Timestamps' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $ctr = New-LabelledTestContainer -Connection $c -Run $run -Script 'echo one; echo oops >&2; echo two'
        $null = $ctr | Wait-OciContainer
        $lines = @($ctr | Get-OciContainerLog)
        $lines[0].GetType().FullName | Should -Be 'Oci.OciLogLine'
        $lines[0].Connection | Should -Be $c
        @($lines | Where-Object Stream -eq Stdout).Text | Should -Be @('one', 'two')
        @($lines | Where-Object Stream -eq Stderr).Text | Should -Be @('oops')
        @(Get-OciContainerLog $ctr.Name -Stream Stderr -Connection $c).Text | Should -Be @('oops')
        @(Get-OciContainerLog $ctr.Name -Tail 1 -Stream Stdout -Connection $c).Text | Should -Be @('two')
        $stamped = @(Get-OciContainerLog $ctr.Name -Timestamps -Connection $c)
        $stamped | ForEach-Object { $_.Timestamp | Should -Not -BeNullOrEmpty }
        ($ctr | Get-OciContainerLog -Stream Stdout | Out-String).Trim() -split "`r?`n" | Should -Be @('one', 'two') -Because 'the view prints the lines as docker logs does'
    }

    It '-Follow writes lines down the pipeline as they come and ends when the container exits' {
        $ctr = New-LabelledTestContainer -Connection $podman -Run $run -Script 'for i in 1 2 3 4 5; do echo line$i; sleep 0.4; done'
        $seen = [System.Collections.Generic.List[object]]::new()
        $ctr | Get-OciContainerLog -Follow | ForEach-Object {
            # The first line must arrive while the container still writes: lines are not held back until the end.
            $seen.Add([pscustomobject]@{ Text = $_.Text; StateThen = if ($seen.Count -eq 0) { (Get-OciContainer $ctr.Name -Connection $podman).State } })
        }
        $seen.Text | Should -Be @('line1', 'line2', 'line3', 'line4', 'line5')
        $seen[0].StateThen | Should -Be 'running'
        (Get-OciContainer $ctr.Name -Connection $podman -ErrorAction Stop).State | Should -Be 'stopped'
    }

    It '-Follow stops at once on Ctrl+C' {
        $ctr = New-LabelledTestContainer -Connection $docker -Run $run -Script 'echo first; sleep 60'
        $rs = New-TestRunspace
        try {
            $null = Invoke-InRunspace $rs { $global:c = Connect-OciEngine -Endpoint $Endpoint }
            $stopped = Stop-InRunspace $rs ([scriptblock]::Create("Get-OciContainerLog $($ctr.Name) -Follow -Connection `$global:c")) -Ready { param($out) $out.Count -gt 0 }
            $stopped.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'a hang guard: Ctrl+C ends a follow within a moment'
            $stopped.Output.Text | Should -Be @('first')
        }
        finally { $rs.Dispose() }
    }

    It '-Follow ends its stream when a command downstream stops the pipeline (Select-Object -First)' {
        $ctr = New-LabelledTestContainer -Connection $docker -Run $run -Script 'echo one; echo two; sleep 60'
        # Once first, so the connection pool and the code are in place before the count.
        $null = Get-OciContainerLog $ctr.Name -Follow -Connection $docker | Select-Object -First 2
        $handles = { [Diagnostics.Process]::GetCurrentProcess().HandleCount }
        $before = & $handles
        for ($i = 0; $i -lt 8; $i++) {
            @(Get-OciContainerLog $ctr.Name -Follow -Connection $docker | Select-Object -First 2).Text | Should -Be @('one', 'two')
        }
        # A follow left running holds a connection of its own to the engine; eight of them would stay.
        Wait-Until { (& $handles) - $before -lt 4 } -Seconds 20 -Because 'the follows that Select-Object stopped to close their connections'
    }

    It 'a missing container is a non-terminating Oci.ContainerNotFound naming it' {
        $missing = New-TestContainerName -Prefix none
        Get-OciContainerLog $missing -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.ContainerNotFound,Oci.PowerShell.GetOciContainerLog'
        $ev[0].TargetObject | Should -Be $missing
    }
}
