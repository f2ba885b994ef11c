#Requires -Version 7.2
# The cmdlets' fault suite (docs/reliability.md; the engines killed under a call and the registry faults are in the
# core's suite, tests/Oci.Core.Tests/Reliability): Disconnect-OciEngine while other runspaces are mid-call ends each
# of those calls with a connection error and nothing else; Ctrl+C stops a connect to an engine that never answers at
# once; a connection whose engine went away and came back answers again.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
}

Describe 'Disconnect-OciEngine while other runspaces are mid-call on <_>' -ForEach 'docker', 'podman' {
    BeforeAll {
        $ep = $_ -eq 'docker' ? $Endpoint : $PodmanEndpoint
        $run = [guid]::NewGuid().ToString('N')
        $setup = Connect-OciEngine -Endpoint $ep -Name "faults-setup-$_" -ErrorAction Stop
        $ctr = New-LabelledTestContainer -Connection $setup -Run $run -Script 'while true; do echo tick; sleep 0.2; done'
    }

    AfterAll {
        Remove-TestContainers -Run $run -Connection $setup
        Disconnect-OciEngine -Connection $setup
    }

    It 'ends each call with a connection error, throws nothing else, and refuses later calls' {
        $c = Connect-OciEngine -Endpoint $ep -Name "faults-$_" -ErrorAction Stop
        $calls = @(
            { param($c, $n) Wait-OciContainer $n -Connection $c }
            { param($c, $n) Get-OciContainerLog $n -Follow -Connection $c }
            { param($c, $n) Invoke-OciContainerCommand $n 'sleep', '60' -Connection $c }
            { param($c, $n) Get-OciEvent -Wait -Connection $c }
        )
        $running = foreach ($call in $calls) {
            $rs = New-TestRunspace
            $ps = [powershell]::Create()
            $ps.Runspace = $rs
            $null = $ps.AddScript($call.ToString()).AddParameters(@{ c = $c; n = $ctr.Name })
            $out = [System.Management.Automation.PSDataCollection[psobject]]::new()
            [pscustomobject]@{ Runspace = $rs; PowerShell = $ps; Output = $out; Handle = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $out) }
        }
        try {
            # .Count, not @(...): enumerating an open PSDataCollection waits for it to be completed.
            Wait-Until { @($running | Where-Object { $_.Handle.IsCompleted }).Count -eq 0 -and $running[1].Output.Count -ge 2 } -Seconds 30 -Because 'the calls to be under way'
            Start-Sleep -Milliseconds 500
            @($running | Where-Object { $_.Handle.IsCompleted }).Count | Should -Be 0 -Because 'every call is still running when the connection closes'
            $watch = [Diagnostics.Stopwatch]::StartNew()
            Disconnect-OciEngine -Connection $c
            foreach ($r in $running) {
                $r.Handle.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(30)) | Should -BeTrue -Because 'each call ends when its connection closes'
            }
            Write-Host ("FIGURE {0}: Disconnect-OciEngine with 4 calls in other runspaces, all ended in {1:0} ms" -f $_, $watch.Elapsed.TotalMilliseconds)
            foreach ($r in $running) {
                $terminating = $null
                try { $null = $r.PowerShell.EndInvoke($r.Handle) } catch { $terminating = $_.Exception.InnerException.ErrorRecord ?? $_ }
                $errors = @($r.PowerShell.Streams.Error) + @($terminating | Where-Object { $_ })
                $errors.Count | Should -Be 1 -Because "one error per call ($($errors -join ' | '))"
                ($errors[0].FullyQualifiedErrorId -split ',')[0] | Should -BeIn 'Oci.ConnectionClosed', 'Oci.Cancelled' -Because "$($errors[0])"
            }
            { Invoke-OciRequest PING -Connection $c -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.ConnectionClosed,Oci.PowerShell.InvokeOciRequest'
        }
        finally {
            foreach ($r in $running) { $r.PowerShell.Dispose(); $r.Runspace.Dispose() }
        }
    }
}

Describe 'Ctrl+C during a connect' {
    It 'stops a connect to an engine that accepts and never answers at once' {
        $silent = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $silent.Start()
        $rs = New-TestRunspace
        try {
            $ep = "tcp://127.0.0.1:$($silent.LocalEndpoint.Port)"
            $stopped = Stop-InRunspace $rs ([scriptblock]::Create("Connect-OciEngine -Endpoint '$ep' -Timeout 60")) -Ready { param($o) $true }
            Write-Host ("FIGURE Ctrl+C during Connect-OciEngine: stopped in {0:0} ms" -f $stopped.Elapsed.TotalMilliseconds)
            $stopped.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'a hang guard: Ctrl+C stops a connect within a moment'
            $stopped.State | Should -Be 'Stopped'
            $r = Invoke-InRunspace $rs { @(Get-OciConnection).Count }
            $r.Output[0] | Should -Be 0 -Because 'a stopped connect leaves no connection behind'
        }
        finally {
            $rs.Dispose()
            $silent.Stop()
        }
    }
}
