#Requires -Version 7.2
# Get-OciEvent on Docker and Podman: a container's create, start and die arrive in order while it runs (-Wait), a window
# ends by itself, Ctrl+C ends -Wait within moments, filters, errors.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix events
    foreach ($c in $docker, $podman) { $null = Invoke-OciPull $Small -Connection $c -ErrorAction Stop }
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Get-OciEvent' {
    It 'on <Name>, -Wait writes a container''s create, start and die in order while it runs, until stopped' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $label = [guid]::NewGuid().ToString('N')
        $rs = New-TestRunspace
        $ps = [powershell]::Create()
        $ps.Runspace = $rs
        $out = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $null = $ps.AddScript('param($e, $l) $x = Connect-OciEngine -Endpoint $e; Get-OciEvent -Wait -Type container -Label "oci.test.events=$l" -Connection $x').AddParameters(@{ e = $c.Endpoint; l = $label })
        $in = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $in.Complete()
        $handle = $ps.BeginInvoke($in, $out)
        $id = $null
        # By index: enumerating a PSDataCollection the pipeline still writes to waits for it to close.
        $seen = { for ($i = 0; $i -lt $out.Count; $i++) { $out[$i] } }
        try {
            Start-Sleep -Milliseconds 1500 # the stream is open before the container is made
            $id = New-TestContainer $c $Small -Command 'sh', '-c', 'sleep 2' -Labels @{ 'oci.test.events' = $label }
            $deadline = [DateTime]::UtcNow.AddSeconds(60) # hang guard
            while (-not (& $seen | Where-Object Action -eq 'die') -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
            $ps.InvocationStateInfo.State | Should -Be 'Running' -Because 'without -Until the stream follows'
            $actions = @(& $seen | Where-Object ActorId -eq $id | ForEach-Object Action)
            $actions.IndexOf('create') | Should -BeGreaterOrEqual 0
            $actions.IndexOf('create') | Should -BeLessThan $actions.IndexOf('start')
            $actions.IndexOf('start') | Should -BeLessThan $actions.IndexOf('die')
            $die = & $seen | Where-Object Action -eq 'die' | Select-Object -First 1
            $die.GetType().FullName | Should -Be 'Oci.OciEvent'
            $die.Attributes['oci.test.events'] | Should -Be $label
            $die.Connection.Endpoint | Should -Be $c.Endpoint
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'stopping ends -Wait at once'
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $ps.Dispose(); $rs.Dispose()
            if ($id) { Remove-TestContainer $c $id }
        }
    }

    It 'without -Wait writes the window and ends, from several engines at once, filtered' {
        $label = [guid]::NewGuid().ToString('N')
        $since = (Get-Date).AddSeconds(-1)
        $ids = foreach ($c in $docker, $podman) { New-TestContainer $c $Small -Labels @{ 'oci.test.events' = $label } -NoStart }
        try {
            $events = @(Get-OciEvent -Since $since -Label "oci.test.events=$label" -Action create -Connection $docker, $podman)
            @($events | ForEach-Object ActorId) | Should -Be $ids
            @($events.Connection.Name) | Should -Be @('events-docker', 'events-podman')
            @(Get-OciEvent -Since $since -Label "oci.test.events=$label" -Type image -Connection $docker).Count | Should -Be 0
            Get-TableColumns ($events | Out-String -Width 200) | Should -Be @('Time', 'Type', 'Action', 'Actor', 'Name')
        }
        finally { for ($i = 0; $i -lt 2; $i++) { Remove-TestContainer (@($docker, $podman)[$i]) $ids[$i] } }
    }

    It '-Until before -Since, a bad filter, and -Wait with two engines are Oci.InvalidArgument' {
        { Get-OciEvent -Since (Get-Date) -Until (Get-Date).AddMinutes(-1) -Connection $docker -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.GetOciEvent'
        { Get-OciEvent -Type 'container&x' -Connection $docker -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.GetOciEvent'
        { Get-OciEvent -Wait -Connection $docker, $podman -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.GetOciEvent'
    }
}
