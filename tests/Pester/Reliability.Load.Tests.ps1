#Requires -Version 7.2
# The cmdlets' load suite (docs/reliability.md): 2,000 cmdlet calls across 16 runspaces at once, all through one
# connection object per engine, every answer checked; the process's open file descriptors, threads and managed memory
# end where they began (generous bounds of counts, never of time). The figures are written to the host.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    $Calls = 2000
    $Runspaces = 16

    function Measure-Process {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
        $self = [Diagnostics.Process]::GetCurrentProcess()
        [pscustomobject]@{
            Descriptors = @([IO.Directory]::GetFileSystemEntries('/proc/self/fd')).Count
            Threads     = $self.Threads.Count
            ManagedMiB  = [Math]::Round([GC]::GetTotalMemory($true) / 1MB, 1)
        }
    }

    function Invoke-Load {
        # $Count calls spread over the runspaces, all at once; each runspace returns its wrong answers and errors.
        param($Pool, $Connection, [string] $ImageId, [string] $Container, [int] $Count)
        $each = [int]($Count / $Pool.Count)
        $jobs = foreach ($rs in $Pool) {
            $ps = [powershell]::Create()
            $ps.Runspace = $rs
            $null = $ps.AddScript({
                param($c, $imageId, $container, $n)
                $problems = [System.Collections.Generic.List[string]]::new()
                for ($i = 0; $i -lt $n; $i++) {
                    try {
                        switch ($i % 5) {
                            0 { $r = Invoke-OciRequest PING -Connection $c -ErrorAction Stop; if ($r.Status -ne 'OK') { $problems.Add("PING: $($r.Status)") } }
                            1 { $r = @(Get-OciImage -Id $imageId -Connection $c -ErrorAction Stop); if ($r.Count -ne 1 -or $r[0].Id -ne $imageId) { $problems.Add("Get-OciImage -Id: $($r.Id)") } }
                            2 { $r = @(Get-OciContainer -Id $container -Connection $c -ErrorAction Stop); if ($r.Count -ne 1 -or $r[0].Name -ne $container -or $r[0].Connection -ne $c) { $problems.Add("Get-OciContainer -Id: $($r.Name)") } }
                            3 { $r = @(Get-OciImage $Small -Connection $c -ErrorAction Stop); if (-not ($r.Id -contains $imageId)) { $problems.Add("Get-OciImage name: $($r.Id)") } }
                            4 { $r = @(Get-OciContainer -Label "oci.pester.load=$container" -Connection $c -ErrorAction Stop); if ($r.Count -ne 1) { $problems.Add("Get-OciContainer -Label: $($r.Count)") } }
                        }
                    }
                    catch { $problems.Add("$($_.FullyQualifiedErrorId): $_") }
                }
                , $problems.ToArray()
            }).AddParameters(@{ c = $Connection; imageId = $ImageId; container = $Container; n = $each })
            [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
        }
        $problems = foreach ($j in $jobs) {
            if (-not $j.Handle.AsyncWaitHandle.WaitOne([TimeSpan]::FromMinutes(10))) { throw 'A runspace did not finish its calls within 10 minutes.' }
            $j.PowerShell.EndInvoke($j.Handle)
            @($j.PowerShell.Streams.Error) | ForEach-Object { "error stream: $_" }
            $j.PowerShell.Dispose()
        }
        [pscustomobject]@{ Calls = $each * $Pool.Count; Problems = @($problems | Where-Object { $_ }) }
    }
}

Describe 'Cmdlets under load on <_>' -ForEach 'docker', 'podman' {
    BeforeAll {
        $c = Connect-OciEngine -Endpoint ($_ -eq 'docker' ? $Endpoint : $PodmanEndpoint) -Name "load-$_" -ErrorAction Stop
        $null = Invoke-OciPull $Small -Connection $c -ErrorAction Stop
        $imageId = (Get-OciImage $Small -Connection $c -ErrorAction Stop | Select-Object -First 1).Id
        $container = New-TestContainerName 'load'
        $null = New-OciContainer $Small 'sleep', '3600' -Name $container -Network none -Label @{ 'oci.pester.load' = $container } -Connection $c -ErrorAction Stop
        $null = Start-OciContainer $container -Connection $c -ErrorAction Stop
        $pool = foreach ($i in 1..$Runspaces) { New-TestRunspace }
    }

    AfterAll {
        foreach ($rs in $pool) { $rs.Dispose() }
        Remove-OciContainer $container -Force -Connection $c -Confirm:$false -ErrorAction SilentlyContinue
        Disconnect-OciEngine -Connection $c
    }

    It '2,000 calls across 16 runspaces through one connection all answer right, and nothing grows' {
        $null = Invoke-Load $pool $c $imageId $container ($Runspaces * 10) # warm-up
        $before = Measure-Process
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $load = Invoke-Load $pool $c $imageId $container $Calls
        $watch.Stop()
        $after = Measure-Process
        Write-Host ("FIGURE {0}: {1} cmdlet calls across {2} runspaces in {3:0.0} s; {4} fds, {5} threads, {6} MiB -> {7} fds, {8} threads, {9} MiB" -f
            $_, $load.Calls, $Runspaces, $watch.Elapsed.TotalSeconds, $before.Descriptors, $before.Threads, $before.ManagedMiB, $after.Descriptors, $after.Threads, $after.ManagedMiB)
        $load.Calls | Should -Be $Calls
        $load.Problems | Should -BeNullOrEmpty
        $c.Connected | Should -BeTrue
        $after.Descriptors | Should -BeLessOrEqual ($before.Descriptors + 16) -Because 'no descriptor leaks'
        $after.Threads | Should -BeLessOrEqual ($before.Threads + 32) -Because 'no thread leaks'
        $after.ManagedMiB | Should -BeLessOrEqual ($before.ManagedMiB + 64) -Because 'no memory leaks'
    }
}
