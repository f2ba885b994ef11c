#Requires -Version 7.2
# New-OciPSSession on Docker and Podman: real PSSessions to pwsh in containers of the test bed's pwsh image
# (eng/testbed/pwsh-image.sh), used with PowerShell's own remoting cmdlets.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    Get-PSSession | Remove-PSSession
    $docker, $podman = Connect-BothEngines -Prefix pssession
    $run = [guid]::NewGuid().ToString('N')
    # One idle pwsh container per engine, shared by the tests that only talk to it.
    $web = @{ Docker = New-PwshTestContainer -Connection $docker -Run $run; Podman = New-PwshTestContainer -Connection $podman -Run $run }
    $conn = @{ Docker = $docker; Podman = $podman }
}

AfterAll {
    Get-PSSession | Remove-PSSession
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'New-OciPSSession' {
    AfterEach {
        Get-PSSession | Remove-PSSession
    }

    It 'Invoke-Command -Session (Get-OciContainer <Name> | New-OciPSSession) { $PSVersionTable } runs in the container (the main job)' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $ctrName = $web[$Name].Name
        # Invoke-Command binds piped sessions to -InputObject, not -Session (PowerShell's own binding): the sessions are
        # given by parameter, and the answer must come from inside the container, not from this pwsh.
        $table = Invoke-Command -Session (Get-OciContainer $ctrName -Connection $conn[$Name] | New-OciPSSession) { $PSVersionTable + @{ Host = [Environment]::MachineName; ProcessId = $PID } }
        $table.Host | Should -Be ($web[$Name].Id.Substring(0, 12))
        $table.ProcessId | Should -Not -Be $PID
        $table.PSVersion.ToString() | Should -Be '7.6.9'
        $table.PSEdition | Should -Be 'Core'
        $table.Platform | Should -Be 'Unix'
        $session = @(Get-PSSession)
        $session.Count | Should -Be 1 -Because 'the session is a real PSSession, listed by Get-PSSession'
        $session[0].GetType().FullName | Should -Be 'System.Management.Automation.Runspaces.PSSession'
        $session[0].ComputerName, $session[0].Transport, $session[0].State, $session[0].Availability | Should -Be $ctrName, 'Oci', 'Opened', 'Available'
        (Invoke-Command $session[0] { [Environment]::MachineName }) | Should -Be ($web[$Name].Id.Substring(0, 12)) -Because 'the commands run inside the container (its host name is its short id)'
    }

    It 'binds container names by value and containers by property name, each reaching its own engine, with -Name' {
        $byValue = $web.Docker.Name | New-OciPSSession -Connection $docker -Name by-value
        $byValue.Name, $byValue.ComputerName | Should -Be 'by-value', $web.Docker.Name
        $byProperty = @(Get-OciContainer -Label "$ContainerLabel=$run" -Connection $docker, $podman | New-OciPSSession -Name by-property)
        $byProperty.Count | Should -Be 2
        @($byProperty.ComputerName | Sort-Object) | Should -Be @(@($web.Docker.Name, $web.Podman.Name) | Sort-Object)
        @(Get-PSSession -Name by-property).Count | Should -Be 2
        # -Container by its aliases and position.
        (New-OciPSSession -Id $web.Podman.Id -Connection $podman).ComputerName | Should -Be $web.Podman.Name
        (New-OciPSSession -ContainerId $web.Podman.Id.Substring(0, 12) -Connection $podman).ComputerName | Should -Be $web.Podman.Name
    }

    It 'round-trips objects on <Name>: deserialized types, Unicode, nesting, input from here' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $s = New-OciPSSession $web[$Name].Name -Connection $conn[$Name]
        $text = 'ü ✓ 日本語 😀 «quotes» ' + [char]0x2028 + ' end'
        $r = Invoke-Command $s {
            param($fromHere)
            [pscustomobject]@{
                Text      = $fromHere
                Length    = $fromHere.Length
                Number    = 42
                Big       = [long]::MaxValue
                Date      = [datetime]::new(2026, 1, 2, 3, 4, 5, [DateTimeKind]::Utc)
                List      = 1, 'two', 3.5
                Table     = @{ key = 'värde' }
                Nested    = [pscustomobject]@{ Inner = [pscustomobject]@{ Deep = 'ß' } }
                File      = Get-Item /etc/passwd
                Process   = Get-Process -Id $PID
            }
        } -ArgumentList $text
        $r.Text | Should -BeExactly $text
        $r.Length | Should -Be $text.Length
        $r.Number | Should -BeOfType [int]
        $r.Big | Should -Be ([long]::MaxValue)
        $r.Date | Should -BeOfType [datetime]
        $r.Date.ToUniversalTime() | Should -Be ([datetime]::new(2026, 1, 2, 3, 4, 5, [DateTimeKind]::Utc))
        $r.List | Should -Be @(1, 'two', 3.5)
        $r.Table.key | Should -BeExactly 'värde'
        $r.Nested.Inner.Deep | Should -BeExactly 'ß'
        $r.File.PSObject.TypeNames[0] | Should -Be 'Deserialized.System.IO.FileInfo'
        $r.File.FullName | Should -Be '/etc/passwd'
        $r.Process.PSObject.TypeNames[0] | Should -Be 'Deserialized.System.Diagnostics.Process'
        $r.PSObject.TypeNames | Should -Contain 'Deserialized.System.Management.Automation.PSCustomObject'
        $r.PSComputerName | Should -Be $web[$Name].Name
    }

    It 'brings errors from the container back: non-terminating with their origin, terminating as RemoteException, on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $s = New-OciPSSession $web[$Name].Name -Connection $conn[$Name]
        $out = Invoke-Command $s { Write-Error 'remote trouble ✗' -Category InvalidData -ErrorId Remote.Id; 'after' } -ErrorVariable ev -ErrorAction SilentlyContinue
        $out | Should -Be 'after' -Because 'a non-terminating remote error lets the script go on'
        $ev.Count | Should -Be 1
        "$($ev[0])" | Should -Be 'remote trouble ✗'
        $ev[0].FullyQualifiedErrorId | Should -Be 'Remote.Id'
        $ev[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $ev[0].OriginInfo.PSComputerName | Should -Be $web[$Name].Name
        $thrown = { Invoke-Command $s { throw 'remote stop' } -ErrorAction Stop } | Should -Throw -PassThru
        $thrown.Exception.Message | Should -Be 'remote stop'
        $thrown.Exception.GetType().Name | Should -Be 'RemoteException'
        $s.State | Should -Be 'Opened' -Because 'a failed command leaves the session usable'
        Invoke-Command $s { 'still here' } | Should -Be 'still here'
    }

    It 'passes local values with $using: on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $s = New-OciPSSession $web[$Name].Name -Connection $conn[$Name]
        $word = 'grüße'
        $numbers = 1, 2, 3
        $map = @{ a = 1 }
        Invoke-Command $s { "$using:word $(($using:numbers | Measure-Object -Sum).Sum) $($using:map.a)" } | Should -Be 'grüße 6 1'
    }

    It 'runs as a job with -AsJob on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $s = New-OciPSSession $web[$Name].Name -Connection $conn[$Name]
        $job = Invoke-Command $s { Start-Sleep -Milliseconds 200; 'from the job'; $PID } -AsJob
        try {
            $job.GetType().Name | Should -Be 'PSRemotingJob'
            $null = Wait-Job $job -Timeout 120
            $job.State | Should -Be 'Completed'
            $out = @(Receive-Job $job)
            $out[0] | Should -Be 'from the job'
            $out[1].PSComputerName | Should -Be $web[$Name].Name
        }
        finally {
            Remove-Job $job -Force
        }
    }

    It 'holds a Docker and a Podman session at once, and Invoke-Command runs in both' {
        $sessions = @($web.Docker, $web.Podman | New-OciPSSession)
        $sessions.Count | Should -Be 2
        $answers = @(Invoke-Command $sessions { [pscustomobject]@{ Host = [Environment]::MachineName; Pid = $PID } })
        @($answers.PSComputerName | Sort-Object) | Should -Be @(@($web.Docker.Name, $web.Podman.Name) | Sort-Object)
        ($answers | Where-Object PSComputerName -eq $web.Docker.Name).Host | Should -Be $web.Docker.Id.Substring(0, 12)
        ($answers | Where-Object PSComputerName -eq $web.Podman.Name).Host | Should -Be $web.Podman.Id.Substring(0, 12)
    }

    It 'copies files into and out of the container with Copy-Item -ToSession and -FromSession on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $s = New-OciPSSession $web[$Name].Name -Connection $conn[$Name]
        $work = Join-Path ([IO.Path]::GetTempPath()) ('oci-copy-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $work
        try {
            $bytes = [byte[]]::new(300000); [Random]::new(14).NextBytes($bytes)
            $local = Join-Path $work 'payload ü.bin'
            [IO.File]::WriteAllBytes($local, $bytes)
            Copy-Item -LiteralPath $local -Destination '/tmp/payload ü.bin' -ToSession $s -ErrorAction Stop
            $remote = Invoke-Command $s { Get-FileHash -LiteralPath '/tmp/payload ü.bin' -Algorithm SHA256 }
            $remote.Hash | Should -Be (Get-FileHash -LiteralPath $local -Algorithm SHA256).Hash
            Copy-Item -LiteralPath '/tmp/payload ü.bin' -Destination (Join-Path $work 'back.bin') -FromSession $s -ErrorAction Stop
            (Get-FileHash (Join-Path $work 'back.bin')).Hash | Should -Be (Get-FileHash -LiteralPath $local).Hash
        }
        finally {
            Remove-Item -LiteralPath $work -Recurse -Force
        }
    }

    It 'runs pwsh as -User on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $s = New-OciPSSession $web[$Name].Name -Connection $conn[$Name] -User 1000
        (Invoke-Command $s { (& id -u) + ' ' + [Environment]::UserName }) | Should -Be '1000 oci'
    }

    It 'brings 20,000 small objects back on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $s = New-OciPSSession $web[$Name].Name -Connection $conn[$Name]
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $job = Invoke-Command $s { foreach ($i in 1..20000) { [pscustomobject]@{ N = $i; Text = "item $i" } } } -AsJob
        try {
            $null = Wait-Job $job -Timeout 600
            $job.State | Should -Be 'Completed' -Because 'a hang guard: 20,000 objects take seconds, not ten minutes'
            $all = @(Receive-Job $job)
        }
        finally {
            Remove-Job $job -Force
        }
        $all.Count | Should -Be 20000
        ($all.N | Measure-Object -Sum).Sum | Should -Be (20000 * 20001 / 2)
        $all[19999].Text | Should -Be 'item 20000'
        Write-Host "    20,000 objects from $Name in $([int]$watch.Elapsed.TotalMilliseconds) ms (measured, not asserted)"
    }

    It 'opens a session within a moment on <Name> (measured and reported; a hang guard only)' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $times = foreach ($i in 1..3) {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $s = New-OciPSSession $web[$Name].Name -Connection $conn[$Name]
            $watch.Stop()
            Invoke-Command $s { 1 } | Should -Be 1
            Remove-PSSession $s
            $watch.Elapsed.TotalMilliseconds
        }
        $sorted = @($times | Sort-Object)
        $sorted[-1] | Should -BeLessThan 60000 -Because 'a hang guard only (a warm open takes about a second)'
        Write-Host "    session open on ${Name}: $([int]$sorted[0]) / $([int]$sorted[1]) / $([int]$sorted[2]) ms (min / median / max, warm)"
    }

    It 'ends pwsh in the container on Remove-PSSession on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $s = New-OciPSSession $web[$Name].Name -Connection $conn[$Name]
        @(Get-PwshServerProcess $web[$Name].Name -Connection $conn[$Name]).Count | Should -Be 1
        Remove-PSSession $s
        Wait-Until { @(Get-PwshServerProcess $web[$Name].Name -Connection $conn[$Name]).Count -eq 0 } -Seconds 60 -Because 'pwsh to exit once its session is closed'
    }

    It 'ends its sessions with the Oci connection they were opened through (Disconnect-OciEngine)' {
        $own = Connect-OciEngine -Endpoint $PodmanEndpoint -Name pssession-own
        $s = New-OciPSSession $web.Podman.Name -Connection $own
        Invoke-Command $s { 'up' } | Should -Be 'up'
        Disconnect-OciEngine -Name pssession-own
        Wait-Until { $s.State -eq 'Broken' } -Seconds 60 -Because 'the session to break once its connection is closed'
        { Invoke-Command $s { 'never' } -ErrorAction Stop } | Should -Throw
        Wait-Until { @(Get-PwshServerProcess $web.Podman.Name -Connection $podman).Count -eq 0 } -Seconds 60 -Because 'pwsh in the container to end'
    }

    It 'breaks the session, without hanging, when the container stops under it, on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $ctr = New-PwshTestContainer -Connection $conn[$Name] -Run $run
        $s = New-OciPSSession $ctr.Name -Connection $conn[$Name]
        Invoke-Command $s { 'up' } | Should -Be 'up'
        Stop-OciContainer $ctr.Name -Timeout 0 -Connection $conn[$Name]
        Wait-Until { $s.State -eq 'Broken' } -Seconds 60 -Because 'the session to break once pwsh is gone'
        $thrown = { Invoke-Command $s { 'never' } -ErrorAction Stop } | Should -Throw -PassThru
        "$thrown" | Should -Not -BeNullOrEmpty
        $s.Runspace.RunspaceStateInfo.Reason.Message | Should -BeLike "*PowerShell in container '$($ctr.Name)' ended*"
    }

    It 'leaves no pwsh in the container when the client is killed mid-command, on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $ctr = New-PwshTestContainer -Connection $conn[$Name] -Run $run
        $endpoint = $conn[$Name].Endpoint
        $script = @"
Import-Module '$ModulePath' -ErrorAction Stop
`$c = Connect-OciEngine -Endpoint '$endpoint' -ErrorAction Stop
`$s = New-OciPSSession '$($ctr.Name)' -Connection `$c -ErrorAction Stop
Invoke-Command `$s { 'started'; Start-Sleep -Seconds 600; 'never' }
"@
        $command = @(Get-PwshCommand)
        $start = [Diagnostics.ProcessStartInfo]::new($command[0])
        foreach ($a in @($command | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $script)) { $start.ArgumentList.Add($a) }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $client = [Diagnostics.Process]::Start($start)
        try {
            $line = $client.StandardOutput.ReadLineAsync()
            $line.Wait([TimeSpan]::FromSeconds(120)) | Should -BeTrue -Because "the client starts its remote command (stderr: $(if ($client.HasExited) { $client.StandardError.ReadToEnd() }))"
            $line.Result | Should -Be 'started'
            @(Get-PwshServerProcess $ctr.Name -Connection $conn[$Name]).Count | Should -Be 1 -Because 'pwsh runs the command in the container'
            $client.Kill($true)
            $client.WaitForExit(30000) | Should -BeTrue
            Wait-Until { @(Get-PwshServerProcess $ctr.Name -Connection $conn[$Name]).Count -eq 0 } -Seconds 60 -Because 'pwsh in the container to end once its client is gone (its stdin closes)'
        }
        finally {
            if (-not $client.HasExited) { $client.Kill($true) }
            $client.Dispose()
        }
    }

    It 'refuses a container without pwsh with Oci.NotFound, naming it, on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $ctr = New-LabelledTestContainer -Connection $conn[$Name] -Run $run -Script 'sleep 600'
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $s = New-OciPSSession $ctr.Name -Connection $conn[$Name] -ErrorVariable ev -ErrorAction SilentlyContinue
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 30 -Because 'a hang guard: the engine reports the failed exec at once'
        $s | Should -BeNullOrEmpty
        $ev.Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.NotFound,Oci.PowerShell.NewOciPSSession'
        $ev[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $ev[0].TargetObject | Should -Be $ctr.Name
        "$ev" | Should -BeLike "PowerShell cannot run in container '$($ctr.Name)': *pwsh*not found*"
        @(Get-PSSession).Count | Should -Be 0
    }

    It 'refuses a stopped container with Oci.Conflict, naming it, on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $ctr = New-PwshTestContainer -Connection $conn[$Name] -Run $run
        Stop-OciContainer $ctr.Name -Timeout 0 -Connection $conn[$Name]
        $ctr | New-OciPSSession -ErrorVariable ev -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $ev.Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.Conflict,Oci.PowerShell.NewOciPSSession'
        $ev[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        $ev[0].TargetObject | Should -Be $ctr.Id
        "$ev" | Should -BeLike "Container '$($ctr.Name)' is *, not running: a PowerShell session needs a running container. Start it with Start-OciContainer."
    }

    It 'names a container that does not exist with Oci.ContainerNotFound and goes on with the next' {
        $missing = 'no-such-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $sessions = @(New-OciPSSession $missing, $web.Docker.Name -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue)
        $sessions.Count | Should -Be 1
        $sessions[0].ComputerName | Should -Be $web.Docker.Name
        $ev.Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.ContainerNotFound,Oci.PowerShell.NewOciPSSession'
        $ev[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $ev[0].TargetObject | Should -Be $missing
    }

    It 'fails with Oci.Timeout when pwsh does not answer within -Timeout, and with the command''s own words when it is not PowerShell' {
        # A "pwsh" that never answers, and one that says something else and exits.
        $silent = New-LabelledTestContainer -Connection $docker -Run $run -Script 'busybox mkdir -p /usr/bin; echo "#!/bin/sh" > /usr/bin/pwsh; echo "exec sleep 600" >> /usr/bin/pwsh; busybox chmod 755 /usr/bin/pwsh; sleep 600'
        $other = New-LabelledTestContainer -Connection $podman -Run $run -Script 'busybox mkdir -p /usr/bin; echo "#!/bin/sh" > /usr/bin/pwsh; echo "echo I am not PowerShell; exit 3" >> /usr/bin/pwsh; busybox chmod 755 /usr/bin/pwsh; sleep 600'
        Wait-Until { (Invoke-OciContainerCommand $silent.Name 'ls', '/usr/bin/pwsh' -Connection $docker).ExitCode -eq 0 -and (Invoke-OciContainerCommand $other.Name 'ls', '/usr/bin/pwsh' -Connection $podman).ExitCode -eq 0 } -Because 'the fake pwsh files'
        $watch = [Diagnostics.Stopwatch]::StartNew()
        New-OciPSSession $silent.Name -Connection $docker -Timeout 2 -ErrorVariable ev -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 30 -Because 'a hang guard: -Timeout bounds the wait'
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.Timeout,Oci.PowerShell.NewOciPSSession'
        $ev[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        "$($ev[0])" | Should -Be "PowerShell in container '$($silent.Name)' did not answer within 2 s."
        New-OciPSSession $other.Name -Connection $podman -ErrorVariable ev2 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $ev2[0].FullyQualifiedErrorId | Should -Be 'Oci.EngineError,Oci.PowerShell.NewOciPSSession'
        "$($ev2[0])" | Should -BeLike "PowerShell did not start in container '$($other.Name)' (exit code 3)*"
        @(Get-PSSession).Count | Should -Be 0
    }

    It 'stops waiting for pwsh at once on Ctrl+C and leaves no session' {
        $silent = New-LabelledTestContainer -Connection $docker -Run $run -Script 'busybox mkdir -p /usr/bin; echo "#!/bin/sh" > /usr/bin/pwsh; echo "exec sleep 600" >> /usr/bin/pwsh; busybox chmod 755 /usr/bin/pwsh; echo ready; sleep 600'
        Wait-Until { (Invoke-OciContainerCommand $silent.Name 'ls', '/usr/bin/pwsh' -Connection $docker).ExitCode -eq 0 } -Because 'the fake pwsh file'
        $rs = New-TestRunspace
        try {
            $null = Invoke-InRunspace $rs { $global:c = Connect-OciEngine -Endpoint $Endpoint }
            $script = [scriptblock]::Create("'opening'; New-OciPSSession $($silent.Name) -Connection `$global:c -Timeout 600")
            # Ready once the fake pwsh runs (its sleep beside the container's own): the cmdlet is then waiting for an answer.
            $sleeping = { @((Invoke-OciContainerCommand $silent.Name 'busybox', 'ps', '-o', 'args' -Connection $docker).Stdout -split "`n" | Where-Object { $_ -match '^sleep 600' }).Count }
            $stopped = Stop-InRunspace $rs $script -Ready { param($out) $out.Count -gt 0 -and (& $sleeping) -ge 2 }
            $stopped.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'a hang guard: Ctrl+C stops the wait within a moment'
            $stopped.State | Should -Be 'Stopped'
            $stopped.Output | Should -Be 'opening'
            (Invoke-InRunspace $rs { @(Get-PSSession).Count }).Output | Should -Be 0
        }
        finally { $rs.Dispose() }
    }

    It 'opens nothing with -WhatIf' {
        New-OciPSSession $web.Docker.Name -Connection $docker -WhatIf | Should -BeNullOrEmpty
        @(Get-PSSession).Count | Should -Be 0
        @(Get-PwshServerProcess $web.Docker.Name -Connection $docker).Count | Should -Be 0
    }

    It 'completes -Container with the live names of the engine' {
        $line = "New-OciPSSession -Connection `$docker -Container $($web.Docker.Name.Substring(0, 8))"
        $found = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText)
        $found | Should -Contain $web.Docker.Name
    }

    It 'loads its transport beside the module''s Oci.Core, on PowerShell''s own System.Management.Automation' {
        $s = New-OciPSSession $web.Docker.Name -Connection $docker
        $transport = $s.Runspace.ConnectionInfo.GetType().Assembly
        $transport.GetName().Name | Should -Be 'Oci.PowerShell.Remoting'
        $transport.Location | Should -Be (Join-Path $ModuleFolder 'Dependencies' 'net10.0' 'Oci.PowerShell.Remoting.dll')
        $core = (Invoke-OciRequest -Method PING -Connection $docker).GetType().Assembly
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($transport) | Should -Be ([System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($core))
        $transport.GetReferencedAssemblies().Name | Should -Contain 'Oci.Core'
        $s.Runspace.ConnectionInfo.Client.GetType().Assembly | Should -Be $core -Because 'one Oci.Core: the module''s'
        $s.Runspace.ConnectionInfo.GetType().BaseType.Assembly | Should -Be ([System.Management.Automation.PSObject].Assembly) -Because 'the host''s own System.Management.Automation'
        @(Get-ChildItem (Join-Path $ModuleFolder 'Dependencies' 'net10.0') -File | ForEach-Object Name) | Should -Be @('Oci.PowerShell.Remoting.dll')
    }
}
